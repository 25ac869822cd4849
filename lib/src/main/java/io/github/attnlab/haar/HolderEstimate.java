package io.github.attnlab.haar;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.Locale;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;

/**
 * The Hölder exponent of an array estimated from the decay of its Haar coefficients with the
 * folder size (Gavish–Nadler–Coifman, Theorem 3.1; docs/papers/C.md §C.4).
 *
 * <p>$f$ is $\alpha$-Hölder in the tree metric iff $|c_X| \le C |X|^{\alpha + 1/2}$, with $|X|$ the
 * folder's fraction of the points; for a tensor-product basis, $|X| = \prod_a |X_a|$ (mixed Hölder).
 * Coefficients that use a scaling function on some axis are left out (they measure a marginal).
 * The others are binned by $\lfloor \log_2 |X| \rfloor$; the envelope point of a bin is its largest
 * $|c|$ (the bound is a supremum) at that coefficient's own $|X|$; least squares of $\log_2 |c|$ on
 * $\log_2 |X|$ over the envelope points gives the slope $s$, and $\hat\alpha = s - 1/2$. Bins whose envelope is 0 are skipped.
 * With {@link Envelope#RMS} the bins are summarised by their root mean square instead: the exponent of
 * a typical coefficient (a Besov-type regularity), less sensitive than the supremum to a few
 * coefficients where the amplitude or the local constant is large.
 */
public final class HolderEstimate implements Figure {

    private final Envelope envelope;
    private final double alpha;
    private final double intercept;
    private final double rSquared;
    private final double[] logSize;
    private final double[] logEnvelope;

    private HolderEstimate(Envelope envelope, double alpha, double intercept, double rSquared, double[] logSize,
                           double[] logEnvelope) {
        this.envelope = envelope;
        this.alpha = alpha;
        this.intercept = intercept;
        this.rSquared = rSquared;
        this.logSize = logSize;
        this.logEnvelope = logEnvelope;
    }

    /** How a bin of coefficients is summarised. */
    public enum Envelope {
        /** The largest $|c|$ in the bin, at its own $|X|$: the Hölder exponent (a supremum bound). */
        MAX,
        /** The root mean square of the bin, at its mean $\log_2 |X|$: the decay of a typical coefficient. */
        RMS
    }

    static HolderEstimate fit(HaarCoefficients c, Envelope envelope, double minFraction, double maxFraction) {
        Check.closed("minFraction", minFraction, 0, 1);
        Check.closed("maxFraction", maxFraction, 0, 1);
        if (minFraction > maxFraction) {
            throw new IllegalArgumentException("minFraction = " + minFraction + " is above maxFraction = " + maxFraction);
        }
        double[] v = c.values();
        // bin -> MAX: {log2 size of the largest |c|, largest |c|}; RMS: {sum log2 size, sum c^2, count}
        TreeMap<Integer, double[]> bins = new TreeMap<>();
        for (int i = 0; i < v.length; i++) {
            if (c.usesScaling(i)) {
                continue;
            }
            double s = c.folderFraction(i);
            if (s < minFraction || s > maxFraction) {
                continue;
            }
            double ls = Math.log(s) / Math.log(2);
            int bin = (int) Math.floor(ls + 1e-9);
            double[] b = bins.computeIfAbsent(bin, k -> new double[3]);
            if (envelope == Envelope.MAX) {
                if (Math.abs(v[i]) > b[1]) {
                    b[0] = ls;
                    b[1] = Math.abs(v[i]);
                }
            } else {
                b[0] += ls;
                b[1] += v[i] * v[i];
                b[2] += 1;
            }
        }
        if (envelope == Envelope.RMS) {
            for (double[] b : bins.values()) {
                b[0] /= b[2];
                b[1] = Math.sqrt(b[1] / b[2]);
            }
        }
        bins.values().removeIf(b -> !(b[1] > 0));
        int m = bins.size();
        double[] x = new double[m];
        double[] y = new double[m];
        int k = 0;
        for (double[] b : bins.values()) {
            x[k] = b[0];
            y[k] = Math.log(b[1]) / Math.log(2);
            k++;
        }
        if (m < 2) {
            throw new IllegalStateException("only " + m + " folder size(s) in [" + minFraction + ", " + maxFraction
                    + "] carry a non-zero coefficient: no decay to fit (all coefficients 0, or too narrow a range)");
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            mx += x[i] / m;
            my += y[i] / m;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < m; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        double slope = sxx > 0 ? sxy / sxx : Double.NaN;
        double r2 = sxx > 0 && syy > 0 ? sxy * sxy / (sxx * syy) : Double.NaN;
        return new HolderEstimate(envelope, slope - 0.5, my - slope * mx, r2, x, y);
    }

    /** How the bins were summarised. */
    public Envelope envelope() {
        return envelope;
    }

    /** $\hat\alpha$ = fitted slope $- 1/2$ (NaN with fewer than two usable bins). */
    public double alpha() {
        return alpha;
    }

    /** The fitted slope of $\log_2$ envelope against $\log_2 |X|$. */
    public double slope() {
        return alpha + 0.5;
    }

    /** The fitted $\log_2 C$. */
    public double intercept() {
        return intercept;
    }

    /** The coefficient of determination of the fit. */
    public double rSquared() {
        return rSquared;
    }

    /** The number of bins fitted. */
    public int bins() {
        return logSize.length;
    }

    /** $\log_2 |X|$ of each bin's envelope point. */
    public double[] logSizes() {
        return logSize.clone();
    }

    /** $\log_2$ of each bin's envelope. */
    public double[] logEnvelopes() {
        return logEnvelope.clone();
    }

    @Override
    public JFreeChart chart() {
        return chart("envelope");
    }

    /** The envelope and the fitted line, $\log_2$ against $\log_2$, the series named {@code name}. */
    public JFreeChart chart(String name) {
        Check.notNull("name", name);
        double[] fit = new double[logSize.length];
        for (int i = 0; i < fit.length; i++) {
            fit[i] = intercept + slope() * logSize[i];
        }
        String stat = envelope == Envelope.MAX ? "max" : "rms";
        return XYChart.of("Haar coefficients (" + stat + " per octave of folder size)", "log2 |X|", "log2 " + stat + " |c_X|")
                .points(name, logSize, logEnvelope)
                .line(String.format(Locale.ROOT, "fit: alpha = %.3f", alpha), logSize, fit).chart();
    }

    /** One line: the exponent, the slope, the fit quality. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HolderEstimate[%s, alpha=%.4f, slope=%.4f, R^2=%.4f, %d bins]", envelope, alpha,
                slope(), rSquared, bins());
    }
}
