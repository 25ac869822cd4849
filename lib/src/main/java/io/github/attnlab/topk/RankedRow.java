package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.ArgSort;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.simd.SimdOps;

/**
 * A reusable workspace holding one row of logits ranked in descending order, with the prefix and
 * suffix sums of $e^{s_{(i)} - s_{(1)}}$: the engine behind {@link TopK}, for loops over many rows.
 *
 * <p>After {@link #rank}, every quantity of top-k attention for every k is available in O(1):
 * with $e_i = e^{s_{(i)} - s_{(1)}}$, the head sum $Z_H(k) = \sum_{i \le k} e_i$, the tail sum
 * $Z_T(k) = \sum_{i > k} e_i$ and the discarded tail mass $\tau(k) = Z_T / (Z_H + Z_T)$
 * (docs/papers/A.md §A.1). Tail sums are accumulated from the smallest term up, so small $\tau$ keeps its
 * relative accuracy. Masked keys ($-\infty$) rank last and carry no mass; $n_{eff}$ counts the
 * others.
 *
 * <p>Not thread-safe and mutable by design (the allocation-free surface); the fluent {@link TopK}
 * keeps its own private instance.
 */
public final class RankedRow {

    private int n;
    private int unmasked;
    private int[] order = new int[0];
    private double[] sorted = new double[0];
    private double[] exps = new double[0];
    private double[] prefix = new double[1];
    private double[] suffix = new double[1];
    private double spread;
    private final ArgSort argSort = new ArgSort();

    /** An empty workspace; its buffers grow to the longest row ranked. */
    public RankedRow() {
    }

    /**
     * Validates and ranks {@code s[off..off+n)}; the array is not modified.
     *
     * @return this workspace, for chaining
     * @throws IllegalArgumentException unless the row satisfies the row contract ({@link LogitRow}: no NaN or
     *                                  $+\infty$ logit, at least one unmasked key)
     */
    public RankedRow rank(double[] logits, int off, int len) {
        return rank("logits", logits, off, len);
    }

    /** {@link #rank(double[], int, int)}, naming the row {@code name} in error messages. */
    RankedRow rank(String name, double[] logits, int off, int len) {
        int live = LogitRow.validate(name, logits, off, len);
        ensure(len);
        argSort.descending(logits, off, len, order);
        for (int i = 0; i < len; i++) {
            sorted[i] = logits[off + order[i]];
        }
        this.n = len;
        this.unmasked = live;
        prefix[0] = 0;
        double max = sorted[0];
        SimdOps.get().expShift(sorted, 0, unmasked, max, exps, 0);
        for (int i = 0; i < unmasked; i++) {
            prefix[i + 1] = prefix[i] + exps[i];
        }
        suffix[unmasked] = 0;
        for (int i = unmasked - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + exps[i];
        }
        spread = max - sorted[unmasked - 1];
        return this;
    }

    /** Ranks a whole array. */
    public RankedRow rank(double[] logits) {
        return rank(logits, 0, io.github.attnlab.core.Check.notNull("logits", logits).length);
    }

    private void ensure(int len) {
        if (order.length < len) {
            order = new int[len];
            sorted = new double[len];
            exps = new double[len];
            prefix = new double[len + 1];
            suffix = new double[len + 1];
        }
    }

    /** The number of keys, masked ones included. */
    public int size() {
        return n;
    }

    /** $n_{eff}$: the number of keys that are not masked. */
    public int unmasked() {
        return unmasked;
    }

    /** Index (into the ranked row) of the key of rank {@code r}, 0-based. */
    public int keyAt(int r) {
        Check.index("r", r, n);
        return order[r];
    }

    /** The logit of rank {@code r}, 0-based: $s_{(r+1)}$. */
    public double logitAt(int r) {
        Check.index("r", r, n);
        return sorted[r];
    }

    /** The largest logit, $s_{(1)}$. */
    public double max() {
        return sorted[0];
    }

    /** Checks {@code 1 <= k <= size()} and returns the number of unmasked keys among the top k. */
    int kept(int k) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k = " + k + " is outside [1, " + n + "]");
        }
        return Math.min(k, unmasked);
    }

    /** $Z_H(k) / e^{s_{(1)}}$: the head sum of the top k, relative to the largest term. */
    public double headSum(int k) {
        return prefix[kept(k)];
    }

    /** $Z_T(k) / e^{s_{(1)}}$: the tail sum after the top k, relative to the largest term. */
    public double tailSum(int k) {
        return suffix[kept(k)];
    }

    /**
     * The discarded tail mass $\tau(k) = TV(P, \hat P_k) = Z_T/(Z_H + Z_T)$ as computed (an estimate
     * accurate to a few ulps; see {@link #tailMassUpper} for a certificate).
     */
    public double tailMass(int k) {
        int h = kept(k);
        return suffix[h] / (prefix[h] + suffix[h]);
    }

    /** $KL(\hat P_k \| P) = \log(Z/Z_H) = \log(1 + Z_T/Z_H)$ (docs/papers/A.md §A.2). */
    public double kl(int k) {
        int h = kept(k);
        return Math.log1p(suffix[h] / prefix[h]);
    }

    /**
     * A certified upper bound of the exact $\tau(k)$ of these logits: the computed sums moved outward
     * by their worst-case rounding error ({@link Rigor}), including an absolute $4 \cdot 2^{-1074}$ per
     * tail key for terms that are subnormal or underflow. Never below the exact tail mass, in any
     * floating-point regime; positive whenever a key is left out (see {@code docs/certificates.md}).
     *
     * <p>Both sums are widened by the relative error bound of a sum of all $n_{eff}$ terms and the tail
     * by an absolute allowance that shrinks with k, so the certificate is non-increasing in k up to the
     * rounding of its final quotient, which lets {@link #certifiedK(double)} bisect.
     */
    public double tailMassUpper(int k) {
        int h = kept(k);
        if (h == unmasked) {
            return 0;
        }
        return Rigor.ratioUp(Rigor.up(suffix[h], unmasked, spread, unmasked - h), headDown(h));
    }

    /**
     * A lower bound of the exact head sum $Z_H / e^{s_{(1)}}$ of the top h unmasked keys, the same for
     * every bound of {@link TailBound}.
     */
    double headDown(int h) {
        return Rigor.down(prefix[h], unmasked, spread, unmasked);
    }

    /**
     * The smallest k whose certified tail mass {@link #tailMassUpper} is at most {@code eps}
     * (docs/papers/A.md §A.8).
     *
     * @throws IllegalArgumentException unless $0 < \varepsilon < 1$
     */
    public int certifiedK(double eps) {
        checkEps(eps);
        int lo = 1;
        int hi = unmasked; // tailMassUpper(unmasked) = 0 <= eps
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tailMassUpper(mid) <= eps) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The smallest k whose bound {@code bound} certifies $\tau \le \varepsilon$. Costs $O(n)$ for every bound
     * but the multi-gap one ($O(n \log n)$); see {@link TailBound}.
     */
    public int certifiedK(double eps, TailBound bound) {
        checkEps(eps);
        io.github.attnlab.core.Check.notNull("bound", bound);
        return bound.certifiedK(this, eps);
    }

    static void checkEps(double eps) {
        io.github.attnlab.core.Check.open("eps", eps, 0, 1);
    }

    /** $e^{s_{(r+1)} - s_{(1)}}$ for rank r (0-based, r below {@link #unmasked()}). */
    double expAt(int r) {
        return exps[r];
    }

    /** $s_{(1)} - s_{(n_{eff})}$, the spread of the unmasked logits. */
    double spread() {
        return spread;
    }
}
