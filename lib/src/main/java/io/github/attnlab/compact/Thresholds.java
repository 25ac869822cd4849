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
     * the row. The caller lists them ({@link CandidateRows}): {@code v[off, off + count)} holds the differences
     * $z_i - m$ of the candidates in index order, and is partitioned in place; {@code rowLength} seeds the pivots.
     */
    static double sparsemaxPivot(double[] v, int off, int count, int rowLength) {
        int lo = off;
        int hi = off + count;
        double sum = 0;
        long taken = 0;
        long rng = 0x9E3779B97F4A7C15L ^ rowLength;
        while (lo < hi) {
            rng ^= rng << 13;
            rng ^= rng >>> 7;
            rng ^= rng << 17;
            double pivot = v[lo + (int) Long.remainderUnsigned(rng, hi - lo)];
            // three-way partition of [lo, hi): greater | equal | less
            int gt = lo;
            int i = lo;
            int lt = hi;
            double sumGe = 0;
            while (i < lt) {
                double u = v[i];
                if (u > pivot) {
                    swap(v, gt++, i++);
                    sumGe += u;
                } else if (u < pivot) {
                    swap(v, i, --lt);
                } else {
                    i++;
                    sumGe += u;
                }
            }
            long ge = taken + (lt - lo);
            if (sum + sumGe - ge * pivot < 1) {
                sum += sumGe;
                taken = ge;
                lo = lt;
            } else {
                hi = gt;
            }
        }
        return (sum - 1) / taken;
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
     * $\alpha$-entmax for any $\alpha &gt; 1$: the root $\tau'$ of
     * $f(t) = \sum_i [x_i - t]_+^{\beta} - 1$, $x_i = (\alpha-1)(z_i - m)$, $\beta = 1/(\alpha-1)$, on the bracket
     * $[-1, -k^{1-\alpha}]$ ($k$ candidates; at the left end the largest term alone is 1, at the right end every
     * term is at most $1/k$), by safeguarded Newton steps from the left end: the step
     * $t - f(t)/f'(t)$, $f'(t) = -\beta\sum_i [x_i - t]_+^{\beta-1}$, when it lands inside the bracket, bisection
     * otherwise. For $\beta \ge 1$ ($\alpha \le 2$) $f$ is convex, so the steps rise monotonically to the root
     * and converge quadratically; the search stops, as {@link RectifiedPowerEquation} does, when a step falls below
     * two ulps of $t$ or the bracket cannot shrink.
     *
     * <p>The equation is solved over the candidates only: the $k$ scores with $x_i &gt; -1$, listed in index order in
     * {@code z[off, off + k)} by the caller ({@link CandidateRows}). A score outside has a bracket $\le 0$ at
     * $\tau' = -1$, hence at every $\tau'$ of the bracket, and contributes nothing to the sum or to its slope. Each
     * step is one scalar pass over the short list computing $f$ and $f'$ together, in index order, so both paths
     * give the same bits; {@code work[off, off + k)} receives the $x_i$.
     */
    static double entmaxBisect(double alpha, double[] z, double[] work, int off, int k, double center) {
        double a1 = alpha - 1;
        double beta = 1 / a1;
        for (int j = off; j < off + k; j++) {
            work[j] = a1 * (z[j] - center);
        }
        double lo = -1;
        double hi = Math.max(-1, -Math.pow(k, -a1));
        if (hi == lo) {
            return lo;
        }
        int n = (int) Math.rint(beta);
        int integer = n >= 1 && n <= 4 && Math.abs(beta - n) <= 1e-12 * n ? n : 0;
        double t = lo;
        for (int it = 0; it < RectifiedPowerEquation.MAX_ITERATIONS; it++) {
            double sum = 0;
            double sumLower = 0;
            if (integer == 2) { // 1.5-entmax, without branches: r = 0 adds nothing
                for (int j = off; j < off + k; j++) {
                    double r = Math.max(work[j] - t, 0.0);
                    sum += r * r;
                    sumLower += r;
                }
            } else {
                for (int j = off; j < off + k; j++) {
                    double r = work[j] - t;
                    if (r > 0) {
                        double lower = lowerPower(r, integer, beta);
                        sum += lower * r;
                        sumLower += lower;
                    }
                }
            }
            double f = sum - 1;
            if (f == 0) {
                return t;
            } else if (f > 0) {
                lo = t;
            } else {
                hi = t;
            }
            double u = RectifiedPowerEquation.safeguarded(t, t + f / (beta * sumLower), lo, hi);
            if (u == t) {
                return t;
            }
            t = u;
        }
        return t;
    }

    /** $r^{\beta-1}$ for $r &gt; 0$: by multiplication when $\beta$ is the integer {@code n} of 1 to 4, else by pow. */
    private static double lowerPower(double r, int n, double beta) {
        switch (n) {
            case 1:
                return 1;
            case 2:
                return r;
            case 3:
                return r * r;
            case 4:
                return r * r * r;
            default:
                return Math.pow(r, beta - 1);
        }
    }
}
