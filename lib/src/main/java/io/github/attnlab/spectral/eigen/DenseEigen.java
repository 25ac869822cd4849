package io.github.attnlab.spectral.eigen;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.SymmetricEigen;
import io.github.attnlab.spectral.graph.SparseMatrix;

/**
 * All eigenpairs of a symmetric sparse matrix by the dense symmetric eigen-decomposition
 * ({@link SymmetricEigen}, EJML's Householder tridiagonalisation and implicit QR, $O(n^3)$ time, $O(n^2)$
 * memory). A matrix that is not symmetric within {@link SymmetricEigen#SYMMETRY_TOLERANCE} is refused.
 *
 * <p>The dense path refuses matrices larger than {@value #MAX_N}: a 100,000-node graph would need
 * 80 GB and days. Use {@link Lobpcg} or {@link Lanczos} for the few smallest eigenpairs of large
 * sparse matrices.
 */
public final class DenseEigen {

    /** The largest dimension accepted (a dense {@code 4000 × 4000} matrix is 128 MB). */
    public static final int MAX_N = 4000;
    private DenseEigen() {
    }

    /** All eigenpairs of a symmetric sparse matrix. */
    public static Spectrum all(SparseMatrix a) {
        Check.notNull("a", a);
        return smallest(a, a.rows());
    }

    /** The {@code k} smallest eigenpairs of a symmetric sparse matrix, via the full decomposition. */
    public static Spectrum smallest(SparseMatrix a, int k) {
        Check.notNull("a", a);
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("a is not square: " + a.rows() + " x " + a.cols());
        }
        int n = a.rows();
        if (n > MAX_N) {
            throw new IllegalArgumentException("n = " + n + " is too large for the dense eigensolver (at most " + MAX_N
                    + "); use Lobpcg or Lanczos for the smallest eigenpairs of a sparse matrix");
        }
        Check.range("k", k, 1, n);
        SymmetricEigen eig = SymmetricEigen.of(a.toDense());
        double[] v = new double[k];
        double[][] x = new double[k][];
        for (int t = 0; t < k; t++) {
            v[t] = eig.value(t);
            x[t] = eig.vector(t);
        }
        return SignConvention.spectrum(v, x, Operator.of(a), Spectrum.Solver.DENSE, 0, 0, Double.NaN);
    }
}
