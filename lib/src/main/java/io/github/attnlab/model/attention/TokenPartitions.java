package io.github.attnlab.model.attention;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.partition.MultilevelPartitioner;
import io.github.attnlab.spectral.partition.Partition;

/**
 * Partitions of a passage's tokens for block-sparse attention ({@link AttentionRule#blockSparse(Partition)}), from
 * its dense attention (docs/papers/D.md §D.5): one partition per passage, shared by every layer and head, as a block-sparse
 * kernel with one token order would use. Per-head partitions are {@link AttentionRule#blockSparseByAttention(int)}.
 */
public final class TokenPartitions {

    private TokenPartitions() {
    }

    /**
     * The multilevel partition into {@code parts} blocks of $W = (\bar P + \bar P^\top)/2$, $\bar P$ the attention
     * averaged over every layer and head of {@code attention}.
     *
     * @throws IllegalArgumentException for {@code parts} outside $[1, n]$
     */
    public static Partition ofAttention(AttentionTensor attention, int parts) {
        Check.notNull("attention", attention);
        int n = attention.length();
        Check.range("parts", parts, 1, n);
        double[][] mean = new double[n][n];
        int maps = attention.layers() * attention.heads();
        for (int l = 0; l < attention.layers(); l++) {
            for (int h = 0; h < attention.heads(); h++) {
                double[][] p = attention.probabilities(l, h);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        mean[i][j] += p[i][j] / maps;
                    }
                }
            }
        }
        return MultilevelPartitioner.DEFAULT.partition(AttentionGraphs.symmetrised(mean), parts);
    }

    /** Contiguous blocks of {@code blockSize} positions (the last may be shorter) on {@code n} tokens. */
    public static Partition contiguous(int n, int blockSize) {
        Check.positive("n", n);
        Check.positive("blockSize", blockSize);
        int[] labels = new int[n];
        for (int t = 0; t < n; t++) {
            labels[t] = t / blockSize;
        }
        return new Partition((n + blockSize - 1) / blockSize, labels);
    }
}
