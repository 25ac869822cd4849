package io.github.attnlab.compact;

import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;
import java.util.Locale;

/**
 * $\alpha$-entmax for $\alpha &gt; 1$: $p_i = [(\alpha-1)z_i - \tau]_+^{1/(\alpha-1)}$ with $\tau$ such
 * that $\sum p = 1$, the maximiser of $p^\top z + H_\alpha(p)$,
 * $H_\alpha(p) = \sum_j (p_j - p_j^\alpha)/(\alpha(\alpha-1))$, over the simplex; $\alpha = 2$ is
 * sparsemax. With $\alpha = 1 + 1/n$ these are the adaptively normalised Nadaraya–Watson weights of
 * the compact smoothing kernel $(1 - u^2)_+^n$ on unit-norm queries and keys (docs/papers/B.md §B.1–2):
 * Epanechnikov ($n = 1$), biweight ($n = 2$), triweight ($n = 3$).
 *
 * <p>Obtain it with {@link Normalizer#entmax(double)}, which picks the method; this constructor
 * checks that the method fits $\alpha$.
 *
 * @param alpha  $\alpha &gt; 1$, finite
 * @param method {@code SORT} ($\alpha \in \{1.5, 2\}$), {@code PIVOT} ($\alpha = 2$) or {@code BISECTION}
 */
public record Entmax(double alpha, ThresholdMethod method) implements Normalizer {

    /** Validates $\alpha$ and the method. */
    public Entmax {
        Normalizers.checkAlpha(alpha);
        if (alpha == 1) {
            throw new IllegalArgumentException("alpha = 1 is softmax; use Normalizer.entmax(1) or Normalizer.softmax()");
        }
        if (method == null) {
            throw new IllegalArgumentException("method is null");
        }
        if (method == ThresholdMethod.SORT && alpha != 1.5 && alpha != 2) {
            throw new IllegalArgumentException("the sort method is exact for alpha = 1.5 and 2 only, not alpha = "
                    + alpha + "; use BISECTION");
        }
        if (method == ThresholdMethod.PIVOT && alpha != 2) {
            throw new IllegalArgumentException("the pivot method is for sparsemax (alpha = 2) only, not alpha = " + alpha);
        }
    }

    @Override
    public String name() {
        String base = alpha == 2 ? "sparsemax" : Text.num(alpha) + "-entmax";
        boolean defaultMethod = method == (alpha == 2 || alpha == 1.5 ? ThresholdMethod.SORT : ThresholdMethod.BISECTION);
        return defaultMethod ? base : base + " (" + method.name().toLowerCase(Locale.ROOT) + ")";
    }

    /** $n = 1/(\alpha - 1)$. */
    @Override
    public double kernelOrder() {
        return 1 / (alpha - 1);
    }

    @Override
    public boolean adaptive() {
        return true;
    }

    @Override
    public double apply(double[] scores, double[] out, int off, int len) {
        switch (method) {
            case SORT:
                return alpha == 2 ? Normalizers.sparsemax(scores, out, off, len)
                        : Normalizers.entmax15(scores, out, off, len);
            case PIVOT:
                return Normalizers.sparsemaxPivot(scores, out, off, len);
            default:
                return Normalizers.entmaxBisect(alpha, scores, out, off, len);
        }
    }

    @Override
    public void jvp(double[] scores, double[] p, double[] v, double[] out, int off, int len) {
        Jacobians.entmax(alpha, scores, p, v, out, off, len);
    }

    @Override
    public void vjp(double[] scores, double[] p, double[] g, double[] out, int off, int len) {
        Jacobians.checkDirection(scores, p, g, out, off, len);
        Jacobians.entmax(alpha, scores, p, g, out, off, len);
    }

    /** $\partial p/\partial\alpha$ at fixed scores, see {@link Jacobians#entmaxAlpha}; {@code result} must be this $\alpha$'s. */
    public double[] alphaDerivative(Normalized result) {
        Check.notNull("result", result);
        if (!(result.normalizer() instanceof Entmax) || ((Entmax) result.normalizer()).alpha() != alpha) {
            throw new IllegalArgumentException("the result of " + result.normalizer().name() + " is not one of " + name());
        }
        double[] out = new double[result.size()];
        Jacobians.entmaxAlpha(alpha, result.scores(), result.probabilities(), out, 0, out.length);
        return out;
    }

    /** $|\sum_i [(\alpha-1)z_i - \tau]_+^{1/(\alpha-1)} - 1|$, recomputed from $\tau$. */
    @Override
    public double residual(double[] scores, double[] p, double threshold) {
        Normalizers.checkResidual(scores, p, threshold);
        double m = SimdOps.get().max(scores, 0, scores.length);
        double a1 = alpha - 1;
        return Math.abs(SimdOps.get().sumRectifiedPower(scores, 0, scores.length, m, a1, threshold - a1 * m, 1 / a1) - 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
