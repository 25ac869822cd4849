package io.github.attnlab.spectral.cut;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.EdgeList;
import io.github.attnlab.spectral.graph.WeightedGraph;

/**
 * Cut weight, volume and conductance of vertex sets of an undirected graph.
 *
 * <p>$w(S, \bar S) = \sum_{i \in S, j \notin S} w_{ij}$, $\mathrm{vol}(S) = \sum_{i \in S} d_i$ and
 * $\phi(S) = w(S, \bar S) / \min(\mathrm{vol}\, S, \mathrm{vol}\, \bar S)$; the Cheeger constant
 * (conductance of the graph) is $h(G) = \min_S \phi(S)$ over sets with both volumes positive.
 */
public final class Conductance {

    private Conductance() {
    }

    /** $w(S, \bar S)$ for the set {@code inS}. */
    public static double cut(WeightedGraph g, boolean[] inS) {
        Check.notNull("g", g);
        check(g, inS);
        EdgeList e = g.edges();
        double c = 0;
        for (int t = 0; t < e.size(); t++) {
            if (inS[e.u(t)] != inS[e.v(t)]) {
                c += e.w(t);
            }
        }
        return c;
    }

    /** $\phi(S)$; NaN when $S$ or its complement has volume 0. */
    public static double of(WeightedGraph g, boolean[] inS) {
        Check.notNull("g", g);
        check(g, inS);
        double[] d = g.degrees();
        double vol = 0;
        double total = 0;
        for (int i = 0; i < d.length; i++) {
            total += d[i];
            if (inS[i]) {
                vol += d[i];
            }
        }
        double m = Math.min(vol, total - vol);
        return m > 0 ? cut(g, inS) / m : Double.NaN;
    }

    static void check(WeightedGraph g, boolean[] inS) {
        if (g.isDirected()) {
            throw new IllegalArgumentException("conductance needs an undirected graph; call symmetrised() first");
        }
        if (inS == null || inS.length != g.n()) {
            throw new IllegalArgumentException("inS has length " + (inS == null ? "null" : inS.length) + ", need " + g.n());
        }
    }

    /** Rejects graphs with isolated vertices, whose conductance is undefined (volume 0). */
    static void requireNoIsolatedVertex(WeightedGraph g) {
        double[] d = g.degrees();
        for (int i = 0; i < d.length; i++) {
            if (d[i] == 0) {
                throw new IllegalArgumentException("vertex " + i + " is isolated (degree 0): conductance is undefined for"
                        + " sets of volume 0; remove isolated vertices first");
            }
        }
        if (g.n() < 2) {
            throw new IllegalArgumentException("conductance needs at least 2 vertices, not " + g.n());
        }
    }
}
