package io.github.attnlab.bench;

import io.github.attnlab.simd.SimdOps;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SIMD primitives, scalar against vector, at a typical attention row length. Dot products
 * are reported in ns per call; divide 2n flops by it for GFLOP/s and compare with the machine's
 * FP64/FP32 peak (cores × GHz × FMA units × lanes × 2).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SimdBench {

    @Param({"scalar", "vector"})
    String path;

    @Param({"4096"})
    int n;

    SimdOps ops;
    double[] a;
    double[] b;
    float[] fa;
    float[] fb;
    double[] out;

    @Setup
    public void setup() {
        ops = "scalar".equals(path) ? SimdOps.scalar() : SimdOps.vector().orElseThrow();
        Random r = new Random(1);
        a = new double[n];
        b = new double[n];
        fa = new float[n];
        fb = new float[n];
        out = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
            fa[i] = (float) a[i];
            fb[i] = (float) b[i];
        }
    }

    @Benchmark
    public double dotDouble() {
        return ops.dot(a, 0, b, 0, n);
    }

    @Benchmark
    public float dotFloat() {
        return ops.dot(fa, 0, fb, 0, n);
    }

    @Benchmark
    public double sumExp() {
        return ops.sumExp(a, 0, n, 3.0);
    }

    @Benchmark
    public double expShift() {
        return ops.expShift(a, 0, n, 3.0, out, 0);
    }

    @Benchmark
    public double max() {
        return ops.max(a, 0, n);
    }
}
