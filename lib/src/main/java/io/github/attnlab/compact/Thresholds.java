package io.github.attnlab.compact;

import java.util.Arrays;

/**
 * The threshold of sparsemax and $\alpha$-entmax for one row of finite or masked ($-\infty$) scores,
 * by sorting, by an expected-linear pivot search, or by safeguarded bisection.
 *
 * <p>Every method works relative to a {@code center} $m$ (the row maximum) and returns
 * $\tau' = \tau - (\alpha-1)m$, so that $p_i = [(\alpha-1)(z_i - m) - \tau']_+^{1/(\alpha-1)}$: the
 * differences $z_i - m$ stay exact for large scores. Each may use {@code scratch[off, off + len)}
 * as working space and leaves garbage there; none allocates (apart from what
 * {@link Arrays#sort(double[], int, int)} may do on long presorted runs). Rows reaching these
 * methods contain no NaN, no $+\infty$ and at least one finite score.
 */
final class Thresholds {

    private Thresholds() {
    }

    /**
     * Sparsemax by sorting: $k(z) = \max\{k : 1 + k z_{(k)} &gt; \sum_{j \le k} z_{(j)}\}$ and
     * $\tau = (\sum_{j \le k(z)} z_{(j)} - 1)/k(z)$ (Martins &amp; Astudillo 2016, docs/papers/B.md §B, closing facts).
     */
    static double sparsemaxSort(double[] z, double[] scratch, int off, int len, double center) {
        System.arraycopy(z, off, scratch, off, len);
        Arrays.sort(scratch, off, off + len);
        double cum = 0;
        double support = 0;
        int k = 0;
        for (int j = off + len - 1; j >= off; j--) {
            double v = scratch[j] - center;
            if (v == Double.NEGATIVE_INFINITY) {
                break;
            }
            cum += v;
            if (1 + (k + 1) * v > cum) {
                k++;
                support = cum;
            } else {
                break;
            }
        }
        return (support - 1) / k;
    }

    /**
     * Sparsemax in expected $O(n)$ time: a randomised pivot search over the candidates (Duchi et al.
     * 2008), accepting a pivot $v$ with all larger scores when
     * $\sum_{u \ge v} u - |\{u \ge v\}|\,v &lt; 1$, which is the support condition above.
     *
     * <p>Only the scores with $z_i - m &gt; -1$ are candidates: $p_{\max} = m - \tau \le 1$ gives $\tau' \ge -1$,
     * and a pivot $v \le -1$ fails the condition (the maximum alone contributes $0 - v \ge 1$). On rows whose
     * scores spread over more than one unit, as attention rows do, the search then partitions a small fraction of
     * the row.
     */
    static double sparsemaxPivot(double[] z, double[] scratch, int off, int len, double center) {
        int hi = off;
        for (int i = off; i < off + len; i++) {
            double v = z[i] - center; // -infinity for masked keys
            if (v > -1) {
                scratch[hi++] = v;
            }
        }
        int lo = off;
        double sum = 0;
        long count = 0;
        long rng = 0x9E3779B97F4A7C15L ^ len;
        while (lo < hi) {
            rng ^= rng << 13;
            rng ^= rng >>> 7;
            rng ^= rng << 17;
            double v = scratch[lo + (int) Long.remainderUnsigned(rng, hi - lo)];
            // three-way partition of [lo, hi): greater | equal | less
            int gt = lo;
            int i = lo;
            int lt = hi;
            double sumGe = 0;
            while (i < lt) {
                double u = scratch[i];
                if (u > v) {
                    swap(scratch, gt++, i++);
                    sumGe += u;
                } else if (u < v) {
                    swap(scratch, i, --lt);
                } else {
                    i++;
                    sumGe += u;
                }
            }
            long ge = count + (lt - lo);
            if (sum + sumGe - ge * v < 1) {
                sum += sumGe;
                count = ge;
                lo = lt;
            } else {
                hi = gt;
            }
        }
        return (sum - 1) / count;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /**
     * 1.5-entmax by sorting (Peters, Niculae &amp; Martins 2019): with $x = z/2$ sorted decreasingly,
     * the top-$k$ mean $\mu_k$ and sum of squared deviations $M_k$, the candidate
     * $\tau_k = \mu_k - \sqrt{(1 - M_k)/k}$ solves $\sum_{j \le k}(x_{(j)} - \tau)^2 = 1$; the support
     * is the largest $k$ with $\tau_k &lt; x_{(k)}$.
     */
    static double entmax15Sort(double[] z, double[] scratch, int off, int len, double center) {
        System.arraycopy(z, off, scratch, off, len);
        Arrays.sort(scratch, off, off + len);
        double mean = 0;
        double m2 = 0;
        double tau = Double.NaN;
        int k = 0;
        for (int j = off + len - 1; j >= off; j--) {
            double x = 0.5 * (scratch[j] - center);
            if (x == Double.NEGATIVE_INFINITY) {
                break;
            }
            k++;
            double delta = x - mean;
            mean += delta / k;
            m2 += delta * (x - mean);
            double slack = 1 - m2;
            if (slack >= 0) {
                double candidate = mean - Math.sqrt(slack / k);
                if (candidate < x) {
                    tau = candidate;
                }
            }
        }
        return tau;
    }

    /**
     * $\alpha$-entmax for any $\alpha &gt; 1$: the root of
     * $\sum_i [(\alpha-1)(z_i - m) - \tau']_+^{1/(\alpha-1)} = 1$ on the bracket $[-1, -k^{1-\alpha}]$
     * ($k$ unmasked scores; at the left end the largest term alone is 1, at the right end every term
     * is at most $1/k$), by {@link RectifiedPowerEquation}.
     *
     * <p>The equation is solved over the candidates only: the $k$ scores with $(\alpha-1)(z_i - m) &gt; -1$, copied
     * in index order to {@code scratch}. A score outside has a bracket $\le 0$ at $\tau' = -1$, hence at every
     * $\tau'$ of the bracket, and contributes nothing to the sum or to its slope; on attention rows the candidates
     * are a small fraction of the row, so the Newton and bisection passes after the first are short.
     */
    static double entmaxBisect(double alpha, double[] z, double[] scratch, int off, int len, double center) {
        double a1 = alpha - 1;
        int k = off;
        for (int i = off; i < off + len; i++) {
            if (a1 * (z[i] - center) > -1) { // false for masked keys
                scratch[k++] = z[i];
            }
        }
        int candidates = k - off; // >= 1: the maximum
        double hi = Math.max(-1, -Math.pow(candidates, -a1));
        return RectifiedPowerEquation.solve(scratch, off, candidates, center, a1, 1 / a1, -1, hi);
    }
}
