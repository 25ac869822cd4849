package io.github.attnlab.bench.suite;

/**
 * This machine's limits, measured at the start of every suite run: the STREAM-like triad bandwidth
 * ($a_i = b_i + s\,c_i$, 24 bytes per element) on one and on two threads, and the FMA peak of one core
 * in float32 and float64 (Vector API fused multiply-adds, 2 flops per lane).
 *
 * @param triad1GBs triad on one thread, GB/s (10^9 bytes)
 * @param triad2GBs triad on two threads, GB/s
 * @param fma32     FP32 peak of one thread, GFLOP/s
 * @param fma64     FP64 peak of one thread, GFLOP/s
 * @param species   the vector shape the peak was measured with, e.g. {@code 256-bit}
 */
public record MachineLimits(double triad1GBs, double triad2GBs, double fma32, double fma64, String species) {

    public MachineLimits {
        positive("triad1GBs", triad1GBs);
        positive("triad2GBs", triad2GBs);
        positive("fma32", fma32);
        positive("fma64", fma64);
        if (species == null) {
            throw new IllegalArgumentException("species is null");
        }
    }

    /**
     * The fraction of the limit reached by an operation that did {@code work} units (bytes for
     * {@link Limit#TRIAD}, flops otherwise) in {@code seconds}; NaN for {@link Limit#NONE}.
     */
    public double fraction(Limit limit, double work, double seconds) {
        if (limit == null) {
            throw new IllegalArgumentException("limit is null");
        }
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds = " + seconds + " must be > 0");
        }
        if (!(work >= 0)) {
            throw new IllegalArgumentException("work = " + work + " must be >= 0");
        }
        double rate = work / seconds / 1e9;
        return switch (limit) {
            case TRIAD -> rate / triad1GBs;
            case FMA_FP32 -> rate / fma32;
            case FMA_FP64 -> rate / fma64;
            case NONE -> Double.NaN;
        };
    }

    /** GB/s of a triad pass: 24 bytes per element (two loads, one store; no write-allocate counted, as STREAM). */
    public static double triadGBs(long elements, double seconds) {
        if (elements <= 0) {
            throw new IllegalArgumentException("elements = " + elements + " must be > 0");
        }
        positive("seconds", seconds);
        return 24.0 * elements / seconds / 1e9;
    }

    /** GFLOP/s of an FMA loop: 2 flops per lane per fused multiply-add. */
    public static double fmaGflops(long fmas, int lanes, double seconds) {
        if (fmas <= 0 || lanes <= 0) {
            throw new IllegalArgumentException("fmas = " + fmas + " and lanes = " + lanes + " must be > 0");
        }
        positive("seconds", seconds);
        return 2.0 * fmas * lanes / seconds / 1e9;
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + " must be finite and > 0");
        }
    }
}
