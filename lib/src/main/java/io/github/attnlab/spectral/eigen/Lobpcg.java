package io.github.attnlab.spectral.eigen;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.ConvergenceException;

import java.util.Arrays;
import java.util.Random;

/**
 * The smallest eigenpairs of a large sparse symmetric matrix by the locally optimal block
 * preconditioned conjugate gradient method (LOBPCG; Knyazev, SIAM J. Sci. Comput. 23, 2001).
 *
 * <p>Each iteration runs the Rayleigh–Ritz procedure on $\mathrm{span}[X, W, P]$: the current
 * block $X$, the preconditioned residuals $W = T(AX - X\Theta)$ of the pairs not yet converged,
 * and the previous search directions $P$. The basis is orthonormalised by SVQB, dropping
 * numerically dependent directions, which keeps the method stable when it converges. The block
 * has $k$ plus a few guard vectors, so repeated eigenvalues (a cycle's, a grid's) are found with
 * their multiplicity. $T$ is the Jacobi preconditioner $\mathrm{diag}(A)^{-1}$ when the problem
 * supplies a diagonal. Iterates stay orthogonal to the problem's constraints (the known null
 * space of a Laplacian).
 *
 * <p>Cost per iteration: one product with $A$ per active vector, and Gram matrices of up to $3b$
 * vectors of length $n$ (cache-blocked, through {@code SimdOps}).
 */
public final class Lobpcg {

    private static final double DROP = 1e-12;

    private Lobpcg() {
    }

    /** The {@code k} smallest eigenpairs of the problem in the complement of its constraints. */
    public static Spectrum smallest(EigenProblem p, int k, SolverOptions o) {
        Check.notNull("p", p);
        Check.notNull("o", o);
        int n = p.n();
        double[][] y = p.constraints();
        Check.range("k", k, 1, n - y.length);
        int b = Math.min(n - y.length, k + Math.max(2, (k + 3) / 4));
        double tolAbs = o.tolerance() * p.normBound();
        Random r = new Random(o.seed());
        Operator a = p.operator();
        double[] diag = p.diagonal();

        double[][] x = Blocks.gaussian(b, n, r);
        Blocks.subtractProjection(y, null, x, null);
        Blocks.subtractProjection(y, null, x, null);
        x = Blocks.orthonormalise(x);
        if (x.length < b) {
            throw new ConvergenceException("LOBPCG: could not build " + b + " independent start vectors in dimension " + n);
        }
        double[][] ax = apply(a, x);
        long matVecs = b;
        double[] theta = new double[b];
        double[][][] xax = rayleighRitz(x, ax, b, theta);
        x = xax[0];
        ax = xax[1];
        double[][] pDir = new double[0][];
        double[][] apDir = new double[0][];
        int it = 0;
        while (true) {
            double[][] res = new double[b][];
            boolean done = residuals(x, ax, theta, res, tolAbs, k);
            if (done) {
                ax = apply(a, x); // confirm on fresh products: recurrences drift
                matVecs += b;
                done = residuals(x, ax, theta, res, tolAbs, k);
            }
            if (done || it >= o.maxIterations()) {
                break;
            }
            it++;
            double[][] w = preconditionedActive(res, diag, tolAbs);
            // W is made orthogonal to X once and to the constraints last, before and after it is
            // normalised (see Lanczos.orthogonalise). P is only normalised: the Rayleigh-Ritz step
            // works with the full Gram matrix of [X, W, P] and drops dependent directions itself.
            Blocks.subtractProjection(x, null, w, null);
            Blocks.subtractProjection(y, null, w, null);
            w = w.length == 0 ? w : Blocks.orthonormalise(w);
            Blocks.subtractProjection(y, null, w, null);
            double[][] aw = apply(a, w);
            matVecs += w.length;
            if (pDir.length > 0) {
                double[][] z = Blocks.svqb(Blocks.gramSymmetric(pDir, pDir), DROP);
                int m = z.length == 0 ? 0 : z[0].length;
                pDir = m == 0 ? new double[0][] : Blocks.combine(pDir, z, m);
                apDir = m == 0 ? new double[0][] : Blocks.combine(apDir, z, m);
            }
            double[][] s = concat(x, w, pDir);
            double[][] as = concat(ax, aw, apDir);
            double[][][] next = rayleighRitz(s, as, b, theta);
            x = next[0];
            ax = next[1];
            pDir = next[2];
            apDir = next[3];
        }
        double[][] vectors = Arrays.copyOf(x, k);
        return SignConvention.spectrum(Arrays.copyOf(theta, k), vectors, a, Spectrum.Solver.LOBPCG, it, matVecs, tolAbs);
    }

