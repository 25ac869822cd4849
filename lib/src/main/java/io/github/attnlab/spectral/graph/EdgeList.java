package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;

/**
 * The edges of a graph as three parallel arrays: edge $e$ joins $u_e$ and $v_e$ with weight
 * $w_e > 0$. Undirected edges appear once, with $u_e < v_e$, in row-major order.
 *
 * @param n the number of vertices
 * @param u first endpoints
 * @param v second endpoints
 * @param w weights
 */
public record EdgeList(int n, int[] u, int[] v, double[] w) {

    /** Validates and copies. */
    public EdgeList {
        Check.notNull("u", u);
        Check.notNull("v", v);
        Check.notNull("w", w);
        Check.range("n", n, 0, Integer.MAX_VALUE);
        if (v.length != u.length || w.length != u.length) {
            throw new IllegalArgumentException("u, v and w have lengths " + u.length + ", " + v.length + " and "
                    + w.length + "; need one entry per edge in each");
        }
        Check.finite("w", w);
        u = u.clone();
        v = v.clone();
        w = w.clone();
        for (int e = 0; e < u.length; e++) {
            Check.index("u[" + e + "]", u[e], n);
            Check.index("v[" + e + "]", v[e], n);
        }
    }

    static EdgeList of(WeightedGraph g) {
        SparseMatrix a = g.adjacency();
        int m = g.edgeCount();
        int[] u = new int[m];
        int[] v = new int[m];
        double[] w = new double[m];
        int e = 0;
        for (int i = 0; i < g.n(); i++) {
            for (int p = a.rowStart(i); p < a.rowStart(i + 1); p++) {
                int j = a.column(p);
                if (g.isDirected() || i < j) {
                    u[e] = i;
                    v[e] = j;
                    w[e] = a.value(p);
                    e++;
                }
            }
        }
        return new EdgeList(g.n(), u, v, w);
    }

    /** The number of edges. */
    public int size() {
        return u.length;
    }

    /** First endpoints (a copy). */
    @Override
    public int[] u() {
        return u.clone();
    }

    /** Second endpoints (a copy). */
    @Override
    public int[] v() {
        return v.clone();
    }

    /** Weights (a copy). */
    @Override
    public double[] w() {
        return w.clone();
    }

    /** First endpoint of edge {@code e}. */
    public int u(int e) {
        Check.index("e", e, u.length);
        return u[e];
    }

    /** Second endpoint of edge {@code e}. */
    public int v(int e) {
        Check.index("e", e, v.length);
        return v[e];
    }

    /** Weight of edge {@code e}. */
    public double w(int e) {
        Check.index("e", e, w.length);
        return w[e];
    }

    @Override
    public String toString() {
        return "EdgeList[n=" + n + ", " + u.length + " edges]";
    }
}
