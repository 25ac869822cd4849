package io.github.attnlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link RowF32Bench}'s operations timed by hand, interleaved: every repetition runs every operation once at every
 * n, so all of them see the same load from other work on the machine, and reports wall time and this thread's CPU
 * time (which leaves out the time the scheduler gave to other processes; on a shared machine it is the closer
 * estimate of the code's own speed). Prints min and median over the repetitions, and GB/s of the min CPU time.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * io.github.attnlab.bench.RowF32Speed [repetitions] [operation names...]}
 */
public final class RowF32Speed {

    private RowF32Speed() {
    }

    /** The operations, with the bytes each moves per element. */
    enum Op {
        SIMD_SOFTMAX(8), FLOAT_SOFTMAX(8), FLOAT_LOG_SUM_EXP(4), WIDENED_SOFTMAX(16),
        FLOAT_CERTIFIED_K(4), WIDENED_CERTIFIED_K(8),
        FLOAT_SPARSEMAX(8), WIDENED_SPARSEMAX(16), FLOAT_ENTMAX15_BISECT(8), WIDENED_ENTMAX15_BISECT(16);

        final int bytes;

        Op(int bytes) {
            this.bytes = bytes;
        }

        double run(RowF32Bench b) {
            return switch (this) {
                case SIMD_SOFTMAX -> b.simdSoftmax();
                case FLOAT_SOFTMAX -> b.floatSoftmax();
                case FLOAT_LOG_SUM_EXP -> b.floatLogSumExp();
                case WIDENED_SOFTMAX -> b.widenedSoftmax();
                case FLOAT_CERTIFIED_K -> b.floatCertifiedK();
                case WIDENED_CERTIFIED_K -> b.widenedCertifiedK();
                case FLOAT_SPARSEMAX -> b.floatSparsemax();
                case WIDENED_SPARSEMAX -> b.widenedSparsemax();
                case FLOAT_ENTMAX15_BISECT -> b.floatEntmax15Bisect();
                case WIDENED_ENTMAX15_BISECT -> b.widenedEntmax15Bisect();
            };
        }
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Op> ops = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            ops.add(Op.valueOf(args[i]));
        }
        if (ops.isEmpty()) {
            ops.addAll(Arrays.asList(Op.values()));
        }
        int[] sizes = {512, 2048, 8192};
        RowF32Bench[] benches = new RowF32Bench[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            benches[s] = new RowF32Bench();
            benches[s].n = sizes[s];
            benches[s].setup();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][][] wall = new double[ops.size()][sizes.length][reps];
        double[][][] cpu = new double[ops.size()][sizes.length][reps];
        double sink = 0;
        for (int w = 0; w < 3; w++) { // warm-up
            for (Op op : ops) {
                for (RowF32Bench b : benches) {
                    sink += op.run(b);
                }
            }
        }
        for (int r = 0; r < reps; r++) {
            for (int o = 0; o < ops.size(); o++) {
                for (int s = 0; s < sizes.length; s++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    sink += ops.get(o).run(benches[s]);
                    wall[o][s][r] = (System.nanoTime() - t0) / 1e6;
                    cpu[o][s][r] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
        }
        System.out.println("operation n wall_min_ms wall_median_ms cpu_min_ms cpu_median_ms GB/s(cpu_min) (sink " + sink + ")");
        for (int o = 0; o < ops.size(); o++) {
            for (int s = 0; s < sizes.length; s++) {
                double[] wl = wall[o][s].clone();
                double[] cp = cpu[o][s].clone();
                Arrays.sort(wl);
                Arrays.sort(cp);
                double gbs = (double) RowF32Bench.ELEMENTS * ops.get(o).bytes / (cp[0] * 1e6);
                System.out.println(String.format(Locale.ROOT, "%s %d %.2f %.2f %.2f %.2f %.1f", ops.get(o), sizes[s],
                        wl[0], wl[reps / 2], cp[0], cp[reps / 2], gbs));
            }
        }
    }
}
