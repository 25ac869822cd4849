package io.github.attnlab.compact;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;

/**
 * A normaliser maps a row of scores $z$ to a probability vector: softmax, sparsemax,
 * $\alpha$-entmax, or normalised ReLU.
 *
 * <p>Two surfaces over one engine. For notebook cells, {@link #apply(double...)} copies the scores
 * and returns an immutable {@link Normalized} (probabilities, support, $\tau$, residual, a chart):
 * {@code Normalizer.entmax(1.5).apply(-2, 0, 0.5)}. For loops, {@link #apply(double[], double[], int, int)}
 * writes into a caller's array and allocates nothing, and {@link #jvp}/{@link #vjp} give the
 * Jacobian products of the backward pass in the same layout (see {@link Normalizers},
 * {@link Jacobians} for the static forms). Rows follow the row contract ({@link LogitRow}).
 *
 * <p>Every normaliser is, on unit-norm queries and keys with $z_i = \langle q, k_i\rangle / h^2$, the
 * Nadaraya–Watson weighting of a smoothing kernel (Santos et al. 2026, docs/papers/B.md §B):
 * {@link #kernelOrder()} names its order $n$ in $(1 - u^2)_+^n$ and {@link #adaptive()} says whether
 * the normalisation is adaptive (entmax, softmax) or fixed (normalised ReLU).
 */
public sealed interface Normalizer permits Softmax, Entmax, NormalizedRelu {

    /** Softmax ($\alpha = 1$; Gaussian smoothing kernel). */
    static Normalizer softmax() {
        return new Softmax();
    }

    /** Sparsemax ($\alpha = 2$; adaptive Epanechnikov) by the exact sort method. */
    static Normalizer sparsemax() {
        return new Entmax(2, ThresholdMethod.SORT);
    }

    /** Sparsemax with a chosen method: {@code SORT}, {@code PIVOT} (expected $O(n)$) or {@code BISECTION}. */
    static Normalizer sparsemax(ThresholdMethod method) {
        return new Entmax(2, method);
    }

    /**
     * $\alpha$-entmax with the method that suits $\alpha$: softmax for $\alpha = 1$, the exact sort
     * method for $\alpha = 1.5$ and $2$, bisection otherwise.
     *
     * @throws IllegalArgumentException when $\alpha &lt; 1$ or $\alpha$ is not finite
     */
    static Normalizer entmax(double alpha) {
        Normalizers.checkAlpha(alpha);
        if (alpha == 1) {
            return softmax();
        }
        return new Entmax(alpha, alpha == 1.5 || alpha == 2 ? ThresholdMethod.SORT : ThresholdMethod.BISECTION);
    }

    /** $\alpha$-entmax ($\alpha &gt; 1$) with a chosen method. */
    static Normalizer entmax(double alpha, ThresholdMethod method) {
        return new Entmax(alpha, method);
    }

    /** $\alpha$-entmax with $\alpha = 1 + 1/n$: adaptive Nadaraya–Watson with the kernel $(1-u^2)_+^n$. */
    static Normalizer forKernelOrder(double n) {
        if (!(n > 0)) {
            throw new IllegalArgumentException("kernel order n = " + n + " must be > 0");
        }
        return n == Double.POSITIVE_INFINITY ? softmax() : entmax(1 + 1 / n);
    }

    /** Normalised ReLU, $[z - \theta]_+ / \sum_j [z_j - \theta]_+$ (fixed-bandwidth Epanechnikov). */
    static Normalizer normalizedRelu(double theta) {
        return new NormalizedRelu(1, theta);
    }

    /** Normalised ReLU of order $n$, $[z/n - \theta]_+^n$ normalised (fixed-bandwidth $(1-u^2)_+^n$). */
    static Normalizer normalizedRelu(double order, double theta) {
        return new NormalizedRelu(order, theta);
    }

    /** A short name for tables and legends, e.g. {@code 1.5-entmax}. */
    String name();

    /** The order $n$ of the smoothing kernel $(1 - u^2)_+^n$ these weights correspond to ($+\infty$: Gaussian). */
    double kernelOrder();

    /** True when $\tau$ is solved per row (adaptive normalisation), false for a fixed threshold. */
    boolean adaptive();

    /**
     * Writes the probabilities of {@code scores[off, off + len)} into {@code out[off, off + len)}
     * and returns $\tau$; allocates nothing. {@code out} must not be {@code scores}.
     */
    double apply(double[] scores, double[] out, int off, int len);

    /** $J v$ at the row whose forward pass gave {@code p}, written into {@code out}. */
    void jvp(double[] scores, double[] p, double[] v, double[] out, int off, int len);

    /** $J^\top g$ (the backward pass) at the row whose forward pass gave {@code p}. */
    void vjp(double[] scores, double[] p, double[] g, double[] out, int off, int len);

    /** How far $\tau$ is from solving this normaliser's normalisation equation, on a whole row. */
    double residual(double[] scores, double[] p, double threshold);

    /** Normalises a copy of the scores: the fluent form for notebook cells. */
    default Normalized apply(double... scores) {
        return Normalized.of(this, scores);
    }

    /**
     * Normalises each row of a row-major {@code rows × cols} matrix into {@code out}; writes the
     * rows' thresholds $\tau$ into {@code threshold} unless it is null. Allocates nothing. Row {@code r} is
     * named {@code scores[r]} in error messages.
     */
    default void applyRows(double[] scores, double[] out, int rows, int cols, double[] threshold) {
        Check.notNull("scores", scores);
        Check.notNull("out", out);
        Check.positive("rows", rows);
        Check.positive("cols", cols);
        if ((long) rows * cols > scores.length || (long) rows * cols > out.length) {
            throw new IllegalArgumentException("rows x cols = " + rows + " x " + cols + " do not fit scores (length "
                    + scores.length + ") and out (length " + out.length + ")");
        }
        if (threshold != null && threshold.length < rows) {
            throw new IllegalArgumentException("threshold has length " + threshold.length + ", need rows = " + rows);
        }
        for (int r = 0; r < rows; r++) {
            LogitRow.validate("scores[" + r + "]", scores, r * cols, cols);
            double t = apply(scores, out, r * cols, cols);
            if (threshold != null) {
                threshold[r] = t;
            }
        }
    }
}
