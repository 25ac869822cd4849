package io.github.attnlab.spectral.eigen;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/**
 * Eigenpairs of a symmetric matrix (or of a random-walk Laplacian), each with its residual.
 *
 * <p>Eigenvalues increase; eigenvector $t$ has unit 2-norm and a fixed sign: its first entry whose
 * magnitude is at least $(1 - 10^{-6})\max_i |v_i|$ is positive, so that two solvers (or two runs)
 * agree on simple eigenvalues. The residual of pair $t$ is $\|A v_t - \lambda_t v_t\|_2$, computed
 * afresh with the matrix, not taken from the solver's recurrences.
 *
 * @param values     eigenvalues, increasing
 * @param vectors    {@code vectors[t]} is the eigenvector of {@code values[t]}
 * @param residuals  $\|A v_t - \lambda_t v_t\|_2$
 * @param solver     the solver that computed the pairs
 * @param viaSymmetric true for a random-walk Laplacian solved through the symmetric one
 * @param iterations solver iterations (0 for the dense solver)
 * @param matVecs    sparse matrix–vector products used (0 for the dense solver)
 * @param tolerance  the residual an iterative solver was asked to reach, NaN for a direct solver
 */
public record Spectrum(double[] values, double[][] vectors, double[] residuals, Solver solver, boolean viaSymmetric,
                       int iterations, long matVecs, double tolerance) implements Figure {

    /** The solver behind a spectrum. */
    public enum Solver {
        /** The dense symmetric eigen-decomposition ({@link DenseEigen}). */
        DENSE("dense (EJML)"),
        /** Thick-restart Lanczos ({@link Lanczos}). */
        LANCZOS("Lanczos (thick restart)"),
        /** LOBPCG ({@link Lobpcg}). */
        LOBPCG("LOBPCG"),
        /** No solver: every pair asked for lies in the known null space of a Laplacian. */
        NULL_SPACE("null space only");

        private final String label;

        Solver(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Validates and copies. */
    public Spectrum {
        Check.notNull("values", values);
        Check.notNull("vectors", vectors);
        Check.notNull("residuals", residuals);
        Check.notNull("solver", solver);
        java.util.Objects.requireNonNull(solver, "solver");
        if (values.length != vectors.length || values.length != residuals.length) {
            throw new IllegalArgumentException(values.length + " values, " + vectors.length + " vectors, "
                    + residuals.length + " residuals");
        }
        values = values.clone();
        residuals = residuals.clone();
        vectors = Arrays.stream(vectors).map(double[]::clone).toArray(double[][]::new);
    }

    /** The number of eigenpairs. */
    public int count() {
        return values.length;
    }

    /** Eigenvalue {@code t}. */
    public double value(int t) {
        Check.index("t", t, values.length);
        return values[t];
    }

    /** Eigenvector {@code t} (a copy). */
    public double[] vector(int t) {
        Check.index("t", t, vectors.length);
        return vectors[t].clone();
    }

    /** The eigenvalues (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The eigenvectors (a copy). */
    @Override
    public double[][] vectors() {
        return Arrays.stream(vectors).map(double[]::clone).toArray(double[][]::new);
    }

    /** The residuals (a copy). */
    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * Whether every residual reaches the solver's tolerance (always true for a direct solver).
     * Iterative solvers check residuals recomputed with the matrix before they stop, so a
     * {@code false} here means the iteration limit was hit.
     */
    public boolean converged() {
        return Double.isNaN(tolerance) || maxResidual() <= tolerance;
    }

    /** The largest residual. */
    public double maxResidual() {
        return Arrays.stream(residuals).max().orElse(0);
    }

    /** Eigenvalues against their index. */
    @Override
    public JFreeChart chart() {
        double[] idx = new double[values.length];
        for (int t = 0; t < idx.length; t++) {
            idx[t] = t + 1;
        }
        return XYChart.of("Spectrum (" + label() + ")", "index", "eigenvalue").points("λ", idx, values).chart();
    }

    private String label() {
        return solver + (viaSymmetric ? " via L_sym" : "");
    }

    @Override
    public String toString() {
        String shown = Arrays.stream(values).limit(6).mapToObj(v -> String.format(Locale.ROOT, "%.6g", v))
                .collect(Collectors.joining(", "));
        int n = vectors.length == 0 ? 0 : vectors[0].length;
        return String.format(Locale.ROOT, "Spectrum[%d eigenpairs of n=%d by %s: %s%s; max residual %.2e%s; %d iterations, %d mat-vecs]",
                values.length, n, label(), shown, values.length > 6 ? ", ..." : "", maxResidual(),
                converged() ? "" : " NOT CONVERGED", iterations, matVecs);
    }
}
