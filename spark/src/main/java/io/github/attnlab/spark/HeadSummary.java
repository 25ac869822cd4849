package io.github.attnlab.spark;

import io.github.attnlab.core.Check;

/**
 * The distribution of one statistic of one head across the passages: one row of the job's Parquet output
 * ({@code summary/}). The interval is the normal-approximation 95% interval of the mean,
 * $\bar x \pm 1.96\, s/\sqrt{m}$ over the $m$ passages; the quantiles are exact (Spark's {@code percentile}, linear
 * interpolation).
 *
 * @param layer   the layer, from 0
 * @param head    the head, from 0
 * @param metric  which statistic
 * @param epsilon the budget for {@link Metric#K_FRACTION}, 0 for the others
 * @param count   $m$, the passages
 * @param mean    $\bar x$
 * @param ciLow   $\bar x - 1.96\, s/\sqrt{m}$
 * @param ciHigh  $\bar x + 1.96\, s/\sqrt{m}$
 * @param q10     the 10% quantile
 * @param median  the median
 * @param q90     the 90% quantile
 */
public record HeadSummary(int layer, int head, Metric metric, double epsilon, long count, double mean, double ciLow,
                          double ciHigh, double q10, double median, double q90) {

    /** Validates. */
    public HeadSummary {
        Check.notNull("metric", metric);
        if (count < 1) {
            throw new IllegalArgumentException("count = " + count + " is not positive (layer " + layer + ", head " + head + ")");
        }
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format("L%d H%d %s%s: m=%d mean %.4f [%.4f, %.4f], q10 %.4f, median %.4f, q90 %.4f", layer, head,
                metric.column(), metric == Metric.K_FRACTION ? "@" + epsilon : "", count, mean, ciLow, ciHigh, q10, median, q90);
    }
}
