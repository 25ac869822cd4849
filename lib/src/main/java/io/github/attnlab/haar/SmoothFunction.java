package io.github.attnlab.haar;

import java.util.function.DoubleUnaryOperator;

/**
 * A smooth function $A$ with its first two derivatives, for the paraproduct of $A(f)$
 * (docs/papers/C.md §C.1): {@link #EXP} is the nonlinearity of softmax.
 *
 * @param name   a short name for {@code toString}
 * @param value  $A$
 * @param first  $A'$
 * @param second $A''$
 */
public record SmoothFunction(String name, DoubleUnaryOperator value, DoubleUnaryOperator first, DoubleUnaryOperator second) {

    /** $A = \exp$, with $A' = A'' = \exp$. */
    public static final SmoothFunction EXP = new SmoothFunction("exp", Math::exp, Math::exp, Math::exp);

    /** $A(x) = x^2$: the paraproduct residual has a closed form (used to test the construction). */
    public static final SmoothFunction SQUARE = new SmoothFunction("x^2", x -> x * x, x -> 2 * x, x -> 2);

    /** $A(x) = p x + q$: the paraproduct is exact. */
    public static SmoothFunction affine(double p, double q) {
        return new SmoothFunction(p + "x+" + q, x -> p * x + q, x -> p, x -> 0);
    }

    @Override
    public String toString() {
        return "SmoothFunction[" + name + "]";
    }
}
