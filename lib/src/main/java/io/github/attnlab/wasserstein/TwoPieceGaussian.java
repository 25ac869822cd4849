package io.github.attnlab.wasserstein;

import io.github.attnlab.core.Check;
import java.util.Arrays;
import java.util.Locale;

/**
 * A law on the real line made of two Gaussian pieces glued at 0: on $x &gt; 0$ the density is proportional to
 * $e^{-(x - \mu_+)^2/(2\sigma^2)}$, on $x &lt; 0$ to $e^{-(x - \mu_-)^2/(2\sigma^2)}$, and the two pieces carry the
 * (unnormalised) masses $e^{\ell_+}$ and $e^{\ell_-}$.
 *
 * <p>It is, coordinate by coordinate, the regularised Wasserstein proximal kernel of a separable prior
 * (paper F.3, {@code docs/papers/F.md}): for $V(x) = \lambda|x|$,
 * $K(x \mid y) \propto \exp(-(\lambda|x| + (x - y)^2/(2T))/(2\beta))$ has $\mu_\pm = y \mp \lambda T$,
 * $\sigma^2 = 2\beta T$ and $\ell_\pm = \mp(\lambda y \mp \lambda^2 T/2)/(2\beta) + \log(\sqrt{2\pi}\sigma)
 * + \log\Phi(\pm\mu_\pm/\sigma)$; a Gaussian is the case $\mu_+ = \mu_-$. All moments are computed in log space
 * with $\mathrm{erfcx}$, so they stay accurate when one piece is $e^{-10^5}$ times lighter than the other.
 *
 * @param muPlus       $\mu_+$, the centre of the positive piece (it may be negative)
 * @param muMinus      $\mu_-$, the centre of the negative piece
 * @param sigma        $\sigma &gt; 0$
 * @param logMassPlus  $\ell_+ = \log\int_0^\infty$ of the unnormalised density
 * @param logMassMinus $\ell_- = \log\int_{-\infty}^0$ of it
 */
public record TwoPieceGaussian(double muPlus, double muMinus, double sigma, double logMassPlus, double logMassMinus) {

    /** Checks the parameters: finite centres, $\sigma &gt; 0$, masses not both zero. */
    public TwoPieceGaussian {
        Check.finite("muPlus", muPlus);
        Check.finite("muMinus", muMinus);
        Check.positive("sigma", sigma);
        if (Double.isNaN(logMassPlus) || Double.isNaN(logMassMinus) || logMassPlus == Double.POSITIVE_INFINITY
                || logMassMinus == Double.POSITIVE_INFINITY
                || (logMassPlus == Double.NEGATIVE_INFINITY && logMassMinus == Double.NEGATIVE_INFINITY)) {
            throw new IllegalArgumentException("logMassPlus = " + logMassPlus + " and logMassMinus = " + logMassMinus
                    + " must each be < +Infinity and not NaN, and not both -Infinity");
        }
    }

    /** The Gaussian $N(m, \sigma^2)$ with total unnormalised log-mass {@code logMass}, as two pieces. */
    public static TwoPieceGaussian gaussian(double m, double sigma, double logMass) {
        Check.finite("m", m);
        Check.positive("sigma", sigma);
        Check.finite("logMass", logMass);
        return new TwoPieceGaussian(m, m, sigma, logMass + Gaussians.logCdf(m / sigma),
                logMass + Gaussians.logCdf(-m / sigma));
    }

    /** $\log(e^{\ell_+} + e^{\ell_-})$: the log of the normalising integral. */
    public double logPartition() {
        return Gaussians.logSumExp(logMassPlus, logMassMinus);
    }

    /** $\pi_+ = P(X &gt; 0)$. */
    public double positiveMass() {
        return 1 / (1 + Math.exp(logMassMinus - logMassPlus));
    }

    /** $E[X] = \pi_+ m_+ + \pi_- m_-$ with the truncated means $m_\pm$. */
    public double mean() {
        double p = positiveMass();
        return p * meanPlus() + (1 - p) * meanMinus();
    }

