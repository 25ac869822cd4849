package io.github.attnlab.compact.train;

import io.github.attnlab.core.Check;
import java.util.Locale;
import java.util.Random;

/**
 * A head's mean squared error $E\|\hat y - y^*\|^2$ on fresh episodes of one context length, with
 * its standard error over episodes and the mean support size of the attention.
 *
 * @param normalizer    the head's normaliser name
 * @param contextLength $N$
 * @param episodes      the number of episodes
 * @param mse           the mean squared error
 * @param stderr        its standard error over episodes
 * @param meanSupport   the mean number of keys with positive weight
 */
public record Evaluation(String normalizer, int contextLength, int episodes, double mse, double stderr,
                        double meanSupport) {

    /** Evaluates on {@code episodes} episodes drawn from {@code new Random(seed)}. */
    public static Evaluation of(KernelRegressionHead head, Task task, int contextLength, int episodes, long seed) {
        Check.notNull("head", head);
        Check.notNull("task", task);
        Check.positive("contextLength", contextLength);
        if (episodes < 2) {
            throw new IllegalArgumentException("episodes = " + episodes + ": need at least 2 for a standard error");
        }
        Random r = new Random(seed);
        Workspace w = head.workspace();
        double sum = 0;
        double sumSq = 0;
        double support = 0;
        for (int e = 0; e < episodes; e++) {
            Episode ep = task.sample(r, contextLength);
            double se = 2 * head.loss(ep, w);
            sum += se;
            sumSq += se * se;
            for (int i = 0; i < contextLength; i++) {
                support += w.p[i] > 0 ? 1 : 0;
            }
        }
        double mean = sum / episodes;
        double var = Math.max(0, (sumSq - episodes * mean * mean) / (episodes - 1));
        return new Evaluation(head.normalizer().name(), contextLength, episodes, mean, Math.sqrt(var / episodes),
                support / episodes);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s at N = %d: MSE %.4g ± %.2g (%d episodes), support %.1f", normalizer,
                contextLength, mse, stderr, episodes, meanSupport);
    }
}
