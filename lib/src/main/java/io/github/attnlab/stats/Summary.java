package io.github.attnlab.stats;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * Mean, standard deviation ($n - 1$ denominator), extremes and standard error of a sample: how a notebook reports a
 * measurement over seeds, heads or shuffles, and how far a value lies from a null distribution ({@link #zScore}).
 *
 * @param n    the sample size
 * @param mean the mean
 * @param sd   the standard deviation (0 for one value)
 * @param min  the smallest value
 * @param max  the largest value
 */
public record Summary(int n, double mean, double sd, double min, double max) {

    /** The summary of a non-empty sample of finite values. */
    public static Summary of(double... x) {
        Check.finite("x", x);
        if (x.length == 0) {
            throw new IllegalArgumentException("x is empty: nothing to summarise");
        }
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            mean += v / x.length;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new Summary(x.length, mean, x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0, min, max);
    }

    /** $sd/\sqrt n$, the standard error of the mean. */
    public double stdError() {
        return sd / Math.sqrt(n);
    }

    /**
     * $(v - \bar x)/sd$: how many standard deviations {@code v} lies above this sample (a null distribution).
     *
     * @throws IllegalStateException when the sample has no spread
     */
    public double zScore(double v) {
        Check.finite("v", v);
        Check.state(sd > 0, "the sample has no spread (sd = 0): a z-score is undefined");
        return (v - mean) / sd;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g ± %.2g (sd %.2g, n = %d, range [%.4g, %.4g])", mean, stdError(), sd, n,
                min, max);
    }
}
