package io.github.attnlab.compact;

import io.github.attnlab.core.Check;

/**
 * Softmax, $p_i = e^{z_i}/\sum_j e^{z_j}$: $\alpha$-entmax at $\alpha = 1$, and the Nadaraya–Watson
 * weights of the Gaussian smoothing kernel on unit-norm queries and keys, the limit
 * $n \to \infty$ of the compact kernels $(1 - u^2)_+^n$ (docs/papers/B.md §B.3). Its $\tau$ is the
 * log-partition $\log\sum_j e^{z_j}$. Obtain it with {@link Normalizer#softmax()}.
 */
public record Softmax() implements Normalizer {

    @Override
    public String name() {
        return "softmax";
    }

    /** $+\infty$: the Gaussian is the limit of the compact kernels. */
    @Override
    public double kernelOrder() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean adaptive() {
        return true;
    }

    @Override
    public double apply(double[] scores, double[] out, int off, int len) {
        return Normalizers.softmax(scores, out, off, len);
    }

    @Override
    public void jvp(double[] scores, double[] p, double[] v, double[] out, int off, int len) {
        Jacobians.softmax(scores, p, v, out, off, len);
    }

    @Override
    public void vjp(double[] scores, double[] p, double[] g, double[] out, int off, int len) {
        Jacobians.checkDirection(scores, p, g, out, off, len);
        Jacobians.softmax(scores, p, g, out, off, len);
    }

    /** $|\sum_i e^{z_i - \tau} - 1|$. */
    @Override
    public double residual(double[] scores, double[] p, double threshold) {
        Normalizers.checkResidual(scores, p, threshold);
        return Math.abs(io.github.attnlab.simd.SimdOps.get().sumExp(scores, 0, scores.length, threshold) - 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
