package io.github.attnlab.spectral.graph;

import java.util.Random;

/** Seeded random test inputs shared by the spectral tests. */
public final class RandomGraphs {

    private RandomGraphs() {
    }

    /** A dense random non-negative matrix with about a fraction {@code density} of non-zeros. */
    public static double[][] matrix(Random r, int n, double density) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (r.nextDouble() < density) {
                    a[i][j] = r.nextDouble() + 0.01;
                }
            }
        }
        return a;
    }

    /** An Erdős–Rényi-like undirected graph with random weights in (0.1, 2.1), plus a path so it is connected. */
    public static WeightedGraph connected(Random r, int n, double density) {
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (j == i + 1 || r.nextDouble() < density) {
                    double w = 0.1 + 2 * r.nextDouble();
                    b.add(i, j, w);
                    b.add(j, i, w);
                }
            }
        }
        return WeightedGraph.undirected(b.build());
    }

    /** A softmax attention matrix of random scores. */
    public static double[][] attention(Random r, int n, double scale) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                a[i][j] = scale * r.nextGaussian();
                max = Math.max(max, a[i][j]);
            }
            double s = 0;
            for (int j = 0; j < n; j++) {
                a[i][j] = Math.exp(a[i][j] - max);
                s += a[i][j];
            }
            for (int j = 0; j < n; j++) {
                a[i][j] /= s;
            }
        }
        return a;
    }
}
