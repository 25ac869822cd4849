package io.github.attnlab.stats;

import io.github.attnlab.core.Check;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A correlation coefficient with its confidence interval.
 *
 * <p>Pearson's $r = \sum (x_i - \bar x)(y_i - \bar y) / \sqrt{\sum (x_i - \bar x)^2 \sum (y_i - \bar y)^2}$; Spearman's
 * $r_s$ is Pearson's $r$ of the mid-ranks ({@link Ranks}). The interval is Fisher's: $z = \operatorname{artanh} r$ is
 * about normal with standard error $1/\sqrt{n-3}$ (Pearson) or $\sqrt{1.06/(n-3)}$ (Spearman; Fieller, Hartley and
 * Pearson 1957), so $\tanh(z \pm z_{1-\gamma/2}\,\mathrm{se})$ covers the population value with probability about
 * $1 - \gamma$. Needs $n \ge 4$ and both samples non-constant.
 *
 * @param method     Pearson or Spearman
 * @param n          the number of pairs
 * @param r          the coefficient
 * @param lower      the lower end of the interval
 * @param upper      the upper end of the interval
 * @param confidence the confidence level of the interval, e.g. 0.95
 */
public record Correlation(Method method, int n, double r, double lower, double upper, double confidence) {

    /** Which coefficient. */
    public enum Method {
        /** Linear (product-moment) correlation. */
        PEARSON,
        /** Rank correlation: Pearson's $r$ of the mid-ranks. */
        SPEARMAN
    }

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    /** Pearson's $r$ with a 95% interval. */
    public static Correlation pearson(double[] x, double[] y) {
        return pearson(x, y, 0.95);
    }

    /** Pearson's $r$ with an interval at the given confidence. */
    public static Correlation pearson(double[] x, double[] y, double confidence) {
        check(x, y, confidence);
        return of(Method.PEARSON, r(x, y), x.length, confidence, 1.0);
    }

    /** Spearman's rank correlation with a 95% interval. */
    public static Correlation spearman(double[] x, double[] y) {
        return spearman(x, y, 0.95);
    }

    /** Spearman's rank correlation with an interval at the given confidence. */
    public static Correlation spearman(double[] x, double[] y, double confidence) {
        check(x, y, confidence);
        return of(Method.SPEARMAN, r(Ranks.of(x), Ranks.of(y)), x.length, confidence, 1.06);
    }

    private static void check(double[] x, double[] y, double confidence) {
        Check.finite("x", x);
        Check.finite("y", y);
        Check.range("x.length", x.length, 4, Integer.MAX_VALUE);
        Check.size("y.length", y.length, x.length);
        Check.open("confidence", confidence, 0, 1);
    }

    private static Correlation of(Method method, double r, int n, double confidence, double varianceFactor) {
        double q = STANDARD.inverseCumulativeProbability(0.5 + confidence / 2);
        double z = 0.5 * Math.log((1 + r) / (1 - r));
        double se = Math.sqrt(varianceFactor / (n - 3));
        double lo = Math.abs(r) == 1 ? r : Math.tanh(z - q * se);
        double hi = Math.abs(r) == 1 ? r : Math.tanh(z + q * se);
        return new Correlation(method, n, r, lo, hi, confidence);
    }

    private static double r(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (!(sxx > 0 && syy > 0)) {
            throw new IllegalArgumentException((sxx > 0 ? "y" : "x") + " is constant: the correlation is undefined");
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** Whether the interval excludes 0: the correlation is significant at the interval's level. */
    public boolean significant() {
        return lower > 0 || upper < 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s r = %.3f [%.3f, %.3f] (%.0f%%, n = %d)",
                method == Method.PEARSON ? "Pearson" : "Spearman", r, lower, upper, 100 * confidence, n);
    }
}
