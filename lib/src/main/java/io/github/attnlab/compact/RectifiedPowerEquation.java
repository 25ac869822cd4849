package io.github.attnlab.compact;

import io.github.attnlab.simd.SimdOps;

/**
 * Solves $f(t) = \sum_i [\,c\,(a_i - m) - t\,]_+^{\beta} - 1 = 0$ for $t$: the normalisation equation
 * behind $\alpha$-entmax ($a = z$, $m = \max z$, $c = \alpha - 1$, $\beta = 1/(\alpha-1)$,
 * $t = \tau - (\alpha-1)m$) and behind the adaptive bandwidth of compact-kernel Nadaraya–Watson
 * regression ($a = \|q - k\|^2$, $m = 0$, $c = -1/(2nh^2)$, $\beta = n$, $t = -b^2/(2nh^2)$).
 *
 * <p>$f$ is continuous and non-increasing in $t$ (decreasing where positive terms remain). Given a
 * bracket with $f(lo) \ge 0 \ge f(hi)$ the solver takes Newton steps,
 * $f'(t) = -\beta\sum_i [c\,a_i - t]_+^{\beta - 1}$, when they land inside the bracket and bisects
 * otherwise; every evaluation shrinks the bracket, so it stops at the float resolution of $t$
 * (a Newton correction below two ulps, or a bracket that cannot be halved). Each evaluation is one
 * {@link SimdOps#sumRectifiedPower} pass; nothing is allocated.
 */
public final class RectifiedPowerEquation {

    /** Upper bound on evaluations; halving a unit bracket to double resolution takes about 60. */
    public static final int MAX_ITERATIONS = 200;

    private RectifiedPowerEquation() {
    }

    /**
     * The root $t \in [lo, hi]$ of $\sum_{i} [\,c\,(a_{off+i} - m) - t\,]_+^{\beta} = 1$.
     *
     * @param a      the values, none NaN ($-\infty$ contributes 0 when $c &gt; 0$)
     * @param center $m$, subtracted from every value first
     * @param scale  $c$
     * @param power $\beta &gt; 0$
     * @param lo    a point with $f(lo) \ge 0$
     * @param hi    a point with $f(hi) \le 0$, $hi \ge lo$
     */
    public static double solve(double[] a, int off, int len, double center, double scale, double power, double lo,
                               double hi) {
        if (!(power > 0) || !(hi >= lo)) {
            throw new IllegalArgumentException("need power > 0 and lo <= hi, not power = " + power + ", lo = " + lo
                    + ", hi = " + hi);
        }
        if (hi == lo) {
            return lo;
        }
        SimdOps ops = SimdOps.get();
        double t = lo;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double f = ops.sumRectifiedPower(a, off, len, center, scale, t, power) - 1;
            if (f == 0) {
                return t;
            } else if (f > 0) {
                lo = t;
            } else {
                hi = t;
            }
            double slope = -power * ops.sumRectifiedPower(a, off, len, center, scale, t, power - 1);
            double u = safeguarded(t, t - f / slope, lo, hi);
            if (u == t) {
                return t;
            }
            t = u;
        }
        return t;
    }

    /**
     * One safeguarded Newton step inside the bracket {@code (lo, hi)}: the Newton iterate {@code next} if it lies
     * inside, else the bracket's midpoint; {@code t} itself when the correction is below the resolution of
     * {@code t} (within 2 ulp) or the bracket cannot shrink any further, which ends the iteration.
     */
    static double safeguarded(double t, double next, double lo, double hi) {
        if (Math.abs(next - t) <= 2 * Math.ulp(t)) {
            return t; // the Newton correction is below the resolution of t
        }
        double mid = lo + 0.5 * (hi - lo);
        if (!(mid > lo && mid < hi)) {
            return t; // the bracket cannot shrink any further
        }
        return next > lo && next < hi ? next : mid;
    }
}
