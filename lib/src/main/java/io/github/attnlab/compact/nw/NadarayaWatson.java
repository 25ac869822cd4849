package io.github.attnlab.compact.nw;

import io.github.attnlab.compact.RectifiedPowerEquation;
import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;
import java.util.Locale;

/**
 * Nadaraya–Watson kernel regression, $\hat y(q) = \sum_i w_i v_i$ with weights from a smoothing kernel
 * of the distances $\|q - k_i\|$, under fixed or adaptive normalisation (docs/papers/B.md §B).
 *
 * <ul>
 * <li>Fixed normalisation at bandwidth $b$: $w_i = K(\|q-k_i\|^2/b^2) / \sum_j K(\|q-k_j\|^2/b^2)$.
 *     When no key lies within a compact kernel's bandwidth the weights are uniform (documented
 *     fallback, as for normalised ReLU).</li>
 * <li>Adaptive normalisation with scale $h$: for the compact kernel of order $n$ the bandwidth $b$ is
 *     chosen per query so that the unnormalised weights $((b^2 - \|q-k_i\|^2)/(2nh^2))_+^n$ sum to 1;
 *     then $w_i \propto (1 - \|q-k_i\|^2/b^2)_+^n$. For the Gaussian both normalisations coincide
 *     ($b = h$).</li>
 * </ul>
 *
 * <p>On unit-norm queries and keys the adaptive weights equal $(1+1/n)$-entmax of
 * $\langle q, k_i\rangle/h^2$ and the fixed ones normalised ReLU of order $n$ (see
 * {@link Correspondence}); this class computes them from distances alone, independently of the
 * normalisers. Immutable: {@code NadarayaWatson.adaptive(SmoothingKernel.biweight(), 0.5).apply(q, keys, values)}.
 * The static methods are the allocation-free forms on squared distances.
 */
public final class NadarayaWatson {

    private final SmoothingKernel kernel;
    private final boolean adaptive;
    private final double width;

    private NadarayaWatson(SmoothingKernel kernel, boolean adaptive, double width) {
        Check.notNull("kernel", kernel);
        Check.positive(adaptive ? "h" : "bandwidth", width);
        this.kernel = kernel;
        this.adaptive = adaptive;
        this.width = width;
    }

    /** Fixed normalisation at bandwidth $b$. */
    public static NadarayaWatson fixed(SmoothingKernel kernel, double bandwidth) {
        return new NadarayaWatson(kernel, false, bandwidth);
    }

    /** Adaptive normalisation with scale $h$ (the temperature of the scores $\langle q,k\rangle/h^2$). */
    public static NadarayaWatson adaptive(SmoothingKernel kernel, double h) {
        return new NadarayaWatson(kernel, true, h);
    }

    /** The weights of the keys for a query (no values). */
    public Estimate weights(double[] q, double[][] keys) {
        return apply(q, keys, null);
    }

