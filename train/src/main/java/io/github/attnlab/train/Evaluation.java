package io.github.attnlab.train;

import java.util.Locale;

/**
 * A model's scores on held-out examples.
 *
 * @param loss             mean loss per scored position (nats for classes, $\frac12\|\hat y - y\|^2$ for vectors)
 * @param tokenAccuracy    fraction of scored positions whose arg-max class is the target (NaN for regression)
 * @param sequenceAccuracy fraction of examples with every scored position right (NaN for regression)
 * @param attentionZeros   fraction of visible (query, key) weights that are exactly 0, over every layer and head
 * @param positions        scored positions
 * @param examples         examples
 */
public record Evaluation(double loss, double tokenAccuracy, double sequenceAccuracy, double attentionZeros,
                         long positions, int examples) {

    /** The error rate per position, $1 -$ token accuracy. */
    public double tokenError() {
        return 1 - tokenAccuracy;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Evaluation[loss %.4f, token accuracy %.4f, sequence accuracy %.4f, "
                + "attention zeros %.3f, %d positions in %d examples]", loss, tokenAccuracy, sequenceAccuracy,
                attentionZeros, positions, examples);
    }
}
