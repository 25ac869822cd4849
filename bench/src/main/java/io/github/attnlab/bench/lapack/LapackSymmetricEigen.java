package io.github.attnlab.bench.lapack;

import dev.ludovic.netlib.lapack.LAPACK;
import io.github.attnlab.core.Check;
import io.github.attnlab.core.ConvergenceException;
import io.github.attnlab.core.SymmetricEigen;
import org.netlib.util.intW;

/**
 * All eigenpairs of a dense symmetric matrix by LAPACK's divide-and-conquer {@code dsyevd}, with the contract of
 * {@link SymmetricEigen#of(double[][])}: the same argument checks, eigenvalues increasing, unit eigenvectors (with
 * LAPACK's signs), residuals $\|Av_t - \lambda_t v_t\|_2$ recomputed with the matrix. The benchmark module's adapter
 * (issue 16), kept out of the library so that its jar carries no native engine: an application that wants it adds
 * {@code dev.ludovic.netlib:lapack} and this class. Immutable.
 */
public final class LapackSymmetricEigen {

    private final double[][] a;
    private final double[] values;
    /** Column-major eigenvectors as LAPACK returns them: $v_t$ is {@code z[t n, (t + 1) n)}. */
    private final double[] z;
    private final String implementation;

    private LapackSymmetricEigen(double[][] a, double[] values, double[] z, String implementation) {
        this.a = a;
        this.values = values;
        this.z = z;
        this.implementation = implementation;
    }

    /** The decomposition by {@code backend}; the matrix is checked as {@link SymmetricEigen#of} checks it, and copied. */
    public static LapackSymmetricEigen of(double[][] matrix, LapackBackend backend) {
        Check.notNull("backend", backend);
        Check.symmetric("matrix", matrix, SymmetricEigen.SYMMETRY_TOLERANCE);
        double[][] a = Check.finiteCopy("matrix", matrix);
        LAPACK lapack = backend.instance();
        int n = a.length;
        // row-major and column-major storage of a symmetric matrix are the same array
        double[] z = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, z, i * n, n);
        }
        double[] w = new double[n];
        intW info = new intW(0);
        double[] workSize = new double[1];
        int[] iworkSize = new int[1];
        lapack.dsyevd("V", "U", n, z, Math.max(1, n), w, workSize, -1, iworkSize, -1, info);
        check(info, n, "the workspace query");
        double[] work = new double[Math.max(1, (int) workSize[0])];
        int[] iwork = new int[Math.max(1, iworkSize[0])];
        lapack.dsyevd("V", "U", n, z, Math.max(1, n), w, work, work.length, iwork, iwork.length, info);
        check(info, n, "dsyevd");
        return new LapackSymmetricEigen(a, w, z, lapack.getClass().getSimpleName());
    }

    private static void check(intW info, int n, String step) {
        if (info.val > 0) {
            throw new ConvergenceException("dsyevd on a " + n + " x " + n + " matrix did not converge (info = "
                    + info.val + ")");
        }
        if (info.val < 0) {
            throw new IllegalStateException(step + " refused argument " + -info.val + " (n = " + n + ")");
        }
    }

    /** The dimension $n$. */
    public int size() {
        return values.length;
    }

    /** The class that computed it, e.g. {@code JNILAPACK} or {@code F2jLAPACK}. */
    public String implementation() {
        return implementation;
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
        int n = values.length;
        double[] v = new double[n];
        System.arraycopy(z, Check.index("t", t, n) * n, v, 0, n);
        return v;
    }

    /** $\|Av_t - \lambda_t v_t\|_2$, recomputed with the matrix ($O(n^2)$). */
    public double residual(int t) {
        int n = values.length;
        int off = Check.index("t", t, n) * n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double[] row = a[i];
            double r = -values[t] * z[off + i];
            for (int j = 0; j < n; j++) {
                r += row[j] * z[off + j];
            }
            s += r * r;
        }
        return Math.sqrt(s);
    }

    /** The largest {@link #residual(int)} over all pairs ($O(n^3)$). */
    public double maxResidual() {
        double r = 0;
        for (int t = 0; t < values.length; t++) {
            r = Math.max(r, residual(t));
        }
        return r;
    }
}
