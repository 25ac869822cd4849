package io.github.attnlab.patterns;

import io.github.attnlab.compact.Entmax;
import io.github.attnlab.compact.NormalizedRelu;
import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.compact.Softmax;
import io.github.attnlab.core.Check;

/**
 * Assumption 2 of paper E, numerically: does a normaliser $\rho$ approach hardmax under scaling? For a vector $v$
 * with a unique top entry and top margin $\delta = v_{(1)} - v_{(2)} &gt; 0$, the error
 * $e(t) = \lVert \rho(t v) - \mathrm{hardmax}(v) \rVert_1$ (twice the mass off the top entry).
 *
 * <ul>
 *   <li>softmax: $e(t) = 2 \sum_{j \ne top} e^{-t(v_{top} - v_j)} / \sum_j e^{-t(v_{top} - v_j)}$, which decays at
 *       the rate $\delta$ ($-\frac{d}{dt} \ln e \to \delta$) and is never exactly 0;</li>
 *   <li>$\alpha$-entmax ($\alpha &gt; 1$, sparsemax at 2): $\rho(tv) = \mathrm{hardmax}(v)$ exactly iff
 *       $t \ge t^* = 1 / ((\alpha - 1)\delta)$ (the runner-up leaves the support when
 *       $(\alpha - 1)\,t\,\delta \ge 1$), whatever $n$ and the other entries;</li>
 *   <li>normalised ReLU of order $m$ with a fixed $\theta$: $e(t) \to 2 \sum_{j \ne top} [v_j]_+^m /
 *       \sum_j [v_j]_+^m$, which is not 0 when another entry is positive: Assumption 2 fails.</li>
 * </ul>
 * See {@code docs/papers/E.md}. Immutable; the terminal methods compute.
 */
public final class HardmaxLimit {

    private final Normalizer rho;
    private final double[] v;
    private final int top;
    private final double margin;

    private HardmaxLimit(Normalizer rho, double[] v, int top, double margin) {
        this.rho = rho;
        this.v = v;
        this.top = top;
        this.margin = margin;
    }

    /**
     * The scaling limit of {@code rho} at {@code v} (copied).
     *
     * @throws IllegalArgumentException when {@code v} has fewer than 2 entries, a non-finite entry, or no unique
     *                                  maximum
     */
    public static HardmaxLimit of(Normalizer rho, double... v) {
        Check.notNull("rho", rho);
        Check.finite("v", v);
        Check.range("v.length", v.length, 2, Integer.MAX_VALUE);
        int top = 0;
        for (int j = 1; j < v.length; j++) {
            top = v[j] > v[top] ? j : top;
        }
        double second = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v.length; j++) {
            if (j != top) {
                second = Math.max(second, v[j]);
            }
        }
        if (!(v[top] > second)) {
            throw new IllegalArgumentException("v has no unique maximum: v[" + top + "] = " + v[top]
                    + " is tied with another entry");
        }
        return new HardmaxLimit(rho, v.clone(), top, v[top] - second);
    }

    /** The top margin $\delta = v_{(1)} - v_{(2)}$. */
    public double margin() {
        return margin;
    }

    /** The index of the top entry. */
    public int top() {
        return top;
    }

    /** $\rho(t v)$. */
    public double[] apply(double t) {
        Check.positive("t", t);
        double[] z = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            z[j] = t * v[j];
        }
        double[] p = new double[v.length];
        rho.apply(z, p, 0, v.length);
        return p;
    }

    /**
     * $e(t) = \lVert \rho(tv) - \mathrm{hardmax}(v) \rVert_1$, computed as $2\sum_{j \ne top} \rho(tv)_j$ (equal
     * when $\rho$ sums to 1, and free of the cancellation in $1 - \rho(tv)_{top}$ when $e$ is tiny).
     */
    public double error(double t) {
        double[] p = apply(t);
        double off = 0;
        for (int j = 0; j < p.length; j++) {
            off += j == top ? 0 : p[j];
        }
        return 2 * off;
    }

    /** Whether $\rho(tv)$ equals hardmax exactly (every other entry exactly 0). */
    public boolean exact(double t) {
        double[] p = apply(t);
        for (int j = 0; j < p.length; j++) {
            if (j != top && p[j] != 0) {
                return false;
            }
        }
        return p[top] == 1;
    }

    /**
     * The closed form of the $t$ from which $\rho(tv)$ is exactly hardmax: $1/((\alpha - 1)\delta)$ for
     * $\alpha$-entmax, $+\infty$ for softmax (never exact); NaN for normalised ReLU (exact, if at all, on an
     * interval that depends on $\theta$, not from some $t$ on).
     */
    public double closedForm() {
        if (rho instanceof Entmax) {
            return 1 / ((((Entmax) rho).alpha() - 1) * margin);
        }
        return rho instanceof Softmax ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    /**
     * The measured $t^*$: the smallest $t$ with $\rho(tv)$ exactly hardmax, by doubling then bisection to a
     * relative width of $10^{-12}$ (exactness is monotone in $t$ for entmax); $+\infty$ if not exact by $t = 10^{12}$.
     */
    public double exactFrom() {
        double hi = 1e-6 / margin;
        while (!exact(hi)) {
            hi *= 2;
            if (hi > 1e12) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double lo = hi / 2;
        if (exact(lo)) {
            return lo;
        }
        while (hi - lo > 1e-12 * hi) {
            double mid = 0.5 * (lo + hi);
            if (exact(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * $\lim_{t\to\infty} e(t)$ by the formulas above: 0 for softmax and entmax; for normalised ReLU of order
     * $m$, $2\sum_{j \ne top}[v_j]_+^m / \sum_j [v_j]_+^m$ (the uniform fallback's error when no entry is positive).
     */
    public double limit() {
        if (!(rho instanceof NormalizedRelu)) {
            return 0;
        }
        double m = ((NormalizedRelu) rho).order();
        double all = 0;
        double off = 0;
        for (int j = 0; j < v.length; j++) {
            double x = v[j] > 0 ? Math.pow(v[j], m) : 0;
            all += x;
            off += j == top ? 0 : x;
        }
        return all == 0 ? 2 * (1 - 1.0 / v.length) : 2 * off / all;
    }

    /** $e(t)$ on {@code points} values of $t$ spaced evenly in $[t_{min}, t_{max}]$, with the fitted rate. */
    public ScalingCurve curve(double tMin, double tMax, int points) {
        Check.positive("tMin", tMin);
        Check.positive("tMax", tMax);
        Check.range("points", points, 2, 1 << 16);
        if (!(tMax > tMin)) {
            throw new IllegalArgumentException("tMax = " + tMax + " must exceed tMin = " + tMin);
        }
        double[] t = new double[points];
        double[] e = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = tMin + (tMax - tMin) * i / (points - 1);
            e[i] = error(t[i]);
        }
        return new ScalingCurve(rho.name(), margin, t, e, ScalingCurve.rate(t, e), closedForm(), limit());
    }

    @Override
    public String toString() {
        return "HardmaxLimit[" + rho.name() + ", n = " + v.length + ", margin = " + margin + "]";
    }
}
