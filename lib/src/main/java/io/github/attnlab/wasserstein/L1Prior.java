package io.github.attnlab.wasserstein;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * The Laplace prior $V(x) = \lambda\lVert x\rVert_1$ of paper F.3 (Han, Osher, Li 2025; {@code docs/papers/F.md}).
 *
 * <p>Its proximal map is soft thresholding, $\mathrm{prox}_{TV}(y)_k = S_{\lambda T}(y_k) =
 * \mathrm{sign}(y_k)\max(|y_k| - \lambda T, 0)$, and its Moreau envelope is the Huber function. Its regularised
 * kernel is, per coordinate, the {@link TwoPieceGaussian} with $\mu_\pm = y \mp \lambda T$ and $\sigma^2 = 2\beta T$,
 * whose mean is a smoothed soft threshold that tends to $S_{\lambda T}(y)$ as $\beta \to 0$: exponentially fast for
 * $|y| &gt; \lambda T$, like $\beta$ inside the dead zone $|y| &lt; \lambda T$ and like $\sqrt\beta$ at the kink
 * $|y| = \lambda T$ [derived].
 *
 * @param lambda $\lambda \ge 0$
 */
public record L1Prior(double lambda) implements SeparablePrior {

    /** Checks $\lambda \ge 0$ and finite. */
    public L1Prior {
        Check.nonNegative("lambda", lambda);
    }

    /** $S_t(y) = \mathrm{sign}(y)\max(|y| - t, 0)$. */
    public static double softThreshold(double y, double t) {
        Check.finite("y", y);
        Check.nonNegative("t", t);
        return y > t ? y - t : y < -t ? y + t : 0;
    }

    @Override
    public double coordinate(double t) {
        return lambda * Math.abs(Check.finite("t", t));
    }

    @Override
    public double derivative(double t) {
        Check.finite("t", t);
        return t > 0 ? lambda : t < 0 ? -lambda : 0;
    }

    @Override
    public double prox(double y, double time) {
        Check.finite("y", y);
        return softThreshold(y, lambda * Check.positive("time", time));
    }

    @Override
    public double envelope(double y, double time) {
        Check.finite("y", y);
        Check.positive("time", time);
        double t = lambda * time;
        double a = Math.abs(y);
        return a <= t ? y * y / (2 * time) : lambda * a - lambda * t / 2;
    }

    @Override
    public TwoPieceGaussian kernel(double y, double beta, double time) {
        Check.finite("y", y);
        Check.positive("beta", beta);
        Check.positive("time", time);
        double sigma = Math.sqrt(2 * beta * time);
        double muPlus = y - lambda * time;
        double muMinus = y + lambda * time;
        double base = Math.log(sigma) + Gaussians.LOG_SQRT_2PI + lambda * lambda * time / (4 * beta);
        double shift = lambda * y / (2 * beta);
        return new TwoPieceGaussian(muPlus, muMinus, sigma, base - shift + Gaussians.logCdf(muPlus / sigma),
                base + shift + Gaussians.logCdf(-muMinus / sigma));
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "L1(lambda=%s)", lambda);
    }
}
