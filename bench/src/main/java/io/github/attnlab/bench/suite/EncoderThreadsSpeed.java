package io.github.attnlab.bench.suite;

import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.PretrainedModel;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.simd.ParallelGemm;
import io.github.attnlab.simd.SimdOps;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The speed-up of {@code Bert.withThreads(2)} measured by hand (not a test): the forward pass of all-MiniLM-L6-v2
 * and bert-base-uncased on the suite's 128-token passage, one thread and two interleaved round by round (the order
 * alternating), {@code warmups} untimed and {@code timed} timed rounds, median [min–max]; then, with {@code gemm},
 * the products alone at sizes around {@link ParallelGemm#MIN_WORK}, split from any size on, to see where a split
 * pays.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * io.github.attnlab.bench.suite.EncoderThreadsSpeed [warmups timed] [minilm] [bert] [gemm]}
 */
public final class EncoderThreadsSpeed {

    private EncoderThreadsSpeed() {
    }

    public static void main(String[] args) {
        int warmups = args.length >= 2 ? Integer.parseInt(args[0]) : 3;
        int timed = args.length >= 2 ? Integer.parseInt(args[1]) : 10;
        String which = String.join(" ", args.length >= 2 ? Arrays.copyOfRange(args, 2, args.length) : args);
        if (which.isBlank()) {
            which = "minilm bert";
        }
        System.out.printf(Locale.ROOT, "%s, %d processors, JDK %s, load average %.2f%n", SimdOps.get().name(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load());
        if (which.contains("gemm")) {
            gemm();
        }
        if (which.contains("minilm")) {
            encoder(PretrainedModel.ALL_MINILM_L6_V2, warmups, timed);
        }
        if (which.contains("bert")) {
            encoder(PretrainedModel.BERT_BASE_UNCASED, warmups, timed);
        }
        System.out.printf(Locale.ROOT, "load average %.2f at the end%n", load());
    }

    private static void encoder(PretrainedModel model, int warmups, int timed) {
        Bert one = Bert.load(model);
        Bert two = one.withThreads(2);
        Encoding passage = one.passages(OpRun.TEXT, 128).get(0);
        boolean same = Arrays.equals(one.lastHiddenState(passage), two.lastHiddenState(passage));
        double[][] t = new double[2][timed];
        double loadBefore = load();
        for (int round = 0; round < warmups + timed; round++) {
            for (int i = 0; i < 2; i++) {
                int which = (round + i) % 2; // alternate which goes first
                Bert b = which == 0 ? one : two;
                long t0 = System.nanoTime();
                b.lastHiddenState(passage);
                double s = (System.nanoTime() - t0) / 1e9;
                if (round >= warmups) {
                    t[which][round - warmups] = s;
                }
            }
        }
        Samples s1 = new Samples(t[0]);
        Samples s2 = new Samples(t[1]);
        System.out.printf(Locale.ROOT, "%s, %d tokens: 1 thread %s, 2 threads %s, speed-up %.2f×, %s;"
                        + " load average %.2f before, %.2f after%n", model.modelName(), passage.length(),
                Report.times(s1), Report.times(s2), s1.median() / s2.median(), same ? "same bits" : "NOT the same bits",
                loadBefore, load());
    }

    /** One thread against two (split at any size) on products $m \times k$ by $k \times n$ around the bound. */
    private static void gemm() {
        Random r = new Random(1);
        SimdOps ops = SimdOps.get();
        ParallelGemm two = ParallelGemm.of(ops, 2).withMinWork(0);
        int[][] sizes = {{8, 64, 64}, {16, 128, 64}, {32, 128, 64}, {32, 128, 128}, {64, 128, 128}, {64, 256, 128},
            {128, 256, 128}, {128, 384, 128}, {128, 384, 384}, {128, 1536, 384}, {128, 384, 1536}, {128, 2304, 768}};
        for (int[] mnk : sizes) {
            int m = mnk[0];
            int n = mnk[1];
            int k = mnk[2];
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            float[] c = new float[m * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextGaussian();
            }
            long work = (long) m * n * k;
            int reps = (int) Math.max(3, 4e7 / work); // about 20 ms per sample at 2e9 FMA/s
            double[] t1 = new double[9];
            double[] t2 = new double[9];
            for (int round = 0; round < 12; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    ops.gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);
                }
                long t01 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    two.gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);
                }
                long t02 = System.nanoTime();
                if (round >= 3) {
                    t1[round - 3] = (t01 - t0) / 1e9 / reps;
                    t2[round - 3] = (t02 - t01) / 1e9 / reps;
                }
            }
            double m1 = new Samples(t1).median();
            double m2 = new Samples(t2).median();
            System.out.printf(Locale.ROOT, "gemm m=%d n=%d k=%d (mnk = 2^%.1f): 1 thread %.1f µs, 2 threads %.1f µs,"
                    + " speed-up %.2f×%n", m, n, k, Math.log(work) / Math.log(2), m1 * 1e6, m2 * 1e6, m1 / m2);
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
