package io.github.attnlab.core;

/**
 * An iterative numerical method did not converge: the one exception of the library's eigensolvers (the dense
 * symmetric decomposition of {@link SymmetricEigen}, and the iterative solvers built on it).
 *
 * <p>It is an {@link ArithmeticException}: the input was valid (bad input is an {@link IllegalArgumentException}),
 * but the floating-point computation failed on it.
 */
public final class ConvergenceException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message saying what did not converge and on what size. */
    public ConvergenceException(String message) {
        super(message);
    }
}
