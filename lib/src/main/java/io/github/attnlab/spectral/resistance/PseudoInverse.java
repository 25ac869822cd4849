package io.github.attnlab.spectral.resistance;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.eigen.DenseEigen;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.WeightedGraph;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The Moore–Penrose pseudo-inverse $L^+$ of the combinatorial Laplacian, dense, for graphs of at
 * most {@link DenseEigen#MAX_N} vertices.
 *
 * <p>With $Y$ the orthonormal null-space basis (one normalised indicator $\mathbf 1_C/\sqrt{|C|}$
 * per component), $L + YY^\top$ is positive definite and $L^+ = (L + YY^\top)^{-1} - YY^\top$; the
 * inverse is taken by Cholesky factorisation.
 */
public final class PseudoInverse {

    private PseudoInverse() {
    }

    /** $L^+$ of $L = D - W$ as a dense matrix. */
    public static double[][] of(WeightedGraph g) {
        Check.notNull("g", g);
        Laplacian l = Laplacian.combinatorial(g);
        int n = l.n();
        if (n > DenseEigen.MAX_N) {
            throw new IllegalArgumentException("n = " + n + " is too large for the dense pseudo-inverse (at most "
                    + DenseEigen.MAX_N + "); use EffectiveResistance.approximate");
        }
        double[][] y = l.nullSpace();
        DMatrixRMaj a = l.matrix().toEjmlDense();
        addOuter(a, y, 1);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(a)) {
            throw new ArithmeticException("Cholesky factorisation of L + YY^T failed (n = " + n + ")");
        }
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        chol.invert(inv);
        addOuter(inv, y, -1);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = 0.5 * (inv.get(i, j) + inv.get(j, i));
            }
        }
        return out;
    }

    private static void addOuter(DMatrixRMaj a, double[][] y, double sign) {
        int n = a.numRows;
        for (double[] v : y) {
            for (int i = 0; i < n; i++) {
                if (v[i] == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    a.add(i, j, sign * v[i] * v[j]);
                }
            }
        }
    }
}
