package io.github.attnlab.wasserstein;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;

/**
 * The standard normal's $\Phi$, $\log\Phi$ and Mills ratio $\varphi/\Phi$, accurate deep in both tails (through the
 * scaled complementary error function $\mathrm{erfcx}(u) = e^{u^2}\mathrm{erfc}(u)$).
 */
final class Gaussians {

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private Gaussians() {
    }

    /** $\Phi(t) = \tfrac12\mathrm{erfc}(-t/\sqrt2)$. */
    static double cdf(double t) {
        return 0.5 * Erfc.value(-t / SQRT2);
    }

    /** $\log\Phi(t)$, without underflow for very negative $t$. */
    static double logCdf(double t) {
        if (t < -1) {
            return Math.log(0.5 * Erfcx.value(-t / SQRT2)) - 0.5 * t * t;
        }
        return Math.log1p(-0.5 * Erfc.value(t / SQRT2));
    }

    /** $\varphi(t)/\Phi(t)$, the inverse Mills ratio (about $-t$ as $t \to -\infty$, 0 as $t \to \infty$). */
    static double millsRatio(double t) {
        if (t < 0) {
            return SQRT_2_OVER_PI / Erfcx.value(-t / SQRT2);
        }
        return Math.exp(-0.5 * t * t - LOG_SQRT_2PI) / cdf(t);
    }

    /** $\log(e^a + e^b)$. */
    static double logSumExp(double a, double b) {
        double m = Math.max(a, b);
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }
}
