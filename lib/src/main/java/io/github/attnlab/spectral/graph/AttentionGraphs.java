package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;

/**
 * Graphs from dense attention matrices (rows are queries, columns keys), the entry point of
 * docs/papers/D.md §D: "attention matrix $A$ → weighted graph".
 *
 * <p>Every factory validates the matrix: square, finite, non-negative; a violation is an
 * {@link IllegalArgumentException} naming the first offending entry. Further sparsifications are
 * fluent methods of {@link WeightedGraph} ({@code topKPerRow}, {@code thresholded},
 * {@code restrictedTo}, {@code symmetrised}).
 */
public final class AttentionGraphs {

    private AttentionGraphs() {
    }

    /** The directed graph with arc weights $a_{ij}$ (zeros are absent arcs). */
    public static WeightedGraph directed(double[][] attention) {
        int n = Check.square("attention", attention);
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = attention[i][j];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("attention[" + i + "][" + j + "] = " + v
                            + ": attention weights must be finite and >= 0");
                }
                if (v != 0) {
                    b.add(i, j, v);
                }
            }
        }
        return WeightedGraph.directed(b.build());
    }

    /** The undirected graph $W = (A + A^\top)/2$, self-loops dropped. */
    public static WeightedGraph symmetrised(double[][] attention) {
        return directed(attention).symmetrised();
    }

    /** A sparsity pattern as a directed graph with unit weights ({@code mask[i][j]}: query $i$ sees key $j$). */
    public static WeightedGraph pattern(boolean[][] mask) {
        if (mask == null || mask.length == 0) {
            throw new IllegalArgumentException("mask is empty");
        }
        int n = mask.length;
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            if (mask[i] == null || mask[i].length != n) {
                throw new IllegalArgumentException("mask is not square: row " + i + " has "
                        + (mask[i] == null ? "none" : mask[i].length) + " entries, need " + n);
            }
            for (int j = 0; j < n; j++) {
                if (mask[i][j]) {
                    b.add(i, j, 1.0);
                }
            }
        }
        return WeightedGraph.directed(b.build());
    }

    /** The attention restricted to a pattern: arcs $(i, j)$ with {@code mask[i][j]}, weights $a_{ij}$. */
    public static WeightedGraph masked(double[][] attention, boolean[][] mask) {
        return directed(attention).restrictedTo(pattern(mask));
    }
}
