package io.github.attnlab.spectral.sparsify;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.eigen.DenseEigen;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.LaplacianKind;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.SparseMatrixBuilder;
import io.github.attnlab.spectral.graph.WeightedGraph;

/**
 * The spectral norm $\|L(G) - L(\tilde G)\|_2$ between Laplacians of the same kind, and the
 * Gershgorin bound $\|L(E)\|_2 \le 2\max_i \sum_j |E_{ij}|$ for the combinatorial Laplacian of
 * the weight difference $E = W - \tilde W$ (the combinatorial Laplacian is linear in the weights).
 * By Weyl's inequality, every eigenvalue moves by at most the norm:
 * $|\lambda_i(L) - \lambda_i(\tilde L)| \le \|L - \tilde L\|_2$ (docs/papers/D.md §D item 2).
 */
public final class LaplacianDistance {

    private LaplacianDistance() {
    }

    /** $\|L(a) - L(b)\|_2$, by the dense symmetric eigen-decomposition of the difference. */
    public static double spectralNorm(WeightedGraph a, WeightedGraph b, LaplacianKind kind) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        if (a.n() != b.n()) {
            throw new IllegalArgumentException("sizes differ: " + a.n() + " and " + b.n());
        }
        SparseMatrix la = Laplacian.of(a, kind).matrix();
        SparseMatrix lb = Laplacian.of(b, kind).matrix();
        SparseMatrixBuilder d = SparseMatrix.builder(a.n(), a.n());
        for (int i = 0; i < a.n(); i++) {
            for (int p = la.rowStart(i); p < la.rowStart(i + 1); p++) {
                d.add(i, la.column(p), la.value(p));
            }
            for (int p = lb.rowStart(i); p < lb.rowStart(i + 1); p++) {
                d.add(i, lb.column(p), -lb.value(p));
            }
        }
        SparseMatrix diff = d.build();
        if (diff.nonZeros() == 0) {
            return 0;
        }
        double[] ev = DenseEigen.all(diff).values();
        return Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
    }

    /** $2\max_i \sum_j |w_{ij} - \tilde w_{ij}|$, an upper bound on $\|L(a) - L(b)\|_2$ for combinatorial Laplacians. */
    public static double gershgorinBound(WeightedGraph a, WeightedGraph b) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        if (a.isDirected() || b.isDirected() || a.n() != b.n()) {
            throw new IllegalArgumentException("need two undirected graphs of the same size");
        }
        double[][] da = a.toDense();
        double[][] db = b.toDense();
        double max = 0;
        for (int i = 0; i < a.n(); i++) {
            double s = 0;
            for (int j = 0; j < a.n(); j++) {
                s += Math.abs(da[i][j] - db[i][j]);
            }
            max = Math.max(max, s);
        }
        return 2 * max;
    }
}
