package io.github.attnlab.wasserstein;

import io.github.attnlab.core.Check;
import java.util.function.ToDoubleFunction;

/**
 * A potential given as a function, evaluated on particles only (see {@link Prior#of}).
 *
 * @param name     a label
 * @param function $x \mapsto V(x)$, finite or $+\infty$
 */
public record CustomPrior(String name, ToDoubleFunction<double[]> function) implements Prior {

    /** Checks the arguments. */
    public CustomPrior {
        Check.notNull("name", name);
        Check.notNull("function", function);
    }

    /** $V(x)$; NaN and $-\infty$ are refused. */
    @Override
    public double value(double[] x) {
        double v = function.applyAsDouble(x);
        if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("prior " + name + " returned " + v);
        }
        return v;
    }
}
