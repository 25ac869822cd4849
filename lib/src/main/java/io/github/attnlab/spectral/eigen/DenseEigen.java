package io.github.attnlab.spectral.eigen;

import io.github.attnlab.spectral.graph.Checks;
import io.github.attnlab.spectral.graph.SparseMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * All eigenpairs of a symmetric matrix by EJML's dense symmetric eigen-decomposition
 * (Householder tridiagonalisation and implicit QR, $O(n^3)$ time, $O(n^2)$ memory).
 *
 * <p>The dense path refuses matrices larger than {@value #MAX_N}: a 100,000-node graph would need
 * 80 GB and days. Use {@link Lobpcg} or {@link Lanczos} for the few smallest eigenpairs of large
 * sparse matrices.
 */
public final class DenseEigen {

    /** The largest dimension accepted (a dense {@code 4000 × 4000} matrix is 128 MB). */
    public static final int MAX_N = 4000;
    /** Relative asymmetry $|a_{ij} - a_{ji}| / \max|a|$ tolerated. */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    private DenseEigen() {
    }

    /** All eigenpairs of a symmetric sparse matrix. */
    public static Spectrum all(SparseMatrix a) {
        return smallest(a, a.rows());
    }

    /** The {@code k} smallest eigenpairs of a symmetric sparse matrix, via the full decomposition. */
    public static Spectrum smallest(SparseMatrix a, int k) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("matrix must be square, not " + a.rows() + "x" + a.cols());
        }
        int n = a.rows();
        if (n > MAX_N) {
            throw new IllegalArgumentException("n = " + n + " is too large for the dense eigensolver (at most " + MAX_N
                    + "); use Lobpcg or Lanczos for the smallest eigenpairs of a sparse matrix");
        }
        Checks.range("k", k, 1, n);
        double max = 0;
        for (int p = 0; p < a.nonZeros(); p++) {
            max = Math.max(max, Math.abs(a.value(p)));
        }
        if (!a.isSymmetric(SYMMETRY_TOLERANCE * max)) {
            throw new IllegalArgumentException("matrix is not symmetric (tolerance " + SYMMETRY_TOLERANCE + " relative)");
        }
        DMatrixRMaj m = a.toEjmlDense();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) {
            throw new ArithmeticException("EJML's symmetric eigen-decomposition failed for n = " + n);
        }
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int t = 0; t < n; t++) {
            values[t] = eig.getEigenvalue(t).getReal();
            vectors[t] = eig.getEigenVector(t).getData().clone();
        }
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        double[] v = new double[k];
        double[][] x = new double[k][];
        for (int t = 0; t < k; t++) {
            v[t] = values[order[t]];
            x[t] = vectors[order[t]];
        }
        return SignConvention.spectrum(v, x, Operator.of(a), "dense (EJML)", 0, 0, Double.NaN);
    }
}
