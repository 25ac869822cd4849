package io.github.attnlab.wasserstein;

import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.topk.TopK;
import io.github.attnlab.topk.TotalVariation;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * The regularised Wasserstein proximal kernel of one query on a set of particles: the logits, the softmax weights,
 * the output and how sparse the weights are (paper F.3, {@code docs/papers/F.md}).
 *
 * <p>A softmax has no exact zeros in real arithmetic; in double precision a weight is exactly 0 when its logit is
 * more than about 745 below the largest. {@link #exactZeros()} counts those, {@link #negligible(double)} the weights
 * at most a threshold, and {@link #certifiedSupport(double)} the smallest number of particles that certifiably hold
 * all but $\varepsilon$ of the mass (top-k certification, docs/papers/A.md).
 *
 * @param operator a description of the operator
 * @param query    $y$
 * @param logits   $z_i = -V(x_i)/(2\beta) - \lVert x_i - y\rVert^2/(4\beta T)$
 * @param weights  $w = \mathrm{softmax}(z)$
 * @param output   $\sum_i w_i v_i$
 */
public record ProximalWeights(String operator, double[] query, double[] logits, double[] weights, double[] output)
        implements Figure {

    /** Copies the arrays. */
    public ProximalWeights {
        Check.notNull("operator", operator);
        query = Check.notNull("query", query).clone();
        logits = Check.notNull("logits", logits).clone();
        weights = Check.notNull("weights", weights).clone();
        output = Check.notNull("output", output).clone();
    }

    @Override
    public double[] query() {
        return query.clone();
    }

    @Override
    public double[] logits() {
        return logits.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] output() {
        return output.clone();
    }

    /** The number of particles. */
    public int size() {
        return weights.length;
    }

    /** How many weights are exactly 0 in double precision. */
    public int exactZeros() {
        return negligible(0);
    }

    /** How many weights are at most {@code threshold} ($\ge 0$). */
    public int negligible(double threshold) {
        Check.nonNegative("threshold", threshold);
        int c = 0;
        for (double w : weights) {
            c += w <= threshold ? 1 : 0;
        }
        return c;
    }

    /** The smallest $k$ whose top-$k$ particles certifiably hold at least $1 - \varepsilon$ of the mass. */
    public int certifiedSupport(double eps) {
        return TopK.of(logits).certify(eps).k();
    }

    /** The same logits under another normaliser (sparsemax, entmax): the comparison on the same inputs. */
    public double[] under(Normalizer normalizer) {
        return Check.notNull("normalizer", normalizer).apply(logits).probabilities();
    }

    /** $TV(w, w')$ between these weights and {@code other} (same length). */
    public double tv(double[] other) {
        Check.vector("other", other, weights.length);
        return TotalVariation.between(weights, other);
    }

    /** The number of non-zero coordinates of the output whose magnitude exceeds {@code threshold}. */
    public int outputSupport(double threshold) {
        Check.nonNegative("threshold", threshold);
        return (int) Arrays.stream(output).filter(v -> Math.abs(v) > threshold).count();
    }

    /** The weights sorted in decreasing order against their rank, on a log scale. */
    @Override
    public JFreeChart chart() {
        double[] w = weights.clone();
        Arrays.sort(w);
        double[] rank = new double[w.length];
        double[] desc = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            rank[i] = i + 1;
            desc[i] = w[w.length - 1 - i];
        }
        return XYChart.of(operator + ": weights by rank", "rank", "weight").logY().linePoints("w", rank, desc).chart();
    }

    /** One line: the sparsity and the output's first coordinates. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ProximalWeights[%d particles: %d exactly 0, certified 99%% support %d;"
                + " output %s]", size(), exactZeros(), certifiedSupport(0.01),
                Arrays.toString(Arrays.copyOf(output, Math.min(4, output.length))));
    }
}
