package io.github.attnlab.repro;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * An effect size with its percentile bootstrap interval: what a notebook claims when the question is "how large",
 * not "is it above chance" (a z-score against shuffles grows with the sample and says nothing about the size).
 *
 * <p>The statistic is computed on the sample itself ({@code estimate}) and on {@code resamples} samples drawn with
 * replacement from the units (heads, tokens, ...); {@code lo} and {@code hi} are the empirical
 * $(1 - \mathrm{level})/2$ and $(1 + \mathrm{level})/2$ quantiles of the resampled statistics (Efron's percentile
 * interval). Resampled units may repeat; a statistic over pairs of units should skip pairs of the same unit.
 *
 * @param estimate  the statistic on the sample
 * @param lo        the lower end of the interval
 * @param hi        the upper end of the interval
 * @param level     the coverage, e.g. 0.95
 * @param resamples the number of bootstrap samples
 */
public record Interval(double estimate, double lo, double hi, double level, int resamples) {

    /** Checks the fields. */
    public Interval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level = " + level + " is outside (0, 1)");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples = " + resamples + " is below 1");
        }
    }

    /**
     * The percentile bootstrap interval of {@code statistic} over {@code units} units: the statistic receives the
     * indices of the units in a sample (the identity for the estimate), each resample drawn by one seeded
     * {@link Random}.
     */
    public static Interval bootstrap(int units, ToDoubleFunction<int[]> statistic, double level, int resamples,
                                     long seed) {
        if (units < 2) {
            throw new IllegalArgumentException("units = " + units + ": a bootstrap needs at least 2 units");
        }
        if (statistic == null) {
            throw new IllegalArgumentException("statistic is null");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples = " + resamples + " is below 1");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level = " + level + " is outside (0, 1)");
        }
        int[] all = new int[units];
        Arrays.setAll(all, i -> i);
        double estimate = statistic.applyAsDouble(all);
        Random r = new Random(seed);
        double[] stats = new double[resamples];
        int[] sample = new int[units];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < units; i++) {
                sample[i] = r.nextInt(units);
            }
            stats[b] = statistic.applyAsDouble(sample.clone());
        }
        Arrays.sort(stats);
        double alpha = (1 - level) / 2;
        return new Interval(estimate, quantile(stats, alpha), quantile(stats, 1 - alpha), level, resamples);
    }

    /** The 95% percentile bootstrap interval of the mean of {@code x}, 2000 resamples. */
    public static Interval ofMean(double[] x, long seed) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        double[] c = x.clone();
        if (c.length < 2) {
            throw new IllegalArgumentException("x has " + c.length + " values: a bootstrap needs at least 2");
        }
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i])) {
                throw new IllegalArgumentException("x[" + i + "] is " + c[i]);
            }
        }
        return bootstrap(c.length, s -> {
            double sum = 0;
            for (int i : s) {
                sum += c[i];
            }
            return sum / s.length;
        }, 0.95, 2000, seed);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    /** Whether the whole interval lies at or above {@code threshold}. */
    public boolean above(double threshold) {
        return lo >= threshold;
    }

    /** One line: {@code 0.135 [0.101, 0.172] (95% bootstrap, 2000 resamples)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] (%.0f%% bootstrap, %d resamples)", estimate, lo, hi,
                100 * level, resamples);
    }
}
