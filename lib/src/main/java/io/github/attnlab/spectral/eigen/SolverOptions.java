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
        Check.open("tolerance", tolerance, 0, 1);
        Check.range("maxIterations", maxIterations, 1, Integer.MAX_VALUE);
    }

    /** With another tolerance. */
    public SolverOptions withTolerance(double tolerance) {
        return new SolverOptions(tolerance, maxIterations, seed);
    }

    /** With another iteration limit. */
    public SolverOptions withMaxIterations(int maxIterations) {
        return new SolverOptions(tolerance, maxIterations, seed);
    }

    /** With another seed. */
    public SolverOptions withSeed(long seed) {
        return new SolverOptions(tolerance, maxIterations, seed);
    }
}
