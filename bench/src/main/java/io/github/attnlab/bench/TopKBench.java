package io.github.attnlab.bench;

import io.github.attnlab.topk.KeyBlocks;
import io.github.attnlab.topk.RankedRow;
import io.github.attnlab.topk.SearchResult;
import io.github.attnlab.topk.TopK;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * Top-k certification of one row and certified search over a long context.
 *
 * <ul>
 *   <li>{@code certifyRow}: rank a row of n Gaussian logits and find its certified k_eps
 *       (sort + exponentials + two cumulative sums), on the scalar and vector paths;</li>
 *   <li>{@code naiveCertify}: the straightforward implementation a user would write first (boxed
 *       index sort, then recompute the tail sum for each k until it fits): the peer baseline;</li>
 *   <li>{@code fullScoring} against {@code blockSearch}: all n logits of a query then certify, versus
 *       the certified search that scores only the blocks it needs (synthetic topical context).</li>
 * </ul>
 *
 * <p>The row benchmarks take the next of {@value #ROWS} distinct rows on each call (issue 16: one row
 * re-sorted every call lets the branch predictor learn it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TopKBench {

    @Param({"vector", "scalar"})
    String simd;

    @Param({"4096"})
    int n;

    /** Distinct rows cycled through (a power of two). */
    static final int ROWS = 64;

    double[] logits;
    int next;
    RankedRow row;
    KeyBlocks blocks;
    double[] query;
    double scale;

    @Setup(Level.Trial)
    public void setup() {
        System.setProperty("attnlab.simd", simd); // read once, on the first use of SimdOps in this fork
        Random r = new Random(1);
        logits = new double[ROWS * n];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = 2 * r.nextGaussian();
        }
        row = new RankedRow();
        int d = 64;
        double[][] centres = new double[64][d];
        for (double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = r.nextGaussian();
            }
        }
        int len = 16 * n;
        double[][] keys = new double[len][d];
        int[] topic = new int[len];
        for (int s = 0; s < len; s += 32) {
            int t = r.nextInt(64);
            for (int i = s; i < s + 32; i++) {
                topic[i] = t;
                for (int j = 0; j < d; j++) {
                    keys[i][j] = centres[t][j] + 0.1 * r.nextGaussian();
                }
            }
        }
        blocks = KeyBlocks.contiguous(keys, 32);
        query = new double[d];
        double[] c = centres[topic[len / 3]];
        for (int j = 0; j < d; j++) {
            query[j] = 2 * c[j] + 0.5 * r.nextGaussian();
        }
        scale = 1 / Math.sqrt(d);
    }

    @Benchmark
    public int certifyRow() {
        return row.rank(logits, (next++ & (ROWS - 1)) * n, n).certifiedK(0.01);
    }

    @Benchmark
    public int naiveCertify() {
        int off = (next++ & (ROWS - 1)) * n;
        Integer[] idx = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparingDouble(i -> -logits[off + i]));
        double max = logits[off + idx[0]];
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += Math.exp(logits[off + i] - max);
        }
        double head = 0;
        for (int k = 1; k <= n; k++) {
            head += Math.exp(logits[off + idx[k - 1]] - max);
            if (1 - head / z <= 0.01) {
                return k;
            }
        }
        return n;
    }

    @Benchmark
    public int fullScoring() {
        return TopK.of(blocks.logits(query, scale)).certify(0.01).k();
    }

    @Benchmark
    public SearchResult blockSearch() {
        return blocks.search(query, scale, 0.01);
    }
}
