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
 *
 * <p>Each call takes the next of {@value #ROWS} distinct rows (issue 16: re-sorting one row lets the
 * branch predictor learn it, and read 3.5–4× too fast).
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

    /** Distinct rows cycled through (a power of two). */
    static final int ROWS = 64;

    double[] z;
    double[] out;
    int next;

    @Setup
    public void setup() {
        Random r = new Random(1);
        z = new double[ROWS * n];
        out = new double[ROWS * n];
        for (int i = 0; i < z.length; i++) {
            z[i] = 3 * r.nextGaussian();
        }
    }

    /** The offset of the next row. */
    private int row() {
        return (next++ & (ROWS - 1)) * n;
    }

    @Benchmark
    public double softmax() {
        return Normalizers.softmax(z, out, row(), n);
    }

    @Benchmark
    public double sparsemaxSort() {
        return Normalizers.sparsemax(z, out, row(), n);
    }

    @Benchmark
    public double sparsemaxPivot() {
        return Normalizers.sparsemaxPivot(z, out, row(), n);
    }

    @Benchmark
    public double entmax15Sort() {
        return Normalizers.entmax15(z, out, row(), n);
    }

    @Benchmark
    public double entmax15Bisection() {
        return Normalizers.entmaxBisect(1.5, z, out, row(), n);
    }

    @Benchmark
    public double entmax43Bisection() {
        return Normalizers.entmaxBisect(4.0 / 3, z, out, row(), n);
    }

    @Benchmark
    public double entmax125Bisection() {
        return Normalizers.entmaxBisect(1.25, z, out, row(), n);
    }

    @Benchmark
    public double rectifiedPowerPass() {
        return SimdOps.get().sumRectifiedPower(z, row(), n, 0, 0.5, 0.1, 2);
    }
}
