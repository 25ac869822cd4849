package io.github.attnlab.core;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * All eigenpairs of a dense symmetric matrix, sorted, with their residuals: the library's one wrapper of EJML's
 * symmetric eigen-decomposition (Householder tridiagonalisation and implicit QR, $O(n^3)$ time, $O(n^2)$ memory).
 *
 * <p>$A = V\Lambda V^\top$ with eigenvalues increasing, $\lambda_0 \le \lambda_1 \le \dots$ (ties in the order
 * EJML returns them), and orthonormal eigenvectors $v_t$ with the sign EJML gives (callers that need a sign
 * convention fix it). {@link #residual(int)} is $\|Av_t - \lambda_t v_t\|_2$ recomputed with the matrix, and
 * {@link #maxResidual()} the largest over all pairs ($O(n^3)$, computed once, on the first call). Failure to
 * converge throws {@link ConvergenceException}; an asymmetric, non-square or non-finite matrix is an
 * {@link IllegalArgumentException}. Immutable.
 */
public final class SymmetricEigen {

    /** Relative asymmetry $|a_{ij} - a_{ji}| / \max|a|$ tolerated by {@link #of(double[][])}. */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    private final double[][] a;
    private final double[] values;
    private final double[][] vectors;
    private volatile double maxResidual = Double.NaN;

    private SymmetricEigen(double[][] a, double[] values, double[][] vectors) {
        this.a = a;
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * The eigen-decomposition of a square, finite matrix that is symmetric within {@link #SYMMETRY_TOLERANCE}
     * (relative to its largest entry); the matrix is copied.
     */
    public static SymmetricEigen of(double[][] matrix) {
        Check.symmetric("matrix", matrix, SYMMETRY_TOLERANCE);
        return decompose(Check.finiteCopy("matrix", matrix));
    }

    private static SymmetricEigen decompose(double[][] a) {
        int n = a.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(new DMatrixRMaj(a))) {
            throw new ConvergenceException("the symmetric eigen-decomposition of a " + n + " x " + n
                    + " matrix did not converge");
        }
        double[] raw = new double[n];
        for (int t = 0; t < n; t++) {
            raw[t] = eig.getEigenvalue(t).getReal();
        }
        int[] order;
        try {
            order = ArgSort.ascending(raw);
        } catch (IllegalArgumentException e) {
            throw new ConvergenceException("the symmetric eigen-decomposition of a " + n + " x " + n
                    + " matrix returned NaN eigenvalues");
        }
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int t = 0; t < n; t++) {
            values[t] = raw[order[t]];
            vectors[t] = eig.getEigenVector(order[t]).getData().clone();
        }
        return new SymmetricEigen(a, values, vectors);
    }

    /** The dimension $n$. */
    public int size() {
        return values.length;
    }

    /** $\lambda_t$, the {@code t}-th smallest eigenvalue (from 0). */
    public double value(int t) {
        return values[Check.index("t", t, values.length)];
    }

    /** The eigenvalues, increasing (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** The unit eigenvector $v_t$ of {@link #value(int)} (a copy). */
    public double[] vector(int t) {
        return vectors[Check.index("t", t, values.length)].clone();
    }

    /** Entry {@code i} of $v_t$, without copying the vector. */
    public double vectorEntry(int t, int i) {
        return vectors[Check.index("t", t, values.length)][Check.index("i", i, values.length)];
    }

    /** $\|Av_t - \lambda_t v_t\|_2$, recomputed with the matrix ($O(n^2)$). */
    public double residual(int t) {
        Check.index("t", t, values.length);
        double[] v = vectors[t];
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double r = -values[t] * v[i];
            for (int j = 0; j < a.length; j++) {
                r += a[i][j] * v[j];
            }
            s += r * r;
        }
        return Math.sqrt(s);
    }

    /** The largest {@link #residual(int)} over all pairs ($O(n^3)$ on the first call, then cached). */
    public double maxResidual() {
        double r = maxResidual;
        if (Double.isNaN(r)) {
            r = 0;
            for (int t = 0; t < values.length; t++) {
                r = Math.max(r, residual(t));
            }
            maxResidual = r;
        }
        return r;
    }

    @Override
    public String toString() {
        String shown = Arrays.stream(values).limit(6).mapToObj(v -> String.format(Locale.ROOT, "%.6g", v))
                .collect(java.util.stream.Collectors.joining(", "));
        return "SymmetricEigen[n = " + values.length + ": " + shown + (values.length > 6 ? ", ..." : "") + "]";
    }
}
