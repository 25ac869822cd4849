package io.github.attnlab.spectral.partition;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.ArgSort;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Arrays;

/**
 * A method that splits an undirected graph in two, side 0 receiving about a fraction
 * {@code fraction} of the vertices; {@link #partition} applies it recursively for $k$ blocks
 * (recursive bisection, as METIS's {@code pmetis}).
 */
@FunctionalInterface
public interface Bisector {

    /**
     * Side 0 or 1 for every vertex; side 0 gets about {@code fraction} of them (at least one vertex on each side).
     *
     * @throws IllegalArgumentException unless $0 < fraction < 1$, or for a graph of fewer than 2 vertices
     */
    int[] bisect(WeightedGraph g, double fraction);

    /**
     * A $k$-way partition by recursive bisection: split into $\lfloor k/2 \rfloor$ and
     * $\lceil k/2 \rceil$ blocks' worth of vertices, recurse on both induced subgraphs.
     * A directed graph is symmetrised first.
     */
    default Partition partition(WeightedGraph g, int k) {
        Check.notNull("g", g);
        WeightedGraph u = g.symmetrised();
        Check.range("k", k, 1, u.n());
        int[] labels = new int[u.n()];
        int[] all = new int[u.n()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        split(u, all, k, 0, labels);
        return new Partition(k, labels);
    }

    private void split(WeightedGraph g, int[] vertices, int k, int firstLabel, int[] labels) {
        if (k == 1) {
            for (int v : vertices) {
                labels[v] = firstLabel;
            }
            return;
        }
        int k0 = k / 2;
        WeightedGraph sub = g.induced(vertices);
        int[] side = bisect(sub, (double) k0 / k);
        int[] s0 = java.util.stream.IntStream.range(0, vertices.length).filter(i -> side[i] == 0).map(i -> vertices[i]).toArray();
        int[] s1 = java.util.stream.IntStream.range(0, vertices.length).filter(i -> side[i] == 1).map(i -> vertices[i]).toArray();
        if (s0.length < k0 || s1.length < k - k0) {
            throw new IllegalStateException("bisection left " + s0.length + " and " + s1.length + " vertices for "
                    + k0 + " and " + (k - k0) + " blocks");
        }
        split(g, s0, k0, firstLabel, labels);
        split(g, s1, k - k0, firstLabel + k0, labels);
    }

    /**
     * Splits by a vertex score: the {@code round(fraction · n)} vertices of smallest score (ties to
     * the lower index) form side 0 (at least one vertex on each side).
     */
    static int[] splitByScore(double[] score, double fraction) {
        Check.finite("score", score);
        Check.open("fraction", fraction, 0, 1);
        int n = score.length;
        int[] order = ArgSort.ascending(score);
        int n0 = (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
        int[] side = new int[n];
        for (int t = n0; t < n; t++) {
            side[order[t]] = 1;
        }
        return side;
    }
}
