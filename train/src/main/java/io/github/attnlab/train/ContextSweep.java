package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.measure.MixtureContext;
import io.github.attnlab.measure.ShrinkageReference;
import io.github.attnlab.train.task.MixtureTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Paper F.1's error against the context size (Kawata and Suzuki 2026; {@code docs/papers/F.md}): for each context
 * size $n$ (tokens per component) and seed, a separate regression transformer (one layer, one head, width $w$,
 * feed-forward $2w$, no positions, softmax) is trained on <b>fresh</b> episodes of {@link MixtureTask#random} at every
 * step (a fixed small training set is memorised and no recall is learned), then measured on a fixed test set of
 * {@code testEpisodes} fresh episodes of that $n$: the test mean squared error of the centred target, the recall error
 * (the query's attention mass on the other components' tokens, mean over heads), and on the same episodes the uniform
 * predictor's and the {@link ShrinkageReference}'s errors, with the reference's closed-form error.
 *
 * <p>Seed $r$ (1-based) fixes the model's initial weights and its training stream; the test set of size $n$ is drawn
 * from {@code testSeed} and $n$ only, so every seed meets the same test episodes.
 *
 * @param task         the task; must draw fresh densities per episode
 * @param sizes        context sizes $n$, increasing
 * @param seeds        models per size, at least 2 (the rate's interval is over seeds)
 * @param steps        Adam steps per model
 * @param batch        episodes per step
 * @param learningRate Adam's $\eta$
 * @param width        the model width $w$
 * @param testEpisodes test episodes per size
 * @param testSeed     the test sets' seed
 * @param threads      training threads
 */
public record ContextSweep(MixtureTask task, int[] sizes, int seeds, int steps, int batch, double learningRate,
                           int width, int testEpisodes, long testSeed, int threads) {

    /** Checks and copies. */
    public ContextSweep {
        Check.notNull("task", task);
        if (!task.fresh()) {
            throw new IllegalArgumentException("task must draw fresh densities per episode (MixtureTask.random): with "
                    + "one fixed mixture the context carries nothing to recall");
        }
        Check.notNull("sizes", sizes);
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes has " + sizes.length + " values: a rate needs at least 2");
        }
        for (int j = 0; j < sizes.length; j++) {
            Check.positive("sizes[" + j + "]", sizes[j]);
            if (j > 0 && sizes[j] <= sizes[j - 1]) {
                throw new IllegalArgumentException("sizes[" + j + "] = " + sizes[j] + " is not above sizes[" + (j - 1)
                        + "] = " + sizes[j - 1] + " (sizes must increase)");
            }
        }
        sizes = sizes.clone();
        Check.range("seeds", seeds, 2, 1000);
        Check.range("steps", steps, 0, Integer.MAX_VALUE);
        Check.positive("batch", batch);
        Check.positive("learningRate", learningRate);
        Check.positive("width", width);
        Check.positive("testEpisodes", testEpisodes);
        Check.range("threads", threads, 1, 64);
    }

    /** Defaults: 3 seeds, 300 steps of 16 episodes, $\eta = 3\cdot10^{-3}$, width 16, 128 test episodes, test seed 99, 1 thread. */
    public static ContextSweep of(MixtureTask task, int... sizes) {
        return new ContextSweep(task, sizes, 3, 300, 16, 3e-3, 16, 128, 99, 1);
    }

    /** With another number of seeds. */
    public ContextSweep seeds(int r) {
        return new ContextSweep(task, sizes, r, steps, batch, learningRate, width, testEpisodes, testSeed, threads);
    }

    /** With another number of steps. */
    public ContextSweep steps(int s) {
        return new ContextSweep(task, sizes, seeds, s, batch, learningRate, width, testEpisodes, testSeed, threads);
    }

    /** With another learning rate. */
    public ContextSweep learningRate(double rate) {
        return new ContextSweep(task, sizes, seeds, steps, batch, rate, width, testEpisodes, testSeed, threads);
    }

    /** With another batch size. */
    public ContextSweep batch(int b) {
        return new ContextSweep(task, sizes, seeds, steps, b, learningRate, width, testEpisodes, testSeed, threads);
    }

    /** With another model width. */
    public ContextSweep width(int w) {
        return new ContextSweep(task, sizes, seeds, steps, batch, learningRate, w, testEpisodes, testSeed, threads);
    }

    /** With another number of test episodes per size. */
    public ContextSweep testEpisodes(int t) {
        return new ContextSweep(task, sizes, seeds, steps, batch, learningRate, width, t, testSeed, threads);
    }

    /** With another number of training threads (the result does not depend on it). */
    public ContextSweep threads(int t) {
        return new ContextSweep(task, sizes, seeds, steps, batch, learningRate, width, testEpisodes, testSeed, t);
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** The model trained for context size $n$. */
    public ModelConfig model(int n) {
        Check.positive("n", n);
        return ModelConfig.regression(task.inputDim(), 1).withWidth(width, 2 * width).withMaxLength(task.length(n));
    }

    /** The fixed test episodes of size $n$. */
    public List<MixtureContext.Episode> testSet(int n) {
        Check.positive("n", n);
        Random rnd = new Random(testSeed * 1_000_003L + n);
        List<MixtureContext.Episode> out = new ArrayList<>(testEpisodes);
        for (int i = 0; i < testEpisodes; i++) {
            out.add(task.episode(rnd, n));
        }
        return out;
    }

    /** {@link #run(Consumer)} without progress lines. */
    public ContextSweepResult run() {
        return run(line -> { });
    }

    /** Trains and measures every (size, seed), sending one line per model to {@code progress}. */
    public ContextSweepResult run(Consumer<String> progress) {
        Check.notNull("progress", progress);
        ShrinkageReference ref = task.reference();
        int sizeCount = sizes.length;
        double[][] mse = new double[seeds][sizeCount];
        double[][] recall = new double[seeds][sizeCount];
        double[] uniform = new double[sizeCount];
        double[] reference = new double[sizeCount];
        double[] expected = new double[sizeCount];
        double seconds = 0;
        for (int j = 0; j < sizeCount; j++) {
            int n = sizes[j];
            List<MixtureContext.Episode> test = testSet(n);
            List<Example> examples = test.stream().map(task::example).toList();
            double[] target = test.stream().mapToDouble(e -> 2 * Math.PI * e.target() - 1).toArray();
            for (int i = 0; i < testEpisodes; i++) {
                double r = ref.predict(test.get(i)) - target[i];
                uniform[j] += target[i] * target[i] / testEpisodes;
                reference[j] += r * r / testEpisodes;
            }
            expected[j] = ref.expectedError(n);
            for (int r = 0; r < seeds; r++) {
                TrainingRun run = Training.of(model(n), task, n).steps(steps).batch(batch).learningRate(learningRate)
                        .seed(r + 1).threads(threads).run();
                seconds += run.seconds();
                Transformer m = run.model();
                double se = 0;
                double off = 0;
                for (int i = 0; i < testEpisodes; i++) {
                    Example ex = examples.get(i);
                    double p = m.predict(ex)[ex.length() - 1][0] - target[i];
                    se += p * p;
                    double[][][] heads = m.attention(ex)[0];
                    for (double[][] h : heads) {
                        off += task.recallError(test.get(i), h) / heads.length;
                    }
                }
                mse[r][j] = se / testEpisodes;
                recall[r][j] = off / testEpisodes;
                progress.accept(String.format(Locale.ROOT,
                        "n = %4d seed %d: test MSE %.4f (uniform %.4f, reference %.4f), recall error %.3f, %.1f s", n,
                        r + 1, mse[r][j], uniform[j], reference[j], recall[r][j], run.seconds()));
            }
        }
        double[] x = new double[sizeCount];
        for (int j = 0; j < sizeCount; j++) {
            x[j] = sizes[j];
        }
        return new ContextSweepResult(x, mse, recall, uniform, reference, expected, seconds);
    }
}
