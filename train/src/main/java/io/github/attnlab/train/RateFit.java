package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.repro.Interval;
import io.github.attnlab.stats.LineFit;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * A learning curve on log-log axes and its rate: errors $e_{rj} > 0$ of seeds $r = 1..R$ at sizes $x_1 < \dots < x_J$
 * (training-set sizes, context sizes, ...), and the least-squares slope
 * $$\hat\beta = \frac{\sum_j (u_j - \bar u)(v_j - \bar v)}{\sum_j (u_j - \bar u)^2},\qquad
 * u_j = \log x_j,\quad v_j = \log \Big(\frac1R\sum_r e_{rj}\Big),$$
 * of the log of the seed-mean error against the log size, so that $e \approx C x^{\hat\beta}$ and the rate exponent is
 * $-\hat\beta$. The interval is the seed-level percentile bootstrap ({@link Interval#bootstrap}, Efron): whole seeds
 * (rows) are resampled with replacement and the slope refitted, so the interval reflects the variation between
 * independently trained models, not the scatter of points around the line.
 *
 * <p>Immutable: the arrays are copied in and out.
 *
 * @param name   what the error is (the figure's series label and title)
 * @param sizes  the sizes $x_j$, increasing, positive
 * @param errors {@code errors[r][j]}: seed $r$'s error at size $x_j$, positive and finite
 * @param slope  $\hat\beta$ with its 95% seed-bootstrap interval (2000 resamples)
 */
public record RateFit(String name, double[] sizes, double[][] errors, Interval slope) implements Figure {

    /** Checks and copies; see {@link #of}. */
    public RateFit {
        Check.notNull("name", name);
        check(sizes, errors);
        Check.notNull("slope", slope);
        sizes = sizes.clone();
        errors = deepCopy(errors);
    }

    /**
     * Fits the slope of {@code errors} against {@code sizes}; the bootstrap is seeded by {@code seed}.
     *
     * @throws IllegalArgumentException when fewer than 2 sizes or seeds, sizes not positive and increasing, rows of
     *                                  another length, or an error not positive and finite (each names the argument)
     */
    public static RateFit of(String name, double[] sizes, double[][] errors, long seed) {
        Check.notNull("name", name);
        check(sizes, errors);
        double[] x = sizes.clone();
        double[][] e = deepCopy(errors);
        Interval slope = Interval.bootstrap(e.length, rows -> slope(x, e, rows), 0.95, 2000, seed);
        return new RateFit(name, x, e, slope);
    }

    /** The least-squares slope of $\log y$ against $\log x$ (both positive); the formula of the class comment. */
    public static double logLogSlope(double[] x, double[] y) {
        return LineFit.logLog(x, y).slope();
    }

    private static double slope(double[] x, double[][] e, int[] rows) {
        double[] m = new double[x.length];
        for (int r : rows) {
            for (int j = 0; j < x.length; j++) {
                m[j] += e[r][j] / rows.length;
            }
        }
        return logLogSlope(x, m);
    }

    /** The rate exponent $-\hat\beta$ with its interval (the slope's, negated and swapped). */
    public Interval exponent() {
        return new Interval(-slope.estimate(), -slope.hi(), -slope.lo(), slope.level(), slope.resamples());
    }

    /** The seed-mean error at each size. */
    public double[] meanErrors() {
        double[] m = new double[sizes.length];
        for (double[] row : errors) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j] / errors.length;
            }
        }
        return m;
    }

    /** The fitted line's value $\exp(\bar v + \hat\beta(\log x - \bar u))$ at {@code x}. */
    public double fitted(double x) {
        positive("x", x);
        double[] m = meanErrors();
        double mu = 0, mv = 0;
        for (int j = 0; j < sizes.length; j++) {
            mu += Math.log(sizes[j]) / sizes.length;
            mv += Math.log(m[j]) / sizes.length;
        }
        return Math.exp(mv + slope.estimate() * (Math.log(x) - mu));
    }

    /** Whether {@code exponent} lies in the exponent's interval. */
    public boolean agreesWith(double exponent) {
        Check.finite("exponent", exponent);
        Interval e = exponent();
        return e.lo() <= exponent && exponent <= e.hi();
    }

    @Override
    public double[] sizes() {
        return sizes.clone();
    }

    @Override
    public double[][] errors() {
        return deepCopy(errors);
    }

    /** Each seed's points, the seed mean, and the fitted line, on log-log axes. */
    @Override
    public JFreeChart chart() {
        XYChart c = XYChart.of(String.format(Locale.ROOT, "%s: rate exponent %.2f [%.2f, %.2f]", name,
                -slope.estimate(), -slope.hi(), -slope.lo()), "size", name).logX().logY();
        for (int r = 0; r < errors.length; r++) {
            c.points("seed " + (r + 1), sizes, errors[r]);
        }
        c.linePoints("mean over seeds", sizes, meanErrors());
        double[] line = new double[sizes.length];
        for (int j = 0; j < line.length; j++) {
            line[j] = fitted(sizes[j]);
        }
        c.line(String.format(Locale.ROOT, "fit, slope %.2f", slope.estimate()), sizes, line);
        return c.chart();
    }

    /** One line: the exponent and its interval. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RateFit[%s, %d sizes x %d seeds, exponent %.3f [%.3f, %.3f]]", name,
                sizes.length, errors.length, -slope.estimate(), -slope.hi(), -slope.lo());
    }

    private static void check(double[] sizes, double[][] errors) {
        Check.notNull("sizes", sizes);
        Check.notNull("errors", errors);
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes has " + sizes.length + " values: a slope needs at least 2");
        }
        for (int j = 0; j < sizes.length; j++) {
            positive("sizes[" + j + "]", sizes[j]);
            if (j > 0 && !(sizes[j] > sizes[j - 1])) {
                throw new IllegalArgumentException("sizes[" + j + "] = " + sizes[j] + " is not above sizes[" + (j - 1)
                        + "] = " + sizes[j - 1] + " (sizes must increase)");
            }
        }
        if (errors.length < 2) {
            throw new IllegalArgumentException("errors has " + errors.length + " seeds: a seed-level interval needs at least 2");
        }
        for (int r = 0; r < errors.length; r++) {
            if (errors[r] == null) {
                throw new IllegalArgumentException("errors[" + r + "] is null");
            }
            if (errors[r].length != sizes.length) {
                throw new IllegalArgumentException("errors[" + r + "] has " + errors[r].length + " values but sizes has "
                        + sizes.length);
            }
            for (int j = 0; j < sizes.length; j++) {
                positive("errors[" + r + "][" + j + "]", errors[r][j]);
            }
        }
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " = " + v + " must be positive and finite");
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
