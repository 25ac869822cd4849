package io.github.attnlab.wasserstein;

import io.github.attnlab.core.Check;
import java.util.function.ToDoubleFunction;

/**
 * The prior (potential) $V$ of the regularised Wasserstein proximal operator, whose kernel is
 * $K(x \mid y) \propto \exp(-V(x)/(2\beta) - \lVert x - y\rVert^2/(4\beta T))$ (paper F.3, {@code docs/papers/F.md}).
 *
 * <p>A parameter of the operator, chosen by type, never by a string: {@link #l1(double)} ($\lambda\lVert x\rVert_1$,
 * the paper's sparsity prior), {@link #quadratic(double)} ($a\lVert x\rVert^2/2$, a Gaussian prior), {@link #none()}
 * ($V = 0$, the heat kernel) — these three are {@link SeparablePrior}s, with the continuous kernel and the proximal
 * map in closed form — and {@link #of(String, ToDoubleFunction)} for any other potential, which the operator
 * evaluates on particles only.
 */
public sealed interface Prior permits SeparablePrior, CustomPrior {

    /** $V(x) = \lambda\lVert x\rVert_1$, the Laplace (sparsity) prior. @throws IllegalArgumentException for $\lambda &lt; 0$ */
    static L1Prior l1(double lambda) {
        return new L1Prior(lambda);
    }

    /** $V(x) = a\lVert x\rVert^2/2$. @throws IllegalArgumentException for $a &lt; 0$ */
    static QuadraticPrior quadratic(double a) {
        return new QuadraticPrior(a);
    }

    /** $V = 0$: the kernel is the heat kernel of variance $2\beta T$. */
    static QuadraticPrior none() {
        return new QuadraticPrior(0);
    }

    /**
     * Any potential, evaluated on particles only (it has no closed-form continuous kernel here).
     *
     * @param name     a label for tables and legends
     * @param function $x \mapsto V(x)$; it must return a finite value or $+\infty$ (a forbidden point)
     */
    static CustomPrior of(String name, ToDoubleFunction<double[]> function) {
        return new CustomPrior(name, function);
    }

    /** $V(x)$. */
    double value(double[] x);

    /** A short name for tables and legends, e.g. {@code L1(lambda=0.5)}. */
    String name();

    /** Checks that a point is a finite vector; returns it. */
    static double[] point(String name, double[] x) {
        Check.finite(name, x);
        if (x.length == 0) {
            throw new IllegalArgumentException(name + " has no coordinates");
        }
        return x;
    }
}
