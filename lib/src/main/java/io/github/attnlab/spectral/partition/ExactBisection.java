package io.github.attnlab.spectral.partition;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.WeightedGraph;

/**
 * The minimum edge cut over all bisections whose smaller side has at least {@code minSide}
 * vertices, by enumeration of all $2^{n-1}$ subsets in Gray-code order (small graphs, $n \le$
 * {@value #MAX_N}): the optimum that heuristic partitioners are tested against.
 */
public final class ExactBisection {

    /** The largest graph enumerated. */
    public static final int MAX_N = 24;

    private ExactBisection() {
    }

    /** The optimal bisection with both sides of size at least {@code minSide}. */
    public static Partition minimum(WeightedGraph g, int minSide) {
        Check.notNull("g", g);
        int n = g.n();
        Check.range("n", n, 2, MAX_N);
        Check.range("minSide", minSide, 1, n / 2);
        WeightedGraph u = g.symmetrised();
        SparseMatrix w = u.adjacency();
        boolean[] in = new boolean[n];
        int size = 0;
        double cut = 0;
        double best = Double.POSITIVE_INFINITY;
        long bestCode = 0;
        for (long i = 1; i < (1L << (n - 1)); i++) {
            int v = Long.numberOfTrailingZeros(i);
            double toS = 0;
            for (int p = w.rowStart(v); p < w.rowStart(v + 1); p++) {
                toS += in[w.column(p)] ? w.value(p) : -w.value(p);
            }
            cut += in[v] ? toS : -toS;
            size += in[v] ? -1 : 1;
            in[v] = !in[v];
            if (size >= minSide && n - size >= minSide && cut < best) {
                best = cut;
                bestCode = i ^ (i >>> 1);
            }
        }
        int[] labels = new int[n];
        for (int v = 0; v < n - 1; v++) {
            labels[v] = (int) ((bestCode >>> v) & 1);
        }
        return new Partition(2, labels);
    }
}
