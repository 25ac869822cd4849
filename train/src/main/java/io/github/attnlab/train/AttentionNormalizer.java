package io.github.attnlab.train;

import io.github.attnlab.compact.nw.SmoothingKernel;
import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * The normaliser $\rho$ of an attention layer, $P_{i\cdot} = \rho(z_{i\cdot})$ over the keys a query may see
 * (docs/papers/B.md; {@code docs/training.md}):
 * <ul>
 *   <li>{@link #softmax()}: the Gaussian-kernel limit;</li>
 *   <li>{@link #sparsemax()} and {@link #entmax(double)}: $\alpha$-entmax, $p_i = [(\alpha-1)z_i - \tau]_+^{1/(\alpha-1)}$;
 *       {@link #learnedEntmax(double)} learns $\alpha_h = 1 + \sigma(a_h) \in (1, 2)$ per head (Correia et al. 2019);</li>
 *   <li>{@link #normalizedRelu(double)}: $[z_i - \theta]_+ / \sum_j [z_j - \theta]_+$ (fixed bandwidth);</li>
 *   <li>{@link #compactKernel(SmoothingKernel, double)}: Nadaraya–Watson attention of paper B on unit-norm queries and
 *       keys, $z_{ij} = \beta_h\langle \hat q_i, \hat k_j\rangle$ with a learned $\beta_h = 1/h_h^2$, weights from
 *       {@link io.github.attnlab.compact.nw.NadarayaWatson#adaptiveWeights} (the compact kernel $(1-u^2)_+^n$ under
 *       adaptive normalisation), whose Jacobian is that of $(1 + 1/n)$-entmax of $z$.</li>
 * </ul>
 * The backward pass of each is exact: {@link io.github.attnlab.compact.Jacobians} (and
 * {@link io.github.attnlab.compact.Jacobians#entmaxAlpha} for $\partial p/\partial\alpha$).
 */
public sealed interface AttentionNormalizer {

    /** Softmax, $p_i = e^{z_i}/\sum_j e^{z_j}$. */
    static AttentionNormalizer softmax() {
        return new Softmax();
    }

    /** Sparsemax ($\alpha = 2$). */
    static AttentionNormalizer sparsemax() {
        return new Entmax(2, false);
    }

    /**
     * $\alpha$-entmax with a fixed $\alpha$; $\alpha = 1$ is softmax.
     *
     * @throws IllegalArgumentException when $\alpha &lt; 1$ or not finite
     */
    static AttentionNormalizer entmax(double alpha) {
        checkAlpha(alpha);
        return alpha == 1 ? softmax() : new Entmax(alpha, false);
    }

    /**
     * $\alpha$-entmax with $\alpha_h = 1 + \sigma(a_h)$ learned per head, starting at {@code initialAlpha}.
     *
     * @throws IllegalArgumentException unless $1 &lt; \alpha_0 &lt; 2$
     */
    static AttentionNormalizer learnedEntmax(double initialAlpha) {
        checkAlpha(initialAlpha);
        Check.open("initialAlpha", initialAlpha, 1, 2);
        return new Entmax(initialAlpha, true);
    }

    /** Normalised ReLU with threshold $\theta$ (uniform over the visible keys when none exceeds it). */
    static AttentionNormalizer normalizedRelu(double theta) {
        return new NormalizedRelu(Check.finite("theta", theta));
    }

    /**
     * Compact-kernel Nadaraya–Watson attention (paper B) with a compact {@code kernel} and initial scale
     * $\beta_0 = 1/h_0^2$, learned per head.
     *
     * @throws IllegalArgumentException for the Gaussian kernel (that is {@link #softmax()}) or $\beta_0 \le 0$
     */
    static AttentionNormalizer compactKernel(SmoothingKernel kernel, double initialBeta) {
        Check.notNull("kernel", kernel);
        if (!kernel.isCompact()) {
            throw new IllegalArgumentException("kernel = " + kernel.name() + " is not compact; the Gaussian kernel is softmax()");
        }
        return new CompactKernel(kernel, Check.positive("initialBeta", initialBeta));
    }

    /** A short name for tables and legends. */
    String name();

    /** Softmax. */
    record Softmax() implements AttentionNormalizer {
        @Override
        public String name() {
            return "softmax";
        }
    }

    /**
     * $\alpha$-entmax, fixed or learned per head.
     *
     * @param alpha   $\alpha$ (the initial value when learned)
     * @param learned whether $\alpha$ is a parameter
     */
    record Entmax(double alpha, boolean learned) implements AttentionNormalizer {
        /** Validates $\alpha$. */
        public Entmax {
            checkAlpha(alpha);
            if (alpha == 1) {
                throw new IllegalArgumentException("alpha = 1 is softmax; use AttentionNormalizer.softmax()");
            }
        }

        @Override
        public String name() {
            String a = alpha == 2 && !learned ? "sparsemax" : String.format(Locale.ROOT, "%s-entmax", num(alpha));
            return learned ? "learned-α entmax (α₀ = " + num(alpha) + ")" : a;
        }
    }

    /** Normalised ReLU with threshold $\theta$. */
    record NormalizedRelu(double theta) implements AttentionNormalizer {
        @Override
        public String name() {
            return "normalised ReLU (θ = " + num(theta) + ")";
        }
    }

    /** Compact-kernel Nadaraya–Watson attention. */
    record CompactKernel(SmoothingKernel kernel, double initialBeta) implements AttentionNormalizer {
        /** $\alpha = 1 + 1/n$ of the entmax with the same weights. */
        public double alpha() {
            return 1 + 1 / kernel.order();
        }

        @Override
        public String name() {
            return kernel.name() + " kernel (NW)";
        }
    }

    private static void checkAlpha(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha = " + alpha + " must be finite and >= 1");
        }
        if (alpha < 1) {
            throw new IllegalArgumentException("alpha = " + alpha + " < 1 is refused: entmax needs alpha >= 1");
        }
    }

    private static String num(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.4g", x).replaceAll("0+$", "");
    }
}
