package io.github.attnlab.model.attention;

import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.partition.MultilevelPartitioner;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The allowed keys of the pattern and block-sparse rules as flat {@code allowed[query * n + key]}, validated once and
 * cached: a pattern's mask per layer of the pass, a fixed partition's for the whole pass.
 */
final class KeyMasks {

    private final Map<AttentionRule, boolean[]> layerCache = new HashMap<>();
    private final Map<AttentionRule, boolean[]> passCache = new HashMap<>();
    private int cachedLayer = -1;

    /** The mask of {@code pattern} for layer {@code layer} on {@code n} tokens. */
    boolean[] pattern(AttentionRule.Pattern pattern, int layer, int n) {
        if (layer != cachedLayer) {
            layerCache.clear();
            cachedLayer = layer;
        }
        boolean[] m = layerCache.get(pattern);
        if (m == null) {
            m = flat(pattern, pattern.pattern().mask(n, layer), layer, n);
            layerCache.put(pattern, m);
        }
        return m;
    }

    private static boolean[] flat(AttentionRule rule, AttentionMask mask, int layer, int n) {
        if (mask == null) {
            throw new IllegalArgumentException(rule + " gives layer " + layer + " no mask");
        }
        if (mask.size() != n) {
            throw new IllegalArgumentException(rule + " gives layer " + layer + " a mask of size " + mask.size()
                    + " for an input of " + n + " tokens");
        }
        boolean[] m = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            BitSet keys = mask.keys(i);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException(rule + ": layer " + layer + ", query " + i + " of " + n
                        + " has no key to attend to");
            }
            for (int j = keys.nextSetBit(0); j >= 0; j = keys.nextSetBit(j + 1)) {
                m[i * n + j] = true;
            }
        }
        return m;
    }

    /** The block-diagonal mask of a block-sparse rule; from the head's scores {@code s} when it partitions them. */
    boolean[] blocks(AttentionRule.BlockSparse rule, int n, float[] s) {
        if (rule.parts() > 0) {
            return sameBlock(attentionPartition(rule.parts(), n, s), n);
        }
        boolean[] m = passCache.get(rule);
        if (m == null) {
            int[] labels = new int[n];
            if (rule.partition() != null) {
                if (rule.partition().n() != n) {
                    throw new IllegalArgumentException(rule + " partitions " + rule.partition().n()
                            + " tokens, but the input has " + n);
                }
                labels = rule.partition().labels();
            } else {
                for (int t = 0; t < n; t++) {
                    labels[t] = t / rule.blockSize();
                }
            }
            m = sameBlock(labels, n);
            passCache.put(rule, m);
        }
        return m;
    }

    private static boolean[] sameBlock(int[] labels, int n) {
        boolean[] m = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = labels[i] == labels[j];
            }
        }
        return m;
    }

    /** The multilevel partition of $W = (P + P^\top)/2$, $P$ the dense softmax of the head's scores. */
    private static int[] attentionPartition(int parts, int n, float[] s) {
        if (parts > n) {
            throw new IllegalArgumentException("parts = " + parts + " is outside [1, " + n + "] (the input's tokens)");
        }
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, s[i * n + j]);
            }
            double z = 0;
            for (int j = 0; j < n; j++) {
                p[i][j] = Math.exp(s[i * n + j] - max);
                z += p[i][j];
            }
            for (int j = 0; j < n; j++) {
                p[i][j] /= z;
            }
        }
        return MultilevelPartitioner.DEFAULT.partition(AttentionGraphs.symmetrised(p), parts).labels();
    }
}
