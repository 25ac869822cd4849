package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.ArgSort;
import java.util.Arrays;

/** The sparsifying transformations behind {@link WeightedGraph}'s fluent methods. */
final class GraphOps {

    private GraphOps() {
    }

    static WeightedGraph thresholded(WeightedGraph g, double t) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("threshold t = " + t + " must be finite");
        }
        SparseMatrix a = g.adjacency();
        SparseMatrixBuilder b = SparseMatrix.builder(g.n(), g.n());
        for (int i = 0; i < g.n(); i++) {
            for (int p = a.rowStart(i); p < a.rowStart(i + 1); p++) {
                if (a.value(p) >= t) {
                    b.add(i, a.column(p), a.value(p));
                }
            }
        }
        return WeightedGraph.trusted(b.build(), g.isDirected());
    }

    static WeightedGraph topKPerRow(WeightedGraph g, int k) {
        Check.range("k", k, 1, g.n());
        SparseMatrix a = g.adjacency();
        SparseMatrixBuilder b = SparseMatrix.builder(g.n(), g.n());
        for (int i = 0; i < g.n(); i++) {
            int start = a.rowStart(i);
            int len = a.rowStart(i + 1) - start;
            double[] w = new double[len];
            for (int q = 0; q < len; q++) {
                w[q] = a.value(start + q);
            }
            // decreasing weight: equal weights keep increasing column order
            int[] order = ArgSort.descending(w);
            for (int q = 0; q < Math.min(k, len); q++) {
                b.add(i, a.column(start + order[q]), w[order[q]]);
            }
        }
        return WeightedGraph.trusted(b.build(), true);
    }

    static WeightedGraph restrictedTo(WeightedGraph g, WeightedGraph pattern) {
        if (pattern.n() != g.n()) {
            throw new IllegalArgumentException("pattern has " + pattern.n() + " vertices, the graph " + g.n());
        }
        SparseMatrix a = g.adjacency();
        SparseMatrix m = pattern.adjacency();
        SparseMatrixBuilder b = SparseMatrix.builder(g.n(), g.n());
        for (int i = 0; i < g.n(); i++) {
            for (int p = a.rowStart(i); p < a.rowStart(i + 1); p++) {
                if (m.get(i, a.column(p)) != 0) {
                    b.add(i, a.column(p), a.value(p));
                }
            }
        }
        return WeightedGraph.trusted(b.build(), g.isDirected());
    }

    static WeightedGraph rowNormalised(WeightedGraph g) {
        SparseMatrix a = g.adjacency();
        double[] s = a.rowSums();
        SparseMatrixBuilder b = SparseMatrix.builder(g.n(), g.n());
        for (int i = 0; i < g.n(); i++) {
            for (int p = a.rowStart(i); p < a.rowStart(i + 1); p++) {
                b.add(i, a.column(p), a.value(p) / s[i]);
            }
        }
        return WeightedGraph.trusted(b.build(), true);
    }

    static WeightedGraph induced(WeightedGraph g, int[] vertices) {
        int[] index = new int[g.n()];
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < vertices.length; i++) {
            Check.index("vertices[" + i + "]", vertices[i], g.n());
            if (index[vertices[i]] >= 0) {
                throw new IllegalArgumentException("vertex " + vertices[i] + " is listed twice");
            }
            index[vertices[i]] = i;
        }
        if (vertices.length == 0) {
            throw new IllegalArgumentException("vertices is empty: an induced subgraph needs at least one vertex");
        }
        SparseMatrix a = g.adjacency();
        SparseMatrixBuilder b = SparseMatrix.builder(vertices.length, vertices.length);
        for (int i = 0; i < vertices.length; i++) {
            int v = vertices[i];
            for (int p = a.rowStart(v); p < a.rowStart(v + 1); p++) {
                int j = index[a.column(p)];
                if (j >= 0) {
                    b.add(i, j, a.value(p));
                }
            }
        }
        return WeightedGraph.trusted(b.build(), g.isDirected());
    }
}
