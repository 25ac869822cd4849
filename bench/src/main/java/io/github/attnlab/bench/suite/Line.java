package io.github.attnlab.bench.suite;

/**
 * One line of the suite's table: an operation measured at one size ({@link Measured}), or an operation whose JVM
 * gave no result ({@link Failed}), which the table shows rather than drops.
 */
public sealed interface Line permits Measured, Failed {

    /** The operation of this line. */
    Op op();

    /** What varies, e.g. {@code n = 512}; {@code —} when the operation failed. */
    String size();
}
