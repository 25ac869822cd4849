package io.github.attnlab.compact.nw;

import io.github.attnlab.core.Check;

/**
 * The Gaussian smoothing kernel $K(u) = e^{-\|u\|^2/2}$, the limit of the compact kernels as
 * $n \to \infty$. On unit-norm queries and keys its Nadaraya–Watson weights at bandwidth $h$ are
 * $\mathrm{softmax}(\langle q, k_i\rangle/h^2)$; fixed and adaptive normalisation coincide. Obtain it
 * with {@link SmoothingKernel#gaussian()}.
 */
public record Gaussian() implements SmoothingKernel {

    /** $e^{-t/2}$. */
    @Override
    public double profile(double t) {
        SmoothingKernel.checkArgument(t);
        return Math.exp(-0.5 * t);
    }

    @Override
    public double order() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String name() {
        return "Gaussian";
    }

    @Override
    public String toString() {
        return name();
    }
}
