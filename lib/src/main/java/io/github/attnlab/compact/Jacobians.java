package io.github.attnlab.compact;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.simd.SimdOps;

/**
 * Jacobian-vector products of the normalisers (the backward pass) and the derivative of
 * $\alpha$-entmax with respect to $\alpha$, as allocation-free operations on one row.
 *
 * <p>Arguments follow {@link Normalizers}: the row's scores, the probabilities {@code p} the
 * forward pass wrote, a direction, and {@code out}, all read or written at {@code [off, off + len)};
 * {@code out} must be none of the inputs. Softmax and entmax have symmetric Jacobians, so one method
 * serves as both $J v$ and $J^\top v$. Normalised-ReLU rows that took the uniform fallback are locally
 * constant: their Jacobian is 0. Masked keys get 0. A NaN or infinite entry of the direction is refused, as is
 * a row that breaks the row contract.
 */
public final class Jacobians {

    private Jacobians() {
    }

    /** Softmax: $J v = p \circ v - \langle p, v\rangle\, p$, with $J = \mathrm{diag}(p) - pp^\top$. */
    public static void softmax(double[] scores, double[] p, double[] v, double[] out, int off, int len) {
        check(scores, p, v, "v", out, off, len);
        double c = SimdOps.get().dot(p, off, v, off, len);
        for (int i = off; i < off + len; i++) {
            out[i] = p[i] * (v[i] - c);
        }
    }

    /**
     * $\alpha$-entmax (sparsemax for $\alpha = 2$, softmax for $\alpha = 1$): with $g = p^{2-\alpha}$
     * on the support and 0 elsewhere, $J v = g \circ v - (\langle g, v\rangle / \sum g)\, g$
     * (Peters et al. 2019; docs/papers/B.md §B, closing facts).
     */
    public static void entmax(double alpha, double[] scores, double[] p, double[] v, double[] out, int off,
                              int len) {
        Normalizers.checkAlpha(alpha);
        if (alpha == 1) {
            softmax(scores, p, v, out, off, len);
            return;
        }
        check(scores, p, v, "v", out, off, len);
        SimdOps ops = SimdOps.get();
        double sumG = ops.rectifiedPower(p, off, len, 0, 1, 0, 2 - alpha, out, off);
        double c = ops.dot(out, off, v, off, len) / sumG;
        for (int i = off; i < off + len; i++) {
            out[i] *= v[i] - c;
        }
    }

    /**
     * The derivative of $\alpha$-entmax with respect to $\alpha$ at fixed scores:
     * $\partial p/\partial\alpha = (p - \hat g)/(\alpha-1)^2 - (p\log p - \hat g\,\sum_j p_j\log p_j)/(\alpha-1)$,
     * with $\hat g = p^{2-\alpha}/\sum p^{2-\alpha}$ on the support (obtained by differentiating
     * $p_i^{\alpha-1} = (\alpha-1)z_i - \tau$ and $\sum p = 1$). Requires $\alpha &gt; 1$.
     */
    public static void entmaxAlpha(double alpha, double[] scores, double[] p, double[] out, int off, int len) {
        Normalizers.checkAlpha(alpha);
        if (alpha == 1) {
            throw new IllegalArgumentException("alpha = 1: the alpha-derivative is taken at alpha > 1 only");
        }
        check(scores, p, p, "p", out, off, len);
        double sumG = SimdOps.get().rectifiedPower(p, off, len, 0, 1, 0, 2 - alpha, out, off);
        double entropy = 0;
        for (int i = off; i < off + len; i++) {
            entropy += p[i] > 0 ? p[i] * Math.log(p[i]) : 0;
        }
        double a1 = alpha - 1;
        for (int i = off; i < off + len; i++) {
            double g = out[i] / sumG;
            double plogp = p[i] > 0 ? p[i] * Math.log(p[i]) : 0;
            out[i] = (p[i] - g) / (a1 * a1) - (plogp - g * entropy) / a1;
        }
    }

    /**
     * Normalised ReLU of order $n$, forward mode: with $r = [z/n - \theta]_+$, $R = \sum r^n$ and
     * $w = r^{n-1}/R$ on the support, $J v = w \circ v - \langle w, v\rangle\, p$.
     */
    public static void normalizedReluJvp(double order, double theta, double[] scores, double[] p, double[] v,
                                         double[] out, int off, int len) {
        if (!reluWeights(order, theta, scores, p, v, "v", out, off, len)) {
            return;
        }
        double c = SimdOps.get().dot(out, off, v, off, len);
        for (int i = off; i < off + len; i++) {
            out[i] = out[i] * v[i] - c * p[i];
        }
    }

    /** Normalised ReLU of order $n$, backward mode: $J^\top g = w \circ (g - \langle p, g\rangle)$. */
    public static void normalizedReluVjp(double order, double theta, double[] scores, double[] p, double[] g,
                                         double[] out, int off, int len) {
        if (!reluWeights(order, theta, scores, p, g, "g", out, off, len)) {
            return;
        }
        double c = SimdOps.get().dot(p, off, g, off, len);
        for (int i = off; i < off + len; i++) {
            out[i] *= g[i] - c;
        }
    }

    /** Writes $w = r^{n-1}/R$ into {@code out}; false (out zeroed) when the Jacobian is 0. */
    private static boolean reluWeights(double order, double theta, double[] scores, double[] p, double[] v, String vName,
                                       double[] out, int off, int len) {
        Normalizers.checkRelu(order, theta);
        check(scores, p, v, vName, out, off, len);
        SimdOps ops = SimdOps.get();
        double m = ops.max(scores, off, len);
        double top = m / order - theta;
        if (!(top > 0)) {
            java.util.Arrays.fill(out, off, off + len, 0.0);
            return false;
        }
        double scale = 1 / (order * top);
        double sum = ops.sumRectifiedPower(scores, off, len, m, scale, -1, order);
        ops.rectifiedPower(scores, off, len, m, scale, -1, order - 1, out, off);
        Normalizers.divide(out, off, len, top * sum);
        return true;
    }

    /** Validates the row (the row contract for {@code scores}; finite {@code p} and direction) and the ranges. */
    static void checkDirection(double[] scores, double[] p, double[] g, double[] out, int off, int len) {
        check(scores, p, g, "g", out, off, len);
    }

    private static void check(double[] scores, double[] p, double[] v, String vName, double[] out, int off, int len) {
        LogitRow.validate("scores", scores, off, len);
        finiteRange("p", p, off, len);
        finiteRange(vName, v, off, len);
        Check.notNull("out", out);
        Check.slice("out", out.length, off, len);
        if (out == scores || out == p || out == v) {
            throw new IllegalArgumentException("out must not be one of the input arrays");
        }
    }

    private static void finiteRange(String name, double[] x, int off, int len) {
        Check.notNull(name, x);
        Check.slice(name, x.length, off, len);
        for (int i = 0; i < len; i++) {
            if (!Double.isFinite(x[off + i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + x[off + i]);
            }
        }
    }
}
