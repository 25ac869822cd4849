package io.github.attnlab.spectral.eigen;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.LaplacianKind;
import io.github.attnlab.spectral.graph.SparseMatrix;
import java.util.Arrays;

/**
 * The smallest eigenpairs of a graph Laplacian, by the solver that fits its size.
 *
 * <p>The null space is known exactly: one vector per connected component
 * ({@link Laplacian#nullSpace()}), so a disconnected graph returns eigenvalue 0 with the
 * multiplicity of its components, with those vectors, and the iterative solvers search only the
 * complement. {@link Method#AUTO} takes the dense solver up to {@value #DENSE_UP_TO} vertices;
 * above, Lanczos when a single eigenpair beyond the null space is wanted (the smallest Ritz value
 * is found reliably; only copies of repeated eigenvalues can be missed), else LOBPCG (a block
 * method, safe for multiplicities). The random-walk Laplacian is solved through the symmetric one
 * ($L_{\mathrm{rw}} = D^{-1/2}L_{\mathrm{sym}}D^{1/2}$): same eigenvalues, eigenvectors
 * $D^{-1/2}\psi$ rescaled to unit norm, residuals measured with $L_{\mathrm{rw}}$ itself.
 */
public final class LaplacianSpectra {

    /** Largest $n$ for which {@link Method#AUTO} chooses the dense solver. */
    public static final int DENSE_UP_TO = 500;

    /** Which solver. */
    public enum Method {
        /** Dense up to {@link #DENSE_UP_TO} vertices; above, Lanczos for one pair beyond the null space, else LOBPCG. */
        AUTO,
        /** {@link DenseEigen}. */
        DENSE,
        /** {@link Lobpcg}. */
        LOBPCG,
        /** {@link Lanczos}. */
        LANCZOS
    }

    private LaplacianSpectra() {
    }

    /** The {@code k} smallest eigenpairs with {@link Method#AUTO} and default options. */
    public static Spectrum smallest(Laplacian l, int k) {
        Check.notNull("l", l);
        return smallest(l, k, Method.AUTO, SolverOptions.DEFAULT);
    }

    /** The {@code k} smallest eigenpairs by the given method. */
    public static Spectrum smallest(Laplacian l, int k, Method method, SolverOptions options) {
        Check.notNull("l", l);
        Check.range("k", k, 1, l.n());
        Laplacian sym = l.kind() == LaplacianKind.RANDOM_WALK ? Laplacian.symmetric(l.graph()) : l;
        double[][] nullSpace = sym.nullSpace();
        if (method == Method.AUTO) {
            method = l.n() <= DENSE_UP_TO ? Method.DENSE : k - nullSpace.length <= 1 ? Method.LANCZOS : Method.LOBPCG;
        }
        Spectrum s;
        if (method == Method.DENSE) {
            s = withNullSpace(DenseEigen.smallest(sym.matrix(), k), nullSpace, sym.matrix());
        } else if (nullSpace.length >= k) {
            s = nullOnly(nullSpace, k, sym.matrix(), method, options.tolerance() * sym.eigenvalueBound());
        } else {
            EigenProblem p = EigenProblem.of(sym);
            Spectrum rest = method == Method.LOBPCG ? Lobpcg.smallest(p, k - nullSpace.length, options)
                    : Lanczos.smallest(p, k - nullSpace.length, options);
            s = prepend(nullSpace, rest, sym.matrix());
        }
        return l.kind() == LaplacianKind.RANDOM_WALK ? toRandomWalk(s, l) : s;
    }

    /** All eigenpairs, by the dense solver (at most {@link DenseEigen#MAX_N} vertices). */
    public static Spectrum all(Laplacian l) {
        Check.notNull("l", l);
        return smallest(l, l.n(), Method.DENSE, SolverOptions.DEFAULT);
    }

    /** Replaces the dense solver's null-space vectors by the component vectors (eigenvalue exactly 0). */
    private static Spectrum withNullSpace(Spectrum dense, double[][] nullSpace, SparseMatrix a) {
        int c = Math.min(nullSpace.length, dense.count());
        double[] v = dense.values();
        double[][] x = dense.vectors();
        for (int t = 0; t < c; t++) {
            v[t] = 0;
            x[t] = nullSpace[t];
        }
        return SignConvention.spectrum(v, x, Operator.of(a), dense.solver(), 0, 0, Double.NaN);
    }

    private static Spectrum nullOnly(double[][] nullSpace, int k, SparseMatrix a, Method m, double tol) {
        return SignConvention.spectrum(new double[k], Arrays.copyOf(nullSpace, k), Operator.of(a),
                Spectrum.Solver.NULL_SPACE, 0, 0, tol);
    }

    private static Spectrum prepend(double[][] nullSpace, Spectrum rest, SparseMatrix a) {
        int c = nullSpace.length;
        double[] v = new double[c + rest.count()];
        double[][] x = new double[v.length][];
        for (int t = 0; t < c; t++) {
            x[t] = nullSpace[t];
        }
        for (int t = 0; t < rest.count(); t++) {
            v[c + t] = rest.value(t);
            x[c + t] = rest.vector(t);
        }
        return SignConvention.spectrum(v, x, Operator.of(a), rest.solver(), rest.iterations(), rest.matVecs() + v.length,
                rest.tolerance());
    }

    private static Spectrum toRandomWalk(Spectrum s, Laplacian rw) {
        double[] d = rw.degrees();
        double dMin = Double.POSITIVE_INFINITY;
        double dMax = 0;
        for (double di : d) {
            if (di > 0) {
                dMin = Math.min(dMin, di);
                dMax = Math.max(dMax, di);
            }
        }
        // ||L_rw v - lambda v|| <= sqrt(dMax / dMin) ||L_sym psi - lambda psi|| for v = D^(-1/2) psi / ||D^(-1/2) psi||
        double tolerance = dMax > 0 ? s.tolerance() * Math.sqrt(dMax / dMin) : s.tolerance();
        double[][] x = s.vectors();
        for (double[] v : x) {
            for (int i = 0; i < v.length; i++) {
                if (d[i] > 0) {
                    v[i] /= Math.sqrt(d[i]);
                }
            }
        }
        return SignConvention.spectrum(s.values(), x, Operator.of(rw.matrix()), s.solver(), true,
                s.iterations(), s.matVecs(), tolerance);
    }
}
