package io.github.attnlab.bench;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.simd.SimdOps;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bert-base-uncased forward pass on one 128-token passage, single-threaded, with every layer's
 * attention kept (what {@code Bert.attention} returns).
 *
 * <p>Work per pass: the dense layers $2n\,(3H^2 + H^2 + 2HI) \cdot L$ = 21.7 GFLOP and the attention
 * $4n^2 d A L$ = 0.6 GFLOP, 22.35 GFLOP in all at $n = 128$. Divide by the time for GFLOP/s and compare
 * with one core's FP32 peak (cores × GHz × 2 FMA units × 8 lanes × 2; about 140 GFLOP/s on this
 * machine's AVX2 cores). At tear-down the benchmark prints the peak heap (sum of the heap pools' peaks),
 * which includes the 440 MB of weights.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g"})
public class BertForwardBench {

    /** Floating-point operations of one pass at 128 tokens. */
    public static final double FLOP = 22.35e9;

    Bert bert;
    Encoding passage;
    /** Thread CPU time per pass (ns): the cost without the other processes sharing the machine. */
    long cpuMin = Long.MAX_VALUE;
    long cpuSum;
    int passes;

    @Setup(Level.Trial)
    public void load() {
        bert = Bert.load().withSimd(SimdOps.get());
        String text = "Call me Ishmael. Some years ago—never mind how long precisely—having little or no money in my"
                + " purse, and nothing particular to interest me on shore, I thought I would sail about a little and see"
                + " the watery part of the world. It is a way I have of driving off the spleen and regulating the"
                + " circulation. Whenever I find myself growing grim about the mouth; whenever it is a damp, drizzly"
                + " November in my soul; whenever I find myself involuntarily pausing before coffin warehouses, and"
                + " bringing up the rear of every funeral I meet; and especially whenever my hypos get such an upper hand"
                + " of me, that it requires a strong moral principle to prevent me from deliberately stepping into the"
                + " street, and methodically knocking people's hats off—then, I account it high time to get to sea as"
                + " soon as I can.";
        passage = bert.passages(text, 128).get(0);
        if (passage.length() != 128) {
            throw new IllegalStateException("the passage has " + passage.length() + " tokens, not 128");
        }
    }

    @Benchmark
    public AttentionTensor forward128() {
        long c0 = THREADS.getCurrentThreadCpuTime();
        AttentionTensor a = bert.attention(passage);
        long c = THREADS.getCurrentThreadCpuTime() - c0;
        cpuMin = Math.min(cpuMin, c);
        cpuSum += c;
        passes++;
        return a;
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TearDown(Level.Trial)
    public void report() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double steady = (rt.totalMemory() - rt.freeMemory()) / 1e6;
        System.out.println(String.format(Locale.ROOT, "%nBertForwardBench: simd %s; %.2f GFLOP per pass; thread CPU time"
                + " per pass: min %.0f ms (%.1f GFLOP/s), mean %.0f ms over %d passes; heap: peak %.0f MB (loading),"
                + " %.0f MB after GC (weights ~440 MB)", SimdOps.get().name(), FLOP / 1e9, cpuMin / 1e6,
                FLOP / cpuMin, cpuSum / 1e6 / passes, passes, peak / 1e6, steady));
    }
}
