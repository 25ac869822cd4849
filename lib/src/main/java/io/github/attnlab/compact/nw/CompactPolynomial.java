package io.github.attnlab.compact.nw;

import io.github.attnlab.core.Check;

/**
 * The compact smoothing kernel $K(u) = (1 - \|u\|^2)_+^n$ of order $n &gt; 0$: Epanechnikov, biweight
 * and triweight for $n = 1, 2, 3$. Obtain it with {@link SmoothingKernel#compact(double)} or the
 * named factories.
 *
 * @param order $n &gt; 0$, finite
 */
public record CompactPolynomial(double order) implements SmoothingKernel {

    /** Validates the order. */
    public CompactPolynomial {
        if (!(order > 0) || !Double.isFinite(order)) {
            throw new IllegalArgumentException("order n = " + order + " must be finite and > 0"
                    + " (the Gaussian is SmoothingKernel.gaussian())");
        }
    }

    /** $(1 - t)_+^n$. */
    @Override
    public double profile(double t) {
        SmoothingKernel.checkArgument(t);
        return t < 1 ? Math.pow(1 - t, order) : 0.0;
    }

    @Override
    public String name() {
        if (order == 1) {
            return "Epanechnikov";
        } else if (order == 2) {
            return "Biweight";
        } else if (order == 3) {
            return "Triweight";
        }
        return "(1−u²)₊^" + (order == Math.rint(order) ? Long.toString((long) order) : Double.toString(order));
    }

    @Override
    public String toString() {
        return name();
    }
}
