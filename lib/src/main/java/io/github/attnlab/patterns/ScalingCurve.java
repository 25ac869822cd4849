package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.stats.LineFit;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * $e(t) = \lVert \rho(tv) - \mathrm{hardmax}(v) \rVert_1$ against $t$ for one normaliser and one $v$ (Assumption 2
 * of paper E; see {@link HardmaxLimit}).
 *
 * @param normalizer the normaliser's name
 * @param margin     the top margin $\delta$ of $v$
 * @param t          the scales (a copy)
 * @param error      $e(t)$ (a copy)
 * @param rate       the fitted exponential rate $-\frac{d}{dt}\ln e$: the least-squares slope of $-\ln e$ on $t$
 *                   over the points with $10^{-13} \le e \le 10^{-3}$; NaN with fewer than 3 such points
 * @param closedForm the closed-form $t^*$ from which $\rho(tv)$ is exactly hardmax ({@link HardmaxLimit#closedForm})
 * @param limit      $\lim_{t\to\infty} e(t)$ by formula
 */
public record ScalingCurve(String normalizer, double margin, double[] t, double[] error, double rate,
                           double closedForm, double limit) implements Figure {

    /** Copies the arrays. */
    public ScalingCurve {
        t = Check.notNull("t", t).clone();
        error = Check.notNull("error", error).clone();
    }

    @Override
    public double[] t() {
        return t.clone();
    }

    @Override
    public double[] error() {
        return error.clone();
    }

    static double rate(double[] t, double[] e) {
        double[] x = new double[t.length];
        double[] y = new double[t.length];
        int m = 0;
        for (int i = 0; i < t.length; i++) {
            if (e[i] >= 1e-13 && e[i] <= 1e-3) {
                x[m] = t[i];
                y[m++] = -Math.log(e[i]);
            }
        }
        if (m < 3) {
            return Double.NaN;
        }
        return LineFit.of(Arrays.copyOf(x, m), Arrays.copyOf(y, m)).slope();
    }

    @Override
    public JFreeChart chart() {
        return XYChart.of("Assumption 2: " + normalizer + ", margin " + margin, "scale t", "||rho(t v) - hardmax(v)||_1")
                .logY().line(normalizer, t, error).chart();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: margin %.3g, rate %.4g, exact from t* = %.6g, limit %.4g", normalizer,
                margin, rate, closedForm, limit);
    }
}
