package io.github.attnlab.bench;

import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.topk.KSelect;
import io.github.attnlab.topk.RankedRow;
import io.github.attnlab.topk.TopKRows;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The float32 row operations of issue 16 on a $2^{24}$-element row-major matrix of Gaussian logits ($\sigma = 2$),
 * every row distinct, rows of n = 512, 2048, 8192: one operation is the whole matrix (64 MB of float logits), so
 * the time per operation in ms converts to GB/s as {@code 4 * 2^24 * bytesPerElement / time}: softmax moves 8 bytes
 * per element (read the logit, write the probability; sparsemax and entmax too), log-sum-exp and certified k_eps 4
 * (read only). The
 * {@code widened*} methods are the double row API on the same logits widened to double (what a user had to do
 * before the float entry points): 16 bytes per element.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g"})
public class RowF32Bench {

    static final int ELEMENTS = 1 << 24;

    @Param({"512", "2048", "8192"})
    int n;

    int rows;
    float[] logits;
    float[] probs;
    double[] wide;
    double[] wideOut;
    int[] ks;
    RankedRow ranked;
    KSelect select;

    @Setup(Level.Trial)
    public void setup() {
        rows = ELEMENTS / n;
        Random r = new Random(16);
        logits = new float[ELEMENTS];
        wide = new double[ELEMENTS];
        for (int i = 0; i < ELEMENTS; i++) {
            logits[i] = (float) (2 * r.nextGaussian());
            wide[i] = logits[i];
        }
        probs = new float[ELEMENTS];
        wideOut = new double[ELEMENTS];
        ks = new int[rows];
        ranked = new RankedRow();
        select = new KSelect();
    }

    /** {@code SimdOps.softmax} on float rows (the forward pass's softmax). */
    @Benchmark
    public float simdSoftmax() {
        SimdOps ops = SimdOps.get();
        for (int i = 0; i < rows; i++) {
            ops.softmax(logits, i * n, n, probs, i * n);
        }
        return probs[ELEMENTS - 1];
    }

    /** The float32 row API: {@code Normalizers.softmax(float[], ...)}. */
    @Benchmark
    public double floatSoftmax() {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += Normalizers.softmax(logits, probs, i * n, n);
        }
        return s;
    }

    /** The float32 row API: {@code Normalizers.logSumExp(float[], ...)}. */
    @Benchmark
    public double floatLogSumExp() {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += Normalizers.logSumExp(logits, i * n, n);
        }
        return s;
    }

    /** The float32 row API: certified k at eps = 0.01 without sorting ({@code TopKRows.certifiedK(float[], ...)}). */
    @Benchmark
    public int floatCertifiedK() {
        TopKRows.certifiedK(logits, rows, n, 0.01, ks, select);
        return ks[rows - 1];
    }

    /** The float32 row API: sparsemax (pivot) on float rows. */
    @Benchmark
    public double floatSparsemax() {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += Normalizers.sparsemaxPivot(logits, probs, i * n, n);
        }
        return s;
    }

    /** The float32 row API: 1.5-entmax by bisection on float rows. */
    @Benchmark
    public double floatEntmax15Bisect() {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += Normalizers.entmaxBisect(1.5, logits, probs, i * n, n);
        }
        return s;
    }

    /** The double row API on widened logits: {@code Normalizers.softmax}. */
    @Benchmark
    public double widenedSoftmax() {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += Normalizers.softmax(wide, wideOut, i * n, n);
        }
        return s;
    }

    /** The double row API on widened logits: certified k at eps = 0.01. */
    @Benchmark
    public int widenedCertifiedK() {
        TopKRows.certifiedK(wide, rows, n, 0.01, ks, ranked);
        return ks[rows - 1];
    }

    /** The double row API on widened logits: sparsemax (pivot). */
    @Benchmark
    public double widenedSparsemax() {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += Normalizers.sparsemaxPivot(wide, wideOut, i * n, n);
        }
        return s;
    }

    /** The double row API on widened logits: 1.5-entmax by bisection. */
    @Benchmark
    public double widenedEntmax15Bisect() {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += Normalizers.entmaxBisect(1.5, wide, wideOut, i * n, n);
        }
        return s;
    }
}