    /** Residuals $r_i = Ax_i - \theta_i x_i$ into {@code res}; whether the first {@code k} are small enough. */
    private static boolean residuals(double[][] x, double[][] ax, double[] theta, double[][] res, double tolAbs, int k) {
        boolean done = true;
        for (int i = 0; i < x.length; i++) {
            double[] ri = ax[i].clone();
            io.github.attnlab.simd.SimdOps.get().axpy(-theta[i], x[i], 0, ri, 0, ri.length);
            res[i] = ri;
            if (i < k && Blocks.norm(ri) > tolAbs) {
                done = false;
            }
        }
        return done;
    }

    /** $T r_i$ for the residuals above the tolerance (the active set). */
    private static double[][] preconditionedActive(double[][] res, double[] diag, double tolAbs) {
        return Arrays.stream(res).filter(ri -> Blocks.norm(ri) > tolAbs).map(ri -> {
            double[] wi = ri.clone();
            if (diag != null) {
                for (int j = 0; j < wi.length; j++) {
                    if (diag[j] > 0) {
                        wi[j] /= diag[j];
                    }
                }
            }
            return wi;
        }).toArray(double[][]::new);
    }

    /**
     * Rayleigh–Ritz on the basis $S$ (with $AS$): the $b$ smallest Ritz pairs. Returns the new $X$,
     * $AX$, and the search directions $P$, $AP$: the part of the new $X$ outside the first $b$
     * basis vectors (the old $X$).
     */
    private static double[][][] rayleighRitz(double[][] s, double[][] as, int b, double[] theta) {
        double[][] z = Blocks.svqb(Blocks.gramSymmetric(s, s), DROP);
        int m = z[0].length;
        double[][] h = Blocks.gramSymmetric(s, as);
        double[][] hz = multiplyTransposed(z, multiply(h, z));
        Blocks.SmallEigen e = Blocks.smallEigen(hz);
        if (m < b) {
            throw new ConvergenceException("LOBPCG: the search space collapsed to " + m + " < " + b + " directions");
        }
        double[][] c = multiply(z, e.vectors()); // s.length × m
        System.arraycopy(e.values(), 0, theta, 0, b);
        double[][] x = Blocks.combine(s, c, b);
        double[][] ax = Blocks.combine(as, c, b);
        if (s.length == b) {
            return new double[][][] {x, ax, new double[0][], new double[0][]};
        }
        double[][] cTail = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            cTail[i] = i < b ? new double[m] : c[i];
        }
        return new double[][][] {x, ax, Blocks.combine(s, cTail, b), Blocks.combine(as, cTail, b)};
    }

    private static double[][] apply(Operator a, double[][] x) {
        double[][] ax = new double[x.length][a.dimension()];
        for (int i = 0; i < x.length; i++) {
            a.apply(x[i], ax[i]);
        }
        return ax;
    }

    private static double[][] concat(double[][]... blocks) {
        return Arrays.stream(blocks).flatMap(Arrays::stream).toArray(double[][]::new);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int l = 0; l < b.length; l++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][l] * b[l][j];
                }
            }
        }
        return c;
    }

    private static double[][] multiplyTransposed(double[][] a, double[][] b) {
        double[][] c = new double[a[0].length][b[0].length];
        for (int l = 0; l < a.length; l++) {
            for (int i = 0; i < a[0].length; i++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[l][i] * b[l][j];
                }
            }
        }
        return c;
    }
}
