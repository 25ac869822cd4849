package io.github.attnlab.bench.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Measures {@link MachineLimits}: a STREAM-like triad on arrays much larger than the caches, and an
 * FMA loop of twelve independent vector accumulators (enough to cover the fused multiply-add latency
 * on two FMA pipes). Each figure is the best of several timed passes after a warm-up, as STREAM reports.
 */
public final class LimitProbe {

    private static final int ACCUMULATORS = 12;
    /** Constants, as the Vector API needs to compile to vector instructions (a species argument would not). */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private final int triadElements;
    private final long fmaIterations;
    private final int passes;

    /** {@code quick}: smaller arrays and fewer passes (a smoke run). */
    public LimitProbe(boolean quick) {
        this.triadElements = quick ? 1 << 23 : 1 << 24;
        this.fmaIterations = quick ? 5_000_000L : 20_000_000L;
        this.passes = quick ? 3 : 5;
    }

    /** Runs every probe. */
    public MachineLimits measure() {
        double[] a = new double[triadElements];
        double[] b = new double[triadElements];
        double[] c = new double[triadElements];
        Arrays.fill(b, 1.0);
        Arrays.fill(c, 2.0);
        double t1 = triad(a, b, c, 1);
        double t2 = triad(a, b, c, 2);
        double f32 = fma32();
        double f64 = fma64();
        return new MachineLimits(t1, t2, f32, f64, FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit");
    }

    private double triad(double[] a, double[] b, double[] c, int threads) {
        double best = Double.POSITIVE_INFINITY;
        for (int p = 0; p <= passes; p++) {
            long t0 = System.nanoTime();
            if (threads == 1) {
                triadRange(a, b, c, 0, a.length, 3.0);
            } else {
                List<Thread> ts = new ArrayList<>();
                int chunk = (a.length + threads - 1) / threads;
                for (int t = 0; t < threads; t++) {
                    int from = t * chunk;
                    int to = Math.min(a.length, from + chunk);
                    Thread th = new Thread(() -> triadRange(a, b, c, from, to, 3.0));
                    th.start();
                    ts.add(th);
                }
                for (Thread th : ts) {
                    try {
                        th.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (p > 0) { // pass 0 warms up (page faults, compilation)
                best = Math.min(best, s);
            }
        }
        return MachineLimits.triadGBs(a.length, best);
    }

    private static void triadRange(double[] a, double[] b, double[] c, int from, int to, double s) {
        for (int i = from; i < to; i++) {
            a[i] = b[i] + s * c[i];
        }
    }

    private double fma32() {
        return fma(() -> fmaLoop32(fmaIterations), F.length());
    }

    private double fma64() {
        return fma(() -> fmaLoop64(fmaIterations), D.length());
    }

    /**
     * GFLOP/s of the best timed pass of {@code loop}, one of the two typed FMA loops (kept apart: each needs its
     * species as a constant to compile to vector instructions).
     */
    private double fma(java.util.function.DoubleSupplier loop, int lanes) {
        double best = Double.POSITIVE_INFINITY;
        for (int p = 0; p <= passes; p++) {
            long t0 = System.nanoTime();
            double sink = loop.getAsDouble();
            double s = (System.nanoTime() - t0) / 1e9;
            if (Double.isNaN(sink)) {
                throw new IllegalStateException("the FMA loop overflowed");
            }
            if (p > 0) {
                best = Math.min(best, s);
            }
        }
        return MachineLimits.fmaGflops(fmaIterations * ACCUMULATORS, lanes, best);
    }

    private static float fmaLoop32(long iterations) {
        FloatVector x = FloatVector.broadcast(F, 0.999999f);
        FloatVector y = FloatVector.broadcast(F, 1e-6f);
        FloatVector a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x, a8 = x, a9 = x, a10 = x, a11 = x;
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static double fmaLoop64(long iterations) {
        DoubleVector x = DoubleVector.broadcast(D, 0.999999);
        DoubleVector y = DoubleVector.broadcast(D, 1e-6);
        DoubleVector a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x, a8 = x, a9 = x, a10 = x, a11 = x;
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
