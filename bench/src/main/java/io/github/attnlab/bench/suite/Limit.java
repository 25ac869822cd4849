package io.github.attnlab.bench.suite;

/** Which of the machine's measured limits an operation is held against. */
public enum Limit {
    /** Memory-bound: bytes moved per second against the STREAM-like triad on one thread. */
    TRIAD,
    /** Compute-bound in float32: floating-point operations per second against the FP32 FMA peak of one core. */
    FMA_FP32,
    /** Compute-bound in float64. */
    FMA_FP64,
    /** No meaningful single limit (iterative solvers): no fraction is reported. */
    NONE
}
