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
 * {@link SimdOps#gemm} at the shapes of bert-base-uncased at 128 tokens (m = 128 tokens, n × k):
 * the fused QKV projection (2304 × 768), the feed-forward up (3072 × 768) and down (768 × 3072)
 * projections. GFLOP/s = 2mnk / time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {

    @Param({"vector", "scalar"})
    String path;

    /** n x k of the weight. */
    @Param({"2304x768", "3072x768", "768x3072"})
    String shape;

    SimdOps ops;
    int m = 128;
    int n;
    int k;
    float[] a;
    float[] b;
    float[] c;

    @Setup
    public void setup() {
        ops = "scalar".equals(path) ? SimdOps.scalar() : SimdOps.vector().orElseThrow();
        String[] nk = shape.split("x");
        n = Integer.parseInt(nk[0]);
        k = Integer.parseInt(nk[1]);
        Random r = new Random(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextGaussian();
        }
    }

    @Benchmark
    public float[] gemm() {
        ops.gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);
        return c;
    }
}
