package io.github.attnlab.spectral.cut;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.WeightedGraph;

/**
 * The Cheeger constant $h(G) = \min_S \phi(S)$ by enumeration of all $2^{n-1} - 1$ cuts, for
 * small graphs ($n \le$ {@value #MAX_N}): the reference the spectral bounds are tested against.
 * Subsets are visited in Gray-code order, so each step moves one vertex and updates the cut in
 * $O(\deg)$.
 */
public final class ExactCheeger {

    /** The largest graph enumerated ($2^{23}$ cuts). */
    public static final int MAX_N = 24;

    private ExactCheeger() {
    }

    /** The minimum-conductance set (one of them, the first in Gray-code order) and its conductance. */
    public static Cut minimum(WeightedGraph g) {
        Check.notNull("g", g);
        Conductance.check(g, new boolean[g.n()]);
        Conductance.requireNoIsolatedVertex(g);
        int n = g.n();
        Check.range("n", n, 2, MAX_N);
        SparseMatrix w = g.adjacency();
        double[] d = g.degrees();
        double total = 0;
        for (double x : d) {
            total += x;
        }
        boolean[] in = new boolean[n];
        double cut = 0;
        double vol = 0;
        double best = Double.POSITIVE_INFINITY;
        long bestCode = 0;
        long count = 1L << (n - 1); // vertex n-1 stays outside S: phi(S) = phi(complement)
        for (long i = 1; i < count; i++) {
            int v = Long.numberOfTrailingZeros(i); // the bit that flips from Gray(i-1) to Gray(i)
            double toS = 0;
            for (int p = w.rowStart(v); p < w.rowStart(v + 1); p++) {
                toS += in[w.column(p)] ? w.value(p) : -w.value(p);
            }
            // moving v into S: edges to S stop being cut, edges to the rest start; out of S: the reverse
            cut += in[v] ? toS : -toS;
            vol += in[v] ? -d[v] : d[v];
            in[v] = !in[v];
            double phi = cut / Math.min(vol, total - vol);
            if (phi < best) {
                best = phi;
                bestCode = i ^ (i >>> 1);
            }
        }
        boolean[] set = new boolean[n];
        for (int v = 0; v < n - 1; v++) {
            set[v] = ((bestCode >>> v) & 1) != 0;
        }
        return new Cut(Conductance.of(g, set), set);
    }
}
