package io.github.attnlab.compact.nw;

/**
 * A radial smoothing kernel for Nadaraya–Watson regression, $K_b(u) = k(\|u\|^2/b^2)$ with profile
 * $k$ and bandwidth $b$.
 *
 * <p>The compact family $k(t) = (1 - t)_+^n$ has the classical names Epanechnikov ($n = 1$),
 * biweight ($n = 2$) and triweight ($n = 3$); any real order $n &gt; 0$ is allowed. The Gaussian,
 * $k(t) = e^{-t/2}$, is their limit: $(1 - t/(2n))^n \to e^{-t/2}$, i.e. the compact kernel of order
 * $n$ at bandwidth $\sqrt{2n}\,h$ tends to the Gaussian at bandwidth $h$ (docs/papers/B.md §B).
 */
public sealed interface SmoothingKernel permits CompactPolynomial, Gaussian {

    /** Epanechnikov, $(1 - t)_+$: sparsemax (adaptive) and normalised ReLU (fixed). */
    static SmoothingKernel epanechnikov() {
        return new CompactPolynomial(1);
    }

    /** Biweight (quartic), $(1 - t)_+^2$: 1.5-entmax. */
    static SmoothingKernel biweight() {
        return new CompactPolynomial(2);
    }

    /** Triweight, $(1 - t)_+^3$: $4/3$-entmax. */
    static SmoothingKernel triweight() {
        return new CompactPolynomial(3);
    }

    /** The compact kernel $(1 - t)_+^n$ of any real order $n &gt; 0$: $(1 + 1/n)$-entmax. */
    static SmoothingKernel compact(double n) {
        return new CompactPolynomial(n);
    }

    /** The Gaussian, $e^{-t/2}$: softmax. */
    static SmoothingKernel gaussian() {
        return new Gaussian();
    }

    /** The kernel of order $n$ ($+\infty$ gives the Gaussian). */
    static SmoothingKernel ofOrder(double n) {
        return n == Double.POSITIVE_INFINITY ? gaussian() : compact(n);
    }

    /** The profile $k(t)$ at $t = \|u\|^2/b^2 \ge 0$. */
    double profile(double t);

    /** Refuses an argument of {@link #profile} that is not a squared scaled distance: NaN or negative. */
    static void checkArgument(double t) {
        if (!(t >= 0)) {
            throw new IllegalArgumentException("t = " + t + " must be >= 0 (a squared distance over b^2)");
        }
    }

    /** The order $n$ ($+\infty$ for the Gaussian). */
    double order();

    /** The kernel's name, e.g. {@code Epanechnikov}. */
    String name();

    /** True when the kernel vanishes beyond the bandwidth ($\|u\| \ge b$). */
    default boolean isCompact() {
        return order() < Double.POSITIVE_INFINITY;
    }

    /** $\alpha = 1 + 1/n$ of the entmax this kernel gives under adaptive normalisation (1: softmax). */
    default double alpha() {
        return Correspondence.alpha(order());
    }
}
