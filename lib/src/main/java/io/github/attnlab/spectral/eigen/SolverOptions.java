package io.github.attnlab.spectral.eigen;

import io.github.attnlab.core.Check;


/**
 * Settings of the iterative eigensolvers.
 *
 * @param tolerance     stop when every wanted pair has $\|Av - \lambda v\|_2 \le tolerance \cdot \|A\|$
 *                      (with $\|A\|$ the problem's norm bound), checked on freshly computed residuals
 * @param maxIterations iteration limit (LOBPCG iterations, or Lanczos restarts)
 * @param seed          seed of the random start vectors
 */
public record SolverOptions(double tolerance, int maxIterations, long seed) {

    /** Relative residual $10^{-8}$, 2000 iterations, seed 1. */
    public static final SolverOptions DEFAULT = new SolverOptions(1e-8, 2000, 1);

    /** Validates. */
    public SolverOptions {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance = " + tolerance + " must lie in (0, 1)");
        }
        Check.range("maxIterations", maxIterations, 1, Integer.MAX_VALUE);
    }

    /** With another tolerance. */
    public SolverOptions withTolerance(double t) {
        return new SolverOptions(t, maxIterations, seed);
    }

    /** With another iteration limit. */
    public SolverOptions withMaxIterations(int m) {
        return new SolverOptions(tolerance, m, seed);
    }

    /** With another seed. */
    public SolverOptions withSeed(long s) {
        return new SolverOptions(tolerance, maxIterations, s);
    }
}
