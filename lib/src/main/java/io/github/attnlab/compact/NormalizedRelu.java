package io.github.attnlab.compact;

import io.github.attnlab.core.Check;

/**
 * Normalised ReLU of order $n$ with a fixed threshold $\theta$:
 * $p_i = [z_i/n - \theta]_+^n / \sum_j [z_j/n - \theta]_+^n$. On unit-norm queries and keys with
 * $z = \langle q, k\rangle/h^2$ these are the fixed-bandwidth Nadaraya–Watson weights of the compact
 * kernel $(1 - u^2)_+^n$ with $b^2 = 2 - 2nh^2\theta$; $n = 1$ is normalised ReLU, fixed-bandwidth
 * Epanechnikov regression (docs/papers/B.md §B.2).
 *
 * <p>Documented fallback: when no score exceeds $n\theta$ (no key within the bandwidth) the row is
 * the uniform distribution over its unmasked keys, the Nadaraya–Watson convention for a query
 * with no neighbour; its Jacobian is 0 there. The returned $\tau$ is $\theta$.
 *
 * @param order $n &gt; 0$
 * @param theta the fixed threshold $\theta$
 */
public record NormalizedRelu(double order, double theta) implements Normalizer {

    /** Validates the order and the threshold. */
    public NormalizedRelu {
        Normalizers.checkRelu(order, theta);
    }

    @Override
    public String name() {
        return "normalised ReLU" + (order == 1 ? "" : "^" + Text.num(order)) + " (θ = " + Text.num(theta) + ")";
    }

    @Override
    public double kernelOrder() {
        return order;
    }

    @Override
    public boolean adaptive() {
        return false;
    }

    /** Returns $\theta$; see {@link Normalizers#normalizedRelu} for the normalising sum. */
    @Override
    public double apply(double[] scores, double[] out, int off, int len) {
        Normalizers.normalizedRelu(order, theta, scores, out, off, len);
        return theta;
    }

    @Override
    public void jvp(double[] scores, double[] p, double[] v, double[] out, int off, int len) {
        Jacobians.normalizedReluJvp(order, theta, scores, p, v, out, off, len);
    }

    @Override
    public void vjp(double[] scores, double[] p, double[] g, double[] out, int off, int len) {
        Jacobians.normalizedReluVjp(order, theta, scores, p, g, out, off, len);
    }

    /** Whether the row has an empty support and takes the uniform fallback. */
    public boolean fallsBack(double[] scores) {
        Check.notNull("scores", scores);
        for (double z : scores) {
            if (z / order - theta > 0) {
                return false;
            }
        }
        return true;
    }

    /** $|\sum_i p_i - 1|$. */
    @Override
    public double residual(double[] scores, double[] p, double threshold) {
        Normalizers.checkResidual(scores, p, threshold);
        double s = 0;
        for (double x : p) {
            s += x;
        }
        return Math.abs(s - 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