    /** The weights and the estimate $\hat y(q) = \sum_i w_i v_i$ ({@code values} may be null). */
    public Estimate apply(double[] q, double[][] keys, double[][] values) {
        Check.finite("q", q);
        Check.finiteMatrix("keys", keys);
        if (keys[0].length != q.length) {
            throw new IllegalArgumentException("keys have dimension " + keys[0].length + ", q has " + q.length);
        }
        if (values != null) {
            Check.finiteMatrix("values", values);
            Check.size("values.length", values.length, keys.length);
        }
        double[] d2 = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            d2[i] = SimdOps.get().squaredDistance(q, 0, keys[i], 0, q.length);
        }
        double[] w = new double[keys.length];
        double b;
        double residual;
        boolean fallback = false;
        if (adaptive) {
            b = adaptiveWeights(kernel, width, d2, w, 0, w.length);
            residual = kernel.isCompact() ? Math.abs(adaptiveMass(kernel.order(), width, b, d2) - 1) : 0;
        } else {
            b = width;
            fallback = fixedWeights(kernel, b, d2, w, 0, w.length) == 0;
            double s = 0;
            for (double x : w) {
                s += x;
            }
            residual = Math.abs(s - 1);
        }
        double[] y = new double[values == null ? 0 : values[0].length];
        for (int i = 0; values != null && i < keys.length; i++) {
            SimdOps.get().axpy(w[i], values[i], 0, y, 0, y.length);
        }
        return new Estimate(kernel, adaptive, b, d2, w, y, residual, fallback);
    }

    /**
     * Fixed-bandwidth weights $w_i = K(d_i/b)/\sum_j K(d_j/b)$ from squared distances $d_i^2$,
     * written into {@code out}. Returns $\sum_j K(d_j/b)$, or 0 when a compact kernel sees no key
     * within $b$ and the weights fall back to uniform.
     */
    public static double fixedWeights(SmoothingKernel kernel, double b, double[] sqDist, double[] out, int off, int len) {
        Check.notNull("kernel", kernel);
        Check.positive("b", b);
        check(sqDist, out, off, len);
        double sum;
        if (kernel.isCompact()) {
            sum = SimdOps.get().rectifiedPower(sqDist, off, len, 0, -1 / (b * b), -1, kernel.order(), out, off);
        } else {
            double min = Double.POSITIVE_INFINITY;
            for (int i = off; i < off + len; i++) {
                min = Math.min(min, sqDist[i]);
            }
            sum = 0;
            for (int i = off; i < off + len; i++) {
                out[i] = kernel.profile((sqDist[i] - min) / (b * b));
                sum += out[i];
            }
        }
        if (sum == 0) {
            java.util.Arrays.fill(out, off, off + len, 1.0 / len);
            return 0;
        }
        for (int i = off; i < off + len; i++) {
            out[i] /= sum;
        }
        return sum;
    }

    /**
     * Adaptively normalised weights from squared distances, written into {@code out}; returns the
     * bandwidth $b$. For the compact kernel of order $n$, $b$ solves
     * $\sum_i ((b^2 - d_i^2)/(2nh^2))_+^n = 1$ (by {@link RectifiedPowerEquation}, in the variable
     * $t = -b^2/(2nh^2)$); the Gaussian returns $b = h$.
     */
    public static double adaptiveWeights(SmoothingKernel kernel, double h, double[] sqDist, double[] out, int off,
                                         int len) {
        Check.notNull("kernel", kernel);
        Check.positive("h", h);
        check(sqDist, out, off, len);
        if (!kernel.isCompact()) {
            fixedWeights(kernel, h, sqDist, out, off, len);
            return h;
        }
        double c = 1 / (2 * kernel.order() * h * h);
        double min = Double.POSITIVE_INFINITY;
        for (int i = off; i < off + len; i++) {
            min = Math.min(min, sqDist[i]);
        }
        double hi = -c * min;
        double t = RectifiedPowerEquation.solve(sqDist, off, len, 0, -c, kernel.order(), hi - 1, hi);
        double b = Math.sqrt(-t / c);
        fixedWeights(kernel, b, sqDist, out, off, len);
        return b;
    }

    /** $\sum_i ((b^2 - d_i^2)/(2nh^2))_+^n$, which adaptive normalisation sets to 1. */
    static double adaptiveMass(double n, double h, double b, double[] sqDist) {
        double c = 1 / (2 * n * h * h);
        return SimdOps.get().sumRectifiedPower(sqDist, 0, sqDist.length, 0, -c, -c * b * b, n);
    }

    private static void check(double[] sqDist, double[] out, int off, int len) {
        Check.notNull("sqDist", sqDist);
        Check.notNull("out", out);
        Check.slice("sqDist", sqDist.length, off, len);
        Check.slice("out", out.length, off, len);
        if (out == sqDist) {
            throw new IllegalArgumentException("out must not be the distance array");
        }
        for (int i = off; i < off + len; i++) {
            Check.nonNegative("sqDist[" + i + "]", sqDist[i]);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NadarayaWatson[%s, %s %s = %.4g]", kernel.name(),
                adaptive ? "adaptive," : "fixed,", adaptive ? "h" : "b", width);
    }
}
