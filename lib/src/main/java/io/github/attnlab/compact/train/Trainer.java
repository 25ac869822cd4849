package io.github.attnlab.compact.train;

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
        if (task == null || normalizer == null) {
            throw new IllegalArgumentException("task and normalizer are required");
        }
        if (contextLength < 1 || steps < 0 || batch < 1 || !(learningRate > 0) || featureDim < 1 || !(initialBeta > 0)) {
            throw new IllegalArgumentException("need contextLength >= 1, steps >= 0, batch >= 1, learningRate > 0,"
                    + " featureDim >= 1, initialBeta > 0");
        }
    }

    /** Defaults: softmax, $N = 32$, 300 steps of 32 episodes, $\eta = 0.03$, $m = d + 1$, $\beta_0 = 4$, seed 1. */
    public static Trainer on(Task task) {
        return new Trainer(task, Normalizer.softmax(), 32, 300, 32, 0.03, task.inputDim() + 1, 4, 1);
    }

    /** With another normaliser. */
    public Trainer normalizer(Normalizer n) {
        return new Trainer(task, n, contextLength, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another training context length. */
    public Trainer contextLength(int n) {
        return new Trainer(task, normalizer, n, steps, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another number of steps. */
    public Trainer steps(int s) {
        return new Trainer(task, normalizer, contextLength, s, batch, learningRate, featureDim, initialBeta, seed);
    }

    /** With another batch size. */
    public Trainer batch(int b) {
        return new Trainer(task, normalizer, contextLength, steps, b, learningRate, featureDim, initialBeta, seed);
    }

    /** With another learning rate. */
    public Trainer learningRate(double rate) {
        return new Trainer(task, normalizer, contextLength, steps, batch, rate, featureDim, initialBeta, seed);
    }

    /** With another feature dimension. */
    public Trainer featureDim(int m) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, m, initialBeta, seed);
    }

    /** With another initial $\beta$. */
    public Trainer initialBeta(double beta) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, beta, seed);
    }

    /** With another seed. */
    public Trainer seed(long s) {
        return new Trainer(task, normalizer, contextLength, steps, batch, learningRate, featureDim, initialBeta, s);
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
