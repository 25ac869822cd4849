package io.github.attnlab.spectral.eigen;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.LaplacianKind;
import java.util.Arrays;

/**
 * A symmetric eigenproblem for an iterative solver: the operator, a bound on its spectral norm
 * (residual tolerances are relative to it), vectors the solution must stay orthogonal to
 * (typically a known null space) and an optional diagonal for Jacobi preconditioning.
 *
 * @param operator    the symmetric operator $A$
 * @param normBound   an upper bound on $\|A\|_2$ (for a Laplacian: Gershgorin's $2 d_{\max}$, or 2)
 * @param constraints orthonormal vectors $Y$; eigenvectors are sought in $Y^\perp$
 * @param diagonal    the diagonal of $A$ for the Jacobi preconditioner, or null for none
 */
public record EigenProblem(Operator operator, double normBound, double[][] constraints, double[] diagonal) {

    /** Validates and copies. */
    public EigenProblem {
        if (operator == null) {
            throw new IllegalArgumentException("operator is null");
        }
        Check.positive("normBound", normBound);
        int n = operator.dimension();
        constraints = constraints == null ? new double[0][] : Arrays.stream(constraints).map(double[]::clone).toArray(double[][]::new);
        for (int c = 0; c < constraints.length; c++) {
            Check.vector("constraints[" + c + "]", constraints[c], n);
        }
        if (diagonal != null) {
            Check.vector("diagonal", diagonal, n);
            diagonal = diagonal.clone();
        }
    }

    /**
     * The problem of a symmetric Laplacian, with its null space (one vector per connected
     * component) as constraints and its diagonal for preconditioning.
     */
    public static EigenProblem of(Laplacian l) {
        Check.notNull("l", l);
        if (!l.isSymmetric()) {
            throw new IllegalArgumentException("the random-walk Laplacian is not symmetric; solve the symmetric one"
                    + " (same eigenvalues, eigenvectors D^(-1/2) psi)");
        }
        double[] diag = new double[l.n()];
        for (int i = 0; i < l.n(); i++) {
            diag[i] = l.matrix().get(i, i);
        }
        return new EigenProblem(Operator.of(l.matrix()), l.eigenvalueBound(), l.nullSpace(), diag);
    }

    /** The dimension. */
    public int n() {
        return operator.dimension();
    }

    @Override
    public double[][] constraints() {
        return Arrays.stream(constraints).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] diagonal() {
        return diagonal == null ? null : diagonal.clone();
    }

    @Override
    public String toString() {
        return "EigenProblem[n=" + n() + ", ||A|| <= " + normBound + ", " + constraints.length + " constraints"
                + (diagonal == null ? "" : ", Jacobi") + "]";
    }
}
