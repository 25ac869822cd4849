package io.github.attnlab.bench.suite;

import io.github.attnlab.bench.KnnLaplacianState;
import io.github.attnlab.bench.lapack.LapackBackend;
import io.github.attnlab.bench.lapack.LapackSymmetricEigen;
import io.github.attnlab.core.SymmetricEigen;
import java.util.Locale;

/**
 * The dense symmetric eigendecomposition of the suite ({@link Op#DENSE_EIGEN}): its input, the combinatorial
 * Laplacian of the symmetric 10-NN graph of n seeded points in the unit cube (the Lanczos operation's graph, small
 * and dense), and its Java contenders besides AttnLab: {@code dsyevd} through {@code dev.ludovic.netlib}, native and
 * pure Java, each checked against EJML's eigenvalues.
 */
final class DenseEigenInputs {

    private DenseEigenInputs() {
    }

    /** The $n \times n$ Laplacian, dense; the same seed every run. */
    static double[][] laplacian(int n) {
        return KnnLaplacianState.build(n, 10, 1).matrix().toDense();
    }

    /** Row-major, for {@link NpyOut}. */
    static double[] flat(double[][] a) {
        int n = a.length;
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, f, i * n, n);
        }
        return f;
    }

    /**
     * {@code dsyevd} on one backend, noted with what it ran on, its max residual and its largest eigenvalue
     * difference from EJML's; missing (with the reason) when the backend does not load or the check fails.
     */
    static Contender lapack(LapackBackend backend, double[][] a, SymmetricEigen reference) {
        String label = "netlib dsyevd (" + backend.name().toLowerCase(Locale.ROOT) + ")";
        try {
            LapackSymmetricEigen e = LapackSymmetricEigen.of(a, backend);
            double diff = 0;
            for (int t = 0; t < a.length; t++) {
                diff = Math.max(diff, Math.abs(e.value(t) - reference.value(t)));
            }
            Contender c = Contender.java("netlib dsyevd (" + e.implementation() + ")",
                    () -> LapackSymmetricEigen.of(a, backend).value(a.length - 1));
            c.note = String.format(Locale.ROOT, "%s%s: max residual %.1e, max |λ - λ_EJML| = %.1e", e.implementation(),
                    backend == LapackBackend.NATIVE ? " " + nativeLibrary() : "", e.maxResidual(), diff);
            return c;
        } catch (RuntimeException e) {
            return Contender.missing(label, e.getMessage());
        }
    }

    /** What the JNI shim's {@code liblapack.so.3} resolves to, and OpenBLAS's thread and kernel settings. */
    private static String nativeLibrary() {
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        String core = System.getenv("OPENBLAS_CORETYPE");
        return "(liblapack.so.3 = " + LapackBackend.osLibrary().map(Object::toString).orElse("not found")
                + ", OPENBLAS_NUM_THREADS=" + (threads == null ? "unset: all cores" : threads)
                + (core == null ? "" : ", OPENBLAS_CORETYPE=" + core) + ")";
    }
}
