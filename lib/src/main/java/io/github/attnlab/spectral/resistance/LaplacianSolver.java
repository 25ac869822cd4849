package io.github.attnlab.spectral.resistance;

import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.SparseMatrix;

/**
 * Solves $Lx = b$ for a symmetric Laplacian by conjugate gradients with the Jacobi
 * preconditioner, returning the minimum-norm solution $x = L^+ b$.
 *
 * <p>$L$ is singular: its null space is spanned by one vector per connected component. The
 * right-hand side is first projected onto the range of $L$ (for $L = D - W$: made to sum to zero on
 * every component), and the preconditioned residual is projected likewise, so the iteration runs
 * in $\mathrm{range}(L)$ where $L$ is positive definite; the solution is projected at the end.
 * The relative residual is $\|b' - Lx\|_2/\|b'\|_2$ for the projected right-hand side $b'$.
 */
public final class LaplacianSolver {

    /** The default relative residual. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private final Laplacian laplacian;
    private final double[][] nullSpace;
    private final double[] inverseDiagonal;

    private LaplacianSolver(Laplacian l) {
        this.laplacian = l;
        this.nullSpace = l.nullSpace();
        SparseMatrix m = l.matrix();
        this.inverseDiagonal = new double[l.n()];
        for (int i = 0; i < l.n(); i++) {
            double d = m.get(i, i);
            inverseDiagonal[i] = d > 0 ? 1 / d : 0;
        }
    }

    /** A solver for a symmetric Laplacian (combinatorial or normalised). */
    public static LaplacianSolver of(Laplacian l) {
        Check.notNull("l", l);
        if (!l.isSymmetric()) {
            throw new IllegalArgumentException("conjugate gradients need a symmetric Laplacian, not " + l.kind());
        }
        return new LaplacianSolver(l);
    }

    /** The Laplacian. */
    public Laplacian laplacian() {
        return laplacian;
    }

    /** $L^+ b$ to {@link #DEFAULT_TOLERANCE}, at most $10n$ iterations. */
    public Solution solve(double[] b) {
        return solve(b, DEFAULT_TOLERANCE, 10 * laplacian.n() + 100);
    }

    /** $L^+ b$ to the given relative residual. */
    public Solution solve(double[] b, double tolerance, int maxIterations) {
        int n = laplacian.n();
        Check.vector("b", b, n);
        Check.positive("tolerance", tolerance);
        Check.range("maxIterations", maxIterations, 1, Integer.MAX_VALUE);
        SimdOps ops = SimdOps.get();
        SparseMatrix a = laplacian.matrix();
        double[] r = b.clone();
        project(r);
        double bNorm = Math.sqrt(ops.dot(r, 0, r, 0, n));
        double[] x = new double[n];
        if (bNorm == 0) {
            return new Solution(x, 0, 0);
        }
        double[] z = precondition(r);
        double[] p = z.clone();
        double[] ap = new double[n];
        double rz = ops.dot(r, 0, z, 0, n);
        int it = 0;
        double rel = 1;
        while (it < maxIterations) {
            a.multiply(p, ap);
            double alpha = rz / ops.dot(p, 0, ap, 0, n);
            ops.axpy(alpha, p, 0, x, 0, n);
            ops.axpy(-alpha, ap, 0, r, 0, n);
            it++;
            rel = Math.sqrt(ops.dot(r, 0, r, 0, n)) / bNorm;
            if (rel <= tolerance) {
                break;
            }
            z = precondition(r);
            double rzNew = ops.dot(r, 0, z, 0, n);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        project(x);
        return new Solution(x, it, rel);
    }

    private double[] precondition(double[] r) {
        double[] z = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            z[i] = r[i] * inverseDiagonal[i];
        }
        project(z);
        return z;
    }

    /** Removes the null-space components. */
    void project(double[] v) {
        SimdOps ops = SimdOps.get();
        for (double[] y : nullSpace) {
            ops.axpy(-ops.dot(y, 0, v, 0, v.length), y, 0, v, 0, v.length);
        }
    }

    /**
     * A solution of $Lx = b$.
     *
     * @param x                the minimum-norm solution
     * @param iterations       conjugate-gradient iterations
     * @param relativeResidual $\|b' - Lx\|_2/\|b'\|_2$ by the recurrence
     */
    public record Solution(double[] x, int iterations, double relativeResidual) {

        /** Copies. */
        public Solution {
            Check.notNull("x", x);
            x = x.clone();
        }

        /** The solution (a copy). */
        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "Solution[n=%d, %d iterations, relative residual %.2e]",
                    x.length, iterations, relativeResidual);
        }
    }
}
