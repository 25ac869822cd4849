package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;

/**
 * Graphs with known spectra, all with unit weights: path, cycle, complete graph, star and
 * rectangular grid. Their eigenvalues in closed form are in {@link KnownSpectra}.
 */
public final class StandardGraphs {

    private StandardGraphs() {
    }

    /** The path $P_n$: edges $\{i, i+1\}$. */
    public static WeightedGraph path(int n) {
        Check.range("n", n, 1, Integer.MAX_VALUE);
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        for (int i = 0; i + 1 < n; i++) {
            edge(b, i, i + 1);
        }
        return WeightedGraph.trusted(b.build(), false);
    }

    /** The cycle $C_n$, $n \ge 3$. */
    public static WeightedGraph cycle(int n) {
        Check.range("n", n, 3, Integer.MAX_VALUE);
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            edge(b, i, (i + 1) % n);
        }
        return WeightedGraph.trusted(b.build(), false);
    }

    /** The complete graph $K_n$. */
    public static WeightedGraph complete(int n) {
        Check.range("n", n, 1, 46_000);
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                edge(b, i, j);
            }
        }
        return WeightedGraph.trusted(b.build(), false);
    }

    /** The star $K_{1,n-1}$ with centre 0. */
    public static WeightedGraph star(int n) {
        Check.range("n", n, 2, Integer.MAX_VALUE);
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        for (int i = 1; i < n; i++) {
            edge(b, 0, i);
        }
        return WeightedGraph.trusted(b.build(), false);
    }

    /** The grid $P_r \times P_c$; vertex $(i, j)$ is $ic + j$. */
    public static WeightedGraph grid(int r, int c) {
        Check.range("r", r, 1, Integer.MAX_VALUE);
        Check.range("c", c, 1, Integer.MAX_VALUE);
        SparseMatrixBuilder b = SparseMatrix.builder(r * c, r * c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (j + 1 < c) {
                    edge(b, i * c + j, i * c + j + 1);
                }
                if (i + 1 < r) {
                    edge(b, i * c + j, (i + 1) * c + j);
                }
            }
        }
        return WeightedGraph.trusted(b.build(), false);
    }

    private static void edge(SparseMatrixBuilder b, int i, int j) {
        b.add(i, j, 1.0);
        b.add(j, i, 1.0);
    }
}
