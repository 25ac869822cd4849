package io.github.attnlab.spectral.partition;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.EdgeList;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Arrays;
import java.util.Locale;

/**
 * The edge cut and balance of a partition (Karypis &amp; Kumar, SIAM J. Sci. Comput. 20, 1998).
 *
 * @param edgeCut      total weight of edges (arcs, if directed) between different blocks
 * @param cutFraction  edge cut over total weight
 * @param cutEdges     the number of such edges
 * @param balance      largest block size over the mean size $n/k$ (1 is perfect)
 */
public record PartitionQuality(double edgeCut, double cutFraction, int cutEdges, double balance) {

    /** The quality of partition {@code p} of graph {@code g}. */
    public static PartitionQuality of(WeightedGraph g, Partition p) {
        Check.notNull("g", g);
        Check.notNull("p", p);
        if (p.n() != g.n()) {
            throw new IllegalArgumentException("partition has " + p.n() + " vertices, the graph " + g.n());
        }
        EdgeList e = g.edges();
        double cut = 0;
        double total = 0;
        int count = 0;
        for (int t = 0; t < e.size(); t++) {
            total += e.w(t);
            if (p.label(e.u(t)) != p.label(e.v(t))) {
                cut += e.w(t);
                count++;
            }
        }
        double balance = Arrays.stream(p.sizes()).max().orElse(0) / ((double) g.n() / p.parts());
        return new PartitionQuality(cut, total > 0 ? cut / total : 0, count, balance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PartitionQuality[edge cut %.6g (%.2f%% of the weight, %d edges), balance %.3f]",
                edgeCut, 100 * cutFraction, cutEdges, balance);
    }
}
