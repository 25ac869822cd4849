package io.github.attnlab.stats;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * The least-squares line $y \approx a + b x$: $b = \sum (x_i - \bar x)(y_i - \bar y) / \sum (x_i - \bar x)^2$,
 * $a = \bar y - b \bar x$. {@link #logLog} fits $\log y$ on $\log x$, whose slope is the exponent of a power law
 * $y \propto x^b$ (the rates of papers D, E and F).
 *
 * @param slope     $b$
 * @param intercept $a$
 * @param n         the number of points
 */
public record LineFit(double slope, double intercept, int n) {

    /** The line through the points $(x_i, y_i)$; needs two points, finite values and $x$ not constant. */
    public static LineFit of(double[] x, double[] y) {
        Check.finite("x", x);
        Check.finite("y", y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("x has " + x.length + " values: a line needs at least 2");
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("x is constant: the slope is undefined");
        }
        double b = sxy / sxx;
        return new LineFit(b, my - b * mx, x.length);
    }

    /** The line through $(\log x_i, \log y_i)$; every value must be positive. */
    public static LineFit logLog(double[] x, double[] y) {
        return of(logs("x", x), logs("y", y));
    }

    /** The fitted value $a + b x$. */
    public double at(double x) {
        Check.finite("x", x);
        return intercept + slope * x;
    }

    private static double[] logs(String name, double[] v) {
        Check.notNull(name, v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || v[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v[i] + " is not a positive finite number");
            }
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LineFit[slope %.4g, intercept %.4g, n = %d]", slope, intercept, n);
    }
}
