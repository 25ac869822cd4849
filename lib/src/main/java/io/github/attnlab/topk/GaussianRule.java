package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Gaussian score model of top-k attention (docs/papers/A.md §A.7): with i.i.d. logits
 * $s_i \sim N(\mu, \sigma^2)$, the smallest k with $TV \le \varepsilon$ satisfies, as $n \to \infty$,
 * $$\frac{k_\varepsilon}{n} \approx \Phi_c\bigl(\sigma + \Phi^{-1}(\varepsilon)\bigr), \qquad \Phi_c = 1 - \Phi.$$
 *
 * <p>Why: weighting by $e^{s}$ turns $N(\mu,\sigma^2)$ into $N(\mu+\sigma^2, \sigma^2)$. Keeping the
 * fraction p of largest logits keeps those above $t = \mu + \sigma z$ with $z = \Phi_c^{-1}(p)$, and
 * the mass left out is $\tau(p) = \Phi(z - \sigma)$; solving $\tau = \varepsilon$ gives the rule.
 *
 * <p>Finite n ([derived], our addition): the tilted mass sits around $\mu + \sigma^2$, which n samples
 * reach only while $\sigma$ is well below $\sqrt{2\ln n}$; beyond that the few largest samples carry
 * the mass and the rule underestimates $k_\varepsilon$. The plug-in form replaces the sample by its
 * quantile grid $s_{(i)} = \sigma\,\Phi^{-1}((n - i + \tfrac12)/n)$ and returns that row's certified
 * $k_\varepsilon / n$; it tends to the rule as $n \to \infty$.
 */
public final class GaussianRule {

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private GaussianRule() {
    }

    /** $\Phi_c(\sigma + \Phi^{-1}(\varepsilon))$: the asymptotic fraction of keys to keep. */
    public static double keepFraction(double sigma, double eps) {
        checkSigma(sigma);
        RankedRow.checkEps(eps);
        return STANDARD.survivalProbability(sigma + STANDARD.inverseCumulativeProbability(eps));
    }

    /** The finite-n plug-in form (see the class comment): $k_\varepsilon/n$ of the quantile grid of n samples. */
    public static double keepFraction(double sigma, double eps, int n) {
        checkSigma(sigma);
        RankedRow.checkEps(eps);
        if (n < 2) {
            throw new IllegalArgumentException("n = " + n + " must be at least 2");
        }
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = sigma * STANDARD.inverseCumulativeProbability((i + 0.5) / n);
        }
        return (double) new RankedRow().rank(grid).certifiedK(eps) / n;
    }

    /** $\tau(p) = \Phi(\Phi_c^{-1}(p) - \sigma)$: the asymptotic tail mass when the fraction p is kept. */
    public static double tailMass(double sigma, double p) {
        checkSigma(sigma);
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p = " + p + " is outside (0, 1]");
        }
        if (p == 1) {
            return 0;
        }
        return STANDARD.cumulativeProbability(STANDARD.inverseSurvivalProbability(p) - sigma);
    }

    /**
     * The standard deviation of the unmasked logits (with the $n-1$ denominator): the $\sigma$ to use
     * for a row or a head.
     */
    public static double fitSigma(double[] logits) {
        io.github.attnlab.core.LogitRow.validate("logits", logits);
        int m = 0;
        for (double x : logits) {
            if (x != Double.NEGATIVE_INFINITY) {
                m++;
            }
        }
        if (m < 2) {
            throw new IllegalArgumentException("fitting sigma needs at least 2 unmasked logits, got " + m);
        }
        // Scaled by the largest magnitude, so neither the mean nor the squares overflow (1e308 and -1e308 fit).
        double scale = 0;
        for (double x : logits) {
            if (x != Double.NEGATIVE_INFINITY) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        if (scale == 0) {
            return 0;
        }
        double mean = 0;
        for (double x : logits) {
            if (x != Double.NEGATIVE_INFINITY) {
                mean += x / scale / m;
            }
        }
        double ss = 0;
        for (double x : logits) {
            if (x != Double.NEGATIVE_INFINITY) {
                double d = x / scale - mean;
                ss += d * d;
            }
        }
        return scale * Math.sqrt(ss / (m - 1));
    }

    /**
     * Monte Carlo of $k_\varepsilon/n$ under the model: {@code trials} rows of n i.i.d. $N(0,\sigma^2)$
     * logits, each reduced to its certified $k_\varepsilon$.
     */
    public static Simulation simulate(int n, double sigma, double eps, int trials, long seed) {
        checkSigma(sigma);
        RankedRow.checkEps(eps);
        if (n < 2 || trials < 2) {
            throw new IllegalArgumentException("need n >= 2 and trials >= 2, got n = " + n + ", trials = " + trials);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        RankedRow row = new RankedRow();
        double[] s = new double[n];
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < trials; t++) {
            for (int i = 0; i < n; i++) {
                s[i] = sigma * gaussian(random);
            }
            double f = (double) row.rank(s).certifiedK(eps) / n;
            sum += f;
            sumSq += f * f;
        }
        double mean = sum / trials;
        double sd = Math.sqrt(Math.max(0, (sumSq - trials * mean * mean) / (trials - 1)));
        return new Simulation(n, sigma, eps, trials, mean, sd / Math.sqrt(trials), keepFraction(sigma, eps),
                keepFraction(sigma, eps, n));
    }

    private static double gaussian(java.util.SplittableRandom r) {
        // Marsaglia's polar method: SplittableRandom has no nextGaussian on Java 17.
        double u;
        double v;
        double q;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        return u * Math.sqrt(-2 * Math.log(q) / q);
    }

    private static void checkSigma(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + " must be positive and finite");
        }
    }

    /**
     * One Monte Carlo cell: the measured mean of $k_\varepsilon/n$ with its standard error, and the
     * two predictions.
     *
     * @param n            keys per row
     * @param sigma        standard deviation of the logits
     * @param eps          the TV budget
     * @param trials       rows simulated
     * @param mean         mean measured $k_\varepsilon/n$
     * @param stdError     its standard error
     * @param rule         the asymptotic rule $\Phi_c(\sigma + \Phi^{-1}(\varepsilon))$
     * @param finiteN      the finite-n plug-in form
     */
    public record Simulation(int n, double sigma, double eps, int trials, double mean, double stdError, double rule,
                             double finiteN) {

        /** $|mean - rule| / rule$. */
        public double ruleRelativeError() {
            return Math.abs(mean - rule) / rule;
        }

        /** $|mean - finiteN| / finiteN$. */
        public double finiteNRelativeError() {
            return Math.abs(mean - finiteN) / finiteN;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "Simulation[n = %d, sigma = %.2f, eps = %s: k/n = %.4f +- %.4f; rule %.4f (rel. err. %.3f), "
                            + "finite-n %.4f (rel. err. %.3f)]",
                    n, sigma, eps, mean, stdError, rule, ruleRelativeError(), finiteN, finiteNRelativeError());
        }
    }
}
