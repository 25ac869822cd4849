package io.github.attnlab.wasserstein;

/**
 * A prior that is a sum over coordinates, $V(x) = \sum_k v(x_k)$: its regularised Wasserstein proximal kernel is a
 * product of one-dimensional laws ({@link TwoPieceGaussian}), its proximal map and Moreau envelope act coordinate by
 * coordinate, and all of them are in closed form here (paper F.3, {@code docs/papers/F.md}).
 */
public sealed interface SeparablePrior extends Prior permits L1Prior, QuadraticPrior {

    /** $v(t)$, one coordinate's potential. */
    double coordinate(double t);

    /** A (sub)gradient $v'(t)$; at a kink, the element of least magnitude. */
    double derivative(double t);

    /** The proximal map $\mathrm{prox}_{Tv}(y) = \arg\min_x\, v(x) + (x - y)^2/(2T)$. */
    double prox(double y, double time);

    /** The Moreau envelope $\min_x\, v(x) + (x - y)^2/(2T)$. */
    double envelope(double y, double time);

    /**
     * One coordinate of the kernel: the law $\propto \exp(-(v(x) + (x - y)^2/(2T))/(2\beta))$, with its
     * unnormalised masses (so that {@link TwoPieceGaussian#logPartition()} is $\log Z(y)$).
     */
    TwoPieceGaussian kernel(double y, double beta, double time);

    @Override
    default double value(double[] x) {
        io.github.attnlab.core.Check.finite("x", x);
        double s = 0;
        for (double t : x) {
            s += coordinate(t);
        }
        return s;
    }
}
