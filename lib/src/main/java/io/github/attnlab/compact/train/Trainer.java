package io.github.attnlab.compact.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.compact.Normalizer;
import java.util.Random;

/**
 * How to train one {@link KernelRegressionHead}: task, normaliser, context length, steps, batch,
 * Adam learning rate, feature dimension, initial $\beta$ and seed. Immutable; {@link #run()} trains.
 *
 * <p>The seed fixes both the initial parameters and the stream of training episodes, so runs that
 * differ only in the normaliser see the same initialisation and the same data (common random
 * numbers), which makes their comparison paired.
 *
 * @param task          the episode distribution
 * @param normalizer    the head's normaliser
 * @param contextLength $N$ during training
 * @param steps         Adam steps
 * @param batch         episodes per step
 * @param learningRate  Adam's $\eta$
 * @param featureDim    $m$, the dimension of $\varphi$
 * @param initialBeta   $\beta$ at initialisation
 * @param seed          the seed of initialisation and data
 */
public record Trainer(Task task, Normalizer normalizer, int contextLength, int steps, int batch, double learningRate,
                      int featureDim, double initialBeta, long seed) {

    /** Gradient norms above this are scaled down before the Adam step. */
    static final double CLIP = 10;

    /** Validates the settings. */
    public Trainer {
        Check.notNull("task", task);
        Check.notNull("normalizer", normalizer);
        Check.positive("contextLength", contextLength);
        Check.range("steps", steps, 0, Integer.MAX_VALUE);
        Check.positive("batch", batch);
        Check.positive("learningRate", learningRate);
        Check.positive("featureDim", featureDim);
        Check.positive("initialBeta", initialBeta);
    }

    /** Defaults: softmax, $N = 32$, 300 steps of 32 episodes, $\eta = 0.03$, $m = d + 1$, $\beta_0 = 4$, seed 1. */
    public static Trainer on(Task task) {
        Check.notNull("task", task);
        return new Trainer(task, Normalizer.softmax(), 32, 300, 32, 0.03, task.inputDim() + 1, 4, 1);
    }

    /** With another normaliser. */
    public Trainer normalizer(Normalizer normalizer) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another training context length. */
    public Trainer contextLength(int contextLength) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another number of steps. */
    public Trainer steps(int steps) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another batch size. */
    public Trainer batch(int batch) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another learning rate. */
    public Trainer learningRate(double learningRate) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another feature dimension. */
    public Trainer featureDim(int featureDim) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another initial $\beta$. */
    public Trainer initialBeta(double initialBeta) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another seed. */
    public Trainer seed(long seed) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** Trains a fresh head with Adam on the mean squared error; records the mean loss of every step. */
    public TrainingRun run() {
        long t0 = System.nanoTime();
        KernelRegressionHead head = KernelRegressionHead.init(task, featureDim, normalizer, initialBeta, new Random(seed));
        Random data = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        double[] theta = head.parameters();
        double[] grad = new double[theta.length];
        Adam adam = new Adam(theta.length, learningRate, CLIP);
        Workspace w = head.workspace();
        double[] losses = new double[steps];
        for (int s = 0; s < steps; s++) {
            java.util.Arrays.fill(grad, 0);
            double loss = 0;
            for (int b = 0; b < batch; b++) {
                loss += head.lossAndGradient(task.sample(data, contextLength), w, grad);
            }
            for (int i = 0; i < grad.length; i++) {
                grad[i] /= batch;
            }
            losses[s] = 2 * loss / batch;
            adam.step(theta, grad);
            head = head.withParameters(theta);
        }
        return new TrainingRun(this, head, losses, (System.nanoTime() - t0) / 1e9);
    }
}
