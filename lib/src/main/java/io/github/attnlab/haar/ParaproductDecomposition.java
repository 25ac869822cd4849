package io.github.attnlab.haar;

import java.util.Locale;

/**
 * $A(f) = \tilde A(f) + \Delta(A, f)$ computed by {@link Paraproduct}: the input, $A(f)$, the
 * paraproduct $\tilde A(f)$ and the residual $\Delta$, as row-major arrays, with their coefficients
 * in the bi-Haar basis of the same trees and the Hölder exponents those coefficients give.
 */
public final class ParaproductDecomposition {

    private final Paraproduct paraproduct;
    private final double[] input;
    private final double[] applied;
    private final double[] approximation;
    private final double[] residual;

    ParaproductDecomposition(Paraproduct paraproduct, double[] input, double[] applied, double[] approximation) {
        this.paraproduct = paraproduct;
        this.input = input;
        this.applied = applied;
        this.approximation = approximation;
        this.residual = new double[applied.length];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = applied[i] - approximation[i];
        }
    }

    /** $f$, row-major. */
    public double[] input() {
        return input.clone();
    }

    /** $A(f)$, row-major. */
    public double[] applied() {
        return applied.clone();
    }

    /** $\tilde A(f)$, row-major. */
    public double[] approximation() {
        return approximation.clone();
    }

    /** $\Delta(A, f) = A(f) - \tilde A(f)$, row-major. */
    public double[] residual() {
        return residual.clone();
    }

    /** $\|\Delta\|_2 / \|A(f) - \mathrm{mean}\, A(f)\|_2$: the share of the variation of $A(f)$ the paraproduct misses. */
    public double relativeResidual() {
        double mean = 0;
        for (double v : applied) {
            mean += v / applied.length;
        }
        double r = 0;
        double s = 0;
        for (int i = 0; i < applied.length; i++) {
            r += residual[i] * residual[i];
            s += (applied[i] - mean) * (applied[i] - mean);
        }
        return s > 0 ? Math.sqrt(r / s) : Math.sqrt(r);
    }

    private TensorHaar basis() {
        return paraproduct.cols().size() == 1 ? TensorHaar.of(paraproduct.rows()) : TensorHaar.bi(paraproduct.rows(), paraproduct.cols());
    }

    /** The Haar coefficients of $f$. */
    public HaarCoefficients inputCoefficients() {
        return basis().forward(input);
    }

    /** The Haar coefficients of $A(f)$. */
    public HaarCoefficients appliedCoefficients() {
        return basis().forward(applied);
    }

    /** The Haar coefficients of $\Delta(A, f)$. */
    public HaarCoefficients residualCoefficients() {
        return basis().forward(residual);
    }

    /** One line: the function, the relative residual and the three Hölder exponents. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ParaproductDecomposition[%s, relative residual %.3e, alpha(f)=%.3f, alpha(A(f))=%.3f, alpha(residual)=%.3f]",
                paraproduct.function().name(), relativeResidual(), inputCoefficients().holder().alpha(),
                appliedCoefficients().holder().alpha(), residualCoefficients().holder().alpha());
    }
}
