package io.github.attnlab.benchdjl;

import ai.djl.engine.Engine;
import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.train.Example;
import io.github.attnlab.train.Gradient;
import io.github.attnlab.train.ModelConfig;
import io.github.attnlab.train.Training;
import io.github.attnlab.train.TrainingRun;
import io.github.attnlab.train.Transformer;
import io.github.attnlab.train.task.AlgorithmicTask;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The engine decision of issue 11, measured: the standard small model (causal decoder, 2 layers, 2 heads, $d = 32$,
 * $d_{ff} = 64$, learned positions, softmax; copying $N = 16$ of 8 symbols, batch 16) in DJL/PyTorch and in
 * attnlab-train from the same weights: (1) the two losses and gradients against each other; (2) each engine's
 * directional derivatives against central differences, tensor by tensor; (3) training steps per second.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -cp "train/target/attnlab-train-all.jar:bench-djl/target/classes:bench-djl/target/lib/*"
 * io.github.attnlab.benchdjl.EngineComparison <threads> <steps>}: one JVM per thread count, because PyTorch fixes
 * its thread pool once per process. DJL runs offline ({@code ai.djl.offline=true}, no download, no telemetry).
 */
public final class EngineComparison {

    private EngineComparison() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        long t0 = System.nanoTime();
        Engine engine = Engine.getEngine("PyTorch");
        System.out.println(String.format(Locale.ROOT, "DJL %s, PyTorch %s loaded in %.1f s; attnlab SIMD path %s; threads %d",
                Engine.getDjlVersion(), engine.getVersion(), (System.nanoTime() - t0) / 1e9, SimdOps.get().name(), threads));

        AlgorithmicTask task = AlgorithmicTask.copy(8);
        ModelConfig cfg = ModelConfig.decoder(task.vocabulary());
        Transformer model = Transformer.init(cfg, 1);
        List<Example> batch = task.sample(new Random(3), 16, 16);
        compareGradients(model, batch);
        speed(cfg, task, threads, steps);
    }

    static void compareGradients(Transformer model, List<Example> batch) {
        Gradient ours = model.gradient(batch);
        Map<String, float[]> theirs = new HashMap<>();
        double eps = 5e-4;
        Random r = new Random(7);
        double worstCross = 0;
        double worstOurs = 0;
        double worstDjl = 0;
        try (DjlTransformer djl = new DjlTransformer(model)) {
            double djlLoss = djl.lossAndGradient(batch, theirs);
            System.out.println(String.format(Locale.ROOT, "loss: attnlab %.7f, DJL %.7f", ours.loss(), djlLoss));
            for (String name : model.parameterNames()) {
                double[][] g = ours.of(name);
                float[] gd = theirs.get(name);
                int cols = g[0].length;
                float[] dir = new float[gd.length];
                double norm = 0;
                for (int i = 0; i < dir.length; i++) {
                    dir[i] = (float) r.nextGaussian();
                    norm += dir[i] * dir[i];
                }
                double a = 0;
                double b = 0;
                double diff = 0;
                double size = 0;
                for (int i = 0; i < dir.length; i++) {
                    dir[i] /= (float) Math.sqrt(norm);
                    double gi = g[i / cols][i % cols];
                    a += dir[i] * gi;
                    b += dir[i] * gd[i];
                    diff += (gi - gd[i]) * (gi - gd[i]);
                    size += gi * gi;
                }
                double cross = Math.sqrt(diff) / Math.max(Math.sqrt(size), 1e-12);
                double numOurs = (perturbed(model, name, dir, eps).evaluate(batch).loss()
                        - perturbed(model, name, dir, -eps).evaluate(batch).loss()) / (2 * eps);
                djl.perturb(name, dir, eps);
                double lp = djl.loss(batch);
                djl.perturb(name, dir, -2 * eps);
                double lm = djl.loss(batch);
                djl.perturb(name, dir, eps);
                double numDjl = (lp - lm) / (2 * eps);
                double eo = Math.abs(numOurs - a) / Math.max(Math.abs(numOurs), 1e-3);
                double ed = Math.abs(numDjl - b) / Math.max(Math.abs(numDjl), 1e-3);
                worstCross = Math.max(worstCross, cross);
                worstOurs = Math.max(worstOurs, eo);
                worstDjl = Math.max(worstDjl, ed);
                System.out.println(String.format(Locale.ROOT, "  %-16s |g_attnlab - g_djl|/|g| = %.2e   directional: "
                        + "attnlab %.5g vs c.d. %.5g (rel %.1e); DJL %.5g vs c.d. %.5g (rel %.1e)", name, cross, a,
                        numOurs, eo, b, numDjl, ed));
            }
        }
        System.out.println(String.format(Locale.ROOT, "worst: engines differ by %.2e (relative, per tensor); central "
                + "differences: attnlab %.2e, DJL %.2e", worstCross, worstOurs, worstDjl));
    }

    private static Transformer perturbed(Transformer m, String name, float[] dir, double eps) {
        double[][] w = m.weights(name);
        int cols = w[0].length;
        for (int i = 0; i < dir.length; i++) {
            w[i / cols][i % cols] += eps * dir[i];
        }
        return m.withWeights(name, w);
    }

    /**
     * Trains the standard small model for {@code steps} steps in DJL (offline) and returns the loss of every step:
     * what a notebook cell calls to check that the engine loads and trains inside a Java kernel.
     */
    public static double[] trainDjl(int steps) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        AlgorithmicTask task = AlgorithmicTask.copy(8);
        ModelConfig cfg = ModelConfig.decoder(task.vocabulary());
        double[] loss = new double[steps];
        try (DjlTransformer djl = new DjlTransformer(Transformer.init(cfg, 1))) {
            Random data = new Random(1 * 0x9E3779B97F4A7C15L + 17);
            for (int s = 0; s < steps; s++) {
                loss[s] = djl.step(task.sample(data, 16, 16), 3e-3);
            }
        }
        return loss;
    }

    static void speed(ModelConfig cfg, AlgorithmicTask task, int threads, int steps) {
        Training t = Training.of(cfg, task, 16).batch(16).threads(threads).warmup(0);
        t.steps(steps).run();
        double best = 0;
        for (int rep = 0; rep < 3; rep++) {
            TrainingRun run = t.steps(steps).run();
            best = Math.max(best, run.stepsPerSecond());
        }
        double bestDjl = 0;
        double lastLoss = 0;
        for (int rep = 0; rep < 4; rep++) {
            try (DjlTransformer djl = new DjlTransformer(Transformer.init(cfg, 1))) {
                Random data = new Random(1 * 0x9E3779B97F4A7C15L + 17);
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    lastLoss = djl.step(task.sample(data, 16, 16), 3e-3);
                }
                double rate = steps / ((System.nanoTime() - t0) / 1e9);
                if (rep > 0) {
                    bestDjl = Math.max(bestDjl, rate);
                }
            }
        }
        System.out.println(String.format(Locale.ROOT, "steps/s on %d thread(s), best of 3 runs of %d steps: attnlab %.1f,"
                + " DJL %.1f (DJL loss after %d steps %.4f)", threads, steps, best, bestDjl, steps, lastLoss));
    }
}
