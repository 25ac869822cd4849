package io.github.attnlab.bench;

import io.github.attnlab.compact.Normalizers;
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
 * The normalisers of {@code io.github.attnlab.compact} on one row of Gaussian scores (standard
 * deviation 3): softmax, sparsemax by sort and by pivot, 1.5-entmax by sort and by bisection,
 * $4/3$-entmax by bisection, and the rectified-power pass the bisection repeats, on the path chosen by
 * {@code -Dattnlab.simd} (run once with {@code scalar} and once with {@code vector}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CompactBench {

    @Param({"1024", "4096"})
    int n;

    double[] z;
    double[] out;

    @Setup
    public void setup() {
        Random r = new Random(1);
        z = new double[n];
        out = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = 3 * r.nextGaussian();
        }
    }

    @Benchmark
    public double softmax() {
        return Normalizers.softmax(z, out, 0, n);
    }

    @Benchmark
    public double sparsemaxSort() {
        return Normalizers.sparsemax(z, out, 0, n);
    }

    @Benchmark
    public double sparsemaxPivot() {
        return Normalizers.sparsemaxPivot(z, out, 0, n);
    }

    @Benchmark
    public double entmax15Sort() {
        return Normalizers.entmax15(z, out, 0, n);
    }

    @Benchmark
    public double entmax15Bisection() {
        return Normalizers.entmaxBisect(1.5, z, out, 0, n);
    }

    @Benchmark
    public double entmax43Bisection() {
        return Normalizers.entmaxBisect(4.0 / 3, z, out, 0, n);
    }

    @Benchmark
    public double entmax125Bisection() {
        return Normalizers.entmaxBisect(1.25, z, out, 0, n);
    }

    @Benchmark
    public double rectifiedPowerPass() {
        return SimdOps.get().sumRectifiedPower(z, 0, n, 0, 0.5, 0.1, 2);
    }
}
