package io.github.attnlab.wasserstein;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * The Gaussian prior $V(x) = a\lVert x\rVert^2/2$ ($a = 0$: no prior). Its kernel is Gaussian per coordinate, with
 * mean $y/(1 + aT)$ and variance $2\beta T/(1 + aT)$; its proximal map is the shrinkage $y/(1 + aT)$ (paper F.3,
 * {@code docs/papers/F.md}): a prior under which the operator is exactly linear, the reference for {@link L1Prior}.
 *
 * @param a $a \ge 0$
 */
public record QuadraticPrior(double a) implements SeparablePrior {

    /** Checks $a \ge 0$ and finite. */
    public QuadraticPrior {
        Check.nonNegative("a", a);
    }

    @Override
    public double coordinate(double t) {
        Check.finite("t", t);
        return 0.5 * a * t * t;
    }

    @Override
    public double derivative(double t) {
        return a * Check.finite("t", t);
    }

    @Override
    public double prox(double y, double time) {
        Check.finite("y", y);
        return y / (1 + a * Check.positive("time", time));
    }

    @Override
    public double envelope(double y, double time) {
        Check.finite("y", y);
        return a * y * y / (2 * (1 + a * Check.positive("time", time)));
    }

    @Override
    public TwoPieceGaussian kernel(double y, double beta, double time) {
        Check.finite("y", y);
        Check.positive("beta", beta);
        Check.positive("time", time);
        double shrink = 1 + a * time;
        double sigma = Math.sqrt(2 * beta * time / shrink);
        double logMass = -envelope(y, time) / (2 * beta) + Math.log(sigma) + Gaussians.LOG_SQRT_2PI;
        return TwoPieceGaussian.gaussian(y / shrink, sigma, logMass);
    }

    @Override
    public String name() {
        return a == 0 ? "none" : String.format(Locale.ROOT, "quadratic(a=%s)", a);
    }
}
