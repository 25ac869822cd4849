package io.github.attnlab.spectral.heads;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.plot.Table;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import io.github.attnlab.spectral.partition.BlockSparsity;
import io.github.attnlab.spectral.partition.MultilevelPartitioner;
import io.github.attnlab.spectral.partition.Partition;
import io.github.attnlab.spectral.partition.PartitionQuality;
import java.util.ArrayList;
import java.util.List;

/**
 * One head's multilevel partition against contiguous blocks of tokens (docs/papers/D.md §D item 5): the attention
 * mass each keeps inside its diagonal blocks, at the same number of blocks.
 *
 * @param layer            the layer
 * @param head             the head
 * @param partition        the multilevel partition of the head's graph
 * @param keptPartition    the mass inside the partition's diagonal blocks, over the total
 * @param keptContiguous   the same for contiguous blocks
 * @param balance          the partition's balance ({@link PartitionQuality#balance()})
 * @param identityResidual $|(1 - \text{kept}) - \text{cut fraction}|$: the mass outside the diagonal blocks is the
 *                         directed edge cut, so 0 up to rounding
 */
public record PartitionGain(int layer, int head, Partition partition, double keptPartition, double keptContiguous,
                            double balance, double identityResidual) {

    /** Checks the partition. */
    public PartitionGain {
        Check.notNull("partition", partition);
    }

    /** Every head of {@code t}, partitioned into {@code blocks} blocks by {@link MultilevelPartitioner#DEFAULT}. */
    public static Table<PartitionGain> of(AttentionTensor t, int blocks) {
        Check.notNull("t", t);
        int n = t.length();
        Check.range("blocks", blocks, 1, n);
        Partition contiguous = Partition.contiguous(n, blocks);
        int tile = Math.max(1, n / blocks);
        List<PartitionGain> rows = new ArrayList<>();
        for (int l = 0; l < t.layers(); l++) {
            for (int h = 0; h < t.heads(); h++) {
                WeightedGraph a = AttentionGraphs.directed(t.probabilities(l, h));
                Partition p = MultilevelPartitioner.DEFAULT.partition(a, blocks);
                PartitionQuality quality = PartitionQuality.of(a, p);
                double kept = BlockSparsity.of(a, p, tile, 0).blockDiagonalMass();
                rows.add(new PartitionGain(l, h, p, kept, BlockSparsity.of(a, contiguous, tile, 0).blockDiagonalMass(),
                        quality.balance(), Math.abs((1 - kept) - quality.cutFraction())));
            }
        }
        return Table.of(rows);
    }

    /** The mass the partition keeps beyond contiguous blocks. */
    public double gain() {
        return keptPartition - keptContiguous;
    }
}