    /** $\mathrm{Var}[X]$, by the law of total variance over the two pieces. */
    public double variance() {
        double p = positiveMass();
        double a = muPlus / sigma;
        double ra = Gaussians.millsRatio(a);
        double b = -muMinus / sigma;
        double rb = Gaussians.millsRatio(b);
        double varPlus = sigma * sigma * Math.max(0, 1 - a * ra - ra * ra);
        double varMinus = sigma * sigma * Math.max(0, 1 - b * rb - rb * rb);
        double d = meanPlus() - meanMinus();
        return p * varPlus + (1 - p) * varMinus + p * (1 - p) * d * d;
    }

    /** $P(X \le x)$, accurate in both tails. */
    public double cdf(double x) {
        notNaN(x);
        double p = positiveMass();
        if (x < 0) {
            return (1 - p) * Math.exp(Gaussians.logCdf((x - muMinus) / sigma) - Gaussians.logCdf(-muMinus / sigma));
        }
        return 1 - p * Math.exp(Gaussians.logCdf((muPlus - x) / sigma) - Gaussians.logCdf(muPlus / sigma));
    }

    /** The density at $x$ (the right limit at 0). */
    public double density(double x) {
        notNaN(x);
        double p = positiveMass();
        if (x < 0) {
            double u = (x - muMinus) / sigma;
            return (1 - p) * Math.exp(-0.5 * u * u - Gaussians.LOG_SQRT_2PI - Gaussians.logCdf(-muMinus / sigma)) / sigma;
        }
        double u = (x - muPlus) / sigma;
        return p * Math.exp(-0.5 * u * u - Gaussians.LOG_SQRT_2PI - Gaussians.logCdf(muPlus / sigma)) / sigma;
    }

    private static void notNaN(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x is NaN");
        }
    }

    /** $P(|X| \le \delta)$: the mass near 0. */
    public double massWithin(double delta) {
        Check.nonNegative("delta", delta);
        return cdf(delta) - cdf(-delta);
    }

    /**
     * The Wasserstein-1 distance $\int |F_n(x) - F(x)|\,dx$ between the empirical law of {@code samples} and this
     * law, integrated piece by piece between the sorted samples and a 4096-point grid over $\pm 12$ standard
     * deviations (Simpson's rule on each piece, where $F_n$ is constant).
     */
    public double wasserstein1(double[] samples) {
        Check.finite("samples", samples);
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples is empty");
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        double m = mean();
        double sd = Math.sqrt(variance());
        double lo = Math.min(s[0], m - 12 * sd);
        double hi = Math.max(s[s.length - 1], m + 12 * sd);
        int grid = 4096;
        double[] pts = new double[grid + 1 + s.length];
        for (int i = 0; i <= grid; i++) {
            pts[i] = lo + (hi - lo) * i / grid;
        }
        System.arraycopy(s, 0, pts, grid + 1, s.length);
        Arrays.sort(pts);
        double total = tail(lo, true) + tail(hi, false);
        int below = 0;
        for (int i = 0; i + 1 < pts.length; i++) {
            double a = pts[i];
            double b = pts[i + 1];
            while (below < s.length && s[below] <= a) {
                below++;
            }
            if (b > a) {
                double c = (double) below / s.length;
                double fa = Math.abs(c - cdf(a));
                double fm = Math.abs(c - cdf(0.5 * (a + b)));
                double fb = Math.abs(c - cdf(b));
                total += (b - a) * (fa + 4 * fm + fb) / 6;
            }
        }
        return total;
    }

    /** $\int_{-\infty}^{lo} F$ or $\int_{hi}^\infty (1 - F)$ beyond the grid, by a coarse quadrature of the tail. */
    private double tail(double edge, boolean left) {
        double sd = Math.sqrt(variance());
        double sum = 0;
        double h = sd / 8;
        for (int i = 0; i < 400; i++) {
            double x = left ? edge - (i + 0.5) * h : edge + (i + 0.5) * h;
            sum += (left ? cdf(x) : 1 - cdf(x)) * h;
        }
        return sum;
    }

    private double meanPlus() {
        return muPlus + sigma * Gaussians.millsRatio(muPlus / sigma);
    }

    private double meanMinus() {
        return muMinus - sigma * Gaussians.millsRatio(-muMinus / sigma);
    }

    /** One line: the pieces and the moments. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TwoPieceGaussian[mu+ %.4g, mu- %.4g, sigma %.4g, P(X > 0) %.4g: mean %.6g,"
                + " variance %.6g]", muPlus, muMinus, sigma, positiveMass(), mean(), variance());
    }
}
