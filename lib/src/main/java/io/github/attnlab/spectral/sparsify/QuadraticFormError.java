package io.github.attnlab.spectral.sparsify;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.eigen.DenseEigen;
import io.github.attnlab.spectral.eigen.LaplacianSpectra;
import io.github.attnlab.spectral.eigen.Spectrum;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * How well $\tilde L$ approximates $L$ in the quadratic-form sense: the extreme values
 * $\mu_{\min}$, $\mu_{\max}$ of $x^\top \tilde L x / x^\top L x$ over $x \perp \ker L$, and
 * $\varepsilon = \max(1 - \mu_{\min}, \mu_{\max} - 1)$, the smallest $\varepsilon$ with
 * $(1-\varepsilon)L \preceq \tilde L \preceq (1+\varepsilon)L$ on $\mathrm{range}(L)$.
 *
 * <p>{@link #exact} computes the generalised eigenvalues: the spectrum of
 * $\Lambda^{-1/2}U^\top \tilde L U \Lambda^{-1/2}$ for $L = U\Lambda U^\top$ restricted to its
 * non-zero eigenvalues (dense). {@link #sampled} evaluates the ratio on test vectors only and so
 * gives a lower bound on $\varepsilon$, for graphs too large for the dense path.
 *
 * @param muMin   the smallest ratio found
 * @param muMax   the largest ratio found
 * @param epsilon $\max(1 - \mu_{\min}, \mu_{\max} - 1)$
 * @param exact   whether the extremes are exact (false: a lower bound from test vectors)
 */
public record QuadraticFormError(double muMin, double muMax, double epsilon, boolean exact) {

    /** The exact $\varepsilon$ of $\tilde G$ against $G$ (combinatorial Laplacians, same vertices). */
    public static QuadraticFormError exact(WeightedGraph g, WeightedGraph approx) {
        Check.notNull("g", g);
        Check.notNull("approx", approx);
        check(g, approx);
        if (g.n() > DenseEigen.MAX_N) {
            throw new IllegalArgumentException("n = " + g.n() + " is too large for the exact error (at most "
                    + DenseEigen.MAX_N + "); use QuadraticFormError.sampled, a lower bound");
        }
        Spectrum s = LaplacianSpectra.all(Laplacian.combinatorial(g));
        int c = g.components().count();
        int n = g.n();
        int r = n - c;
        if (r == 0) {
            return new QuadraticFormError(1, 1, 0, true);
        }
        DMatrixRMaj v = new DMatrixRMaj(n, r); // U Λ^{-1/2} on the range
        for (int t = 0; t < r; t++) {
            double f = 1 / Math.sqrt(s.value(c + t));
            double[] u = s.vector(c + t);
            for (int i = 0; i < n; i++) {
                v.set(i, t, u[i] * f);
            }
        }
        DMatrixRMaj lt = Laplacian.combinatorial(approx).matrix().toEjmlDense();
        DMatrixRMaj tmp = new DMatrixRMaj(n, r);
        CommonOps_DDRM.mult(lt, v, tmp);
        DMatrixRMaj m = new DMatrixRMaj(r, r);
        CommonOps_DDRM.multTransA(v, tmp, m);
        double[][] sym = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                sym[i][j] = 0.5 * (m.get(i, j) + m.get(j, i));
            }
        }
        double[] mu = DenseEigen.all(io.github.attnlab.spectral.graph.SparseMatrix.fromDense(sym)).values();
        return of(mu[0], mu[r - 1], true);
    }

    /**
     * A lower bound on $\varepsilon$ from {@code vectors} random Gaussian test vectors and the
     * same vectors smoothed by a few steps of $x \leftarrow (I - L/\|L\|)x$ (low-frequency
     * directions, where sparsifiers err most), each projected off the constant per component.
     */
    public static QuadraticFormError sampled(WeightedGraph g, WeightedGraph approx, int vectors, long seed) {
        Check.notNull("g", g);
        Check.notNull("approx", approx);
        check(g, approx);
        Check.range("vectors", vectors, 1, Integer.MAX_VALUE);
        Laplacian l = Laplacian.combinatorial(g);
        Laplacian lt = Laplacian.combinatorial(approx);
        double[][] y = l.nullSpace();
        Random r = new Random(seed);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double norm = l.eigenvalueBound();
        for (int t = 0; t < vectors; t++) {
            double[] x = new double[g.n()];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
            }
            for (int stage = 0; stage < 5; stage++) {
                for (int step = 0; stage > 0 && step < 10; step++) { // smooth: x <- (I - L/||L||) x
                    double[] lx = l.matrix().multiply(x);
                    for (int i = 0; i < x.length; i++) {
                        x[i] -= lx[i] / norm;
                    }
                }
                projectOut(y, x);
                double q = l.quadraticForm(x);
                if (q > 0) {
                    double ratio = lt.quadraticForm(x) / q;
                    lo = Math.min(lo, ratio);
                    hi = Math.max(hi, ratio);
                }
            }
        }
        return of(lo, hi, false);
    }

    private static void projectOut(double[][] y, double[] x) {
        for (double[] yk : y) {
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                d += yk[i] * x[i];
            }
            for (int i = 0; i < x.length; i++) {
                x[i] -= d * yk[i];
            }
        }
    }

    private static QuadraticFormError of(double lo, double hi, boolean exact) {
        return new QuadraticFormError(lo, hi, Math.max(1 - lo, hi - 1), exact);
    }

    private static void check(WeightedGraph g, WeightedGraph approx) {
        if (g.isDirected() || approx.isDirected()) {
            throw new IllegalArgumentException("quadratic forms compare undirected graphs; call symmetrised() first");
        }
        if (g.n() != approx.n()) {
            throw new IllegalArgumentException("graphs differ in size: " + g.n() + " and " + approx.n() + " vertices");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "QuadraticFormError[%s: %.4g <= x'L~x / x'Lx <= %.4g, epsilon %s %.4g]",
                exact ? "exact" : "sampled", muMin, muMax, exact ? "=" : ">=", epsilon);
    }
}
