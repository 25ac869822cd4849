package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;

/**
 * Top-k attention on one row of logits, certified by total variation (docs/papers/A.md §A; Tzachristas
 * et al., 2025): the fluent entry point for notebook cells.
 *
 * <pre>{@code
 * TopK t = TopK.of(logits);
 * t.keep(32)          // TopKResult: tau, KL, certified tau, the bounds from ordered logits
 * t.certify(0.01)     // Certificate: the smallest k whose certified tau <= 0.01
 * t.withValues(v).headTail(32)   // HeadTail: mu_head, mu_tail, the exact error and its bounds
 * t.curve().png()     // tau(k) and every bound against k
 * }</pre>
 *
 * <p>With $P = \mathrm{softmax}(s)$, $H$ the k largest logits, $T$ the rest and $\hat P$ the
 * restriction of $P$ to $H$, renormalised: $TV(P, \hat P) = P(T) = \tau$ and
 * $KL(\hat P \| P) = \log(Z/Z_H)$, so $\tau = 1 - e^{-KL}$.
 *
 * <p>Rows follow the row contract ({@link LogitRow}, {@code docs/row-contract.md}): $-\infty$ marks a masked
 * key, which has probability 0, is never kept ahead of an unmasked key and does not count in $n$ of the
 * bounds; NaN and $+\infty$ logits, and a row with no unmasked key, are refused.
 *
 * <p>Immutable: {@link #of} validates and copies; the ranking is computed once, on the first
 * terminal call, and shared by later calls.
 */
public final class TopK {

    private final double[] logits;
    private final double[][] values;
    private volatile RankedRow ranked;

    private TopK(double[] logits, double[][] values, RankedRow ranked) {
        this.logits = logits;
        this.values = values;
        this.ranked = ranked;
    }

    /** A row of logits (copied). */
    public static TopK of(double... logits) {
        LogitRow.validate("logits", logits);
        return new TopK(logits.clone(), null, null);
    }

    /** A row of float logits, widened to double. */
    public static TopK of(float[] logits) {
        LogitRow.validate("logits", logits);
        double[] d = new double[logits.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = logits[i];
        }
        return of(d);
    }

    /** The same logits with value vectors $v_i$, one row per key (copied); needed by {@link #headTail}. */
    public TopK withValues(double[][] values) {
        return new TopK(logits, valuesFor(values, logits.length), ranked);
    }

    private static double[][] valuesFor(double[][] values, int keys) {
        double[][] copy = Check.finiteCopy("values", values);
        Check.size("values.length", copy.length, keys);
        return copy;
    }

    /** The number of keys, masked ones included. */
    public int size() {
        return logits.length;
    }

    /** A copy of the logits. */
    public double[] logits() {
        return logits.clone();
    }

    /** $P = \mathrm{softmax}(s)$. */
    public double[] probabilities() {
        RankedRow r = ranked();
        double[] p = new double[logits.length];
        double z = r.headSum(r.size());
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - r.max()) / z;
        }
        return p;
    }

    /**
     * $\tau(H) = 1 - Z_H/Z = TV(P, \hat P_H)$ for any kept set H (distinct key indices), for example
     * the keys a {@link KeyBlocks#search} kept.
     */
    public double tailMassOf(int[] kept) {
        Check.notNull("kept", kept);
        RankedRow r = ranked();
        boolean[] in = new boolean[logits.length];
        double head = 0;
        for (int t = 0; t < kept.length; t++) {
            int i = Check.index("kept[" + t + "]", kept[t], logits.length);
            if (in[i]) {
                throw new IllegalArgumentException("kept[" + t + "] = " + i + " appears twice");
            }
            in[i] = true;
        }
        double tail = 0;
        for (int i = 0; i < logits.length; i++) {
            double e = Math.exp(logits[i] - r.max());
            if (in[i]) {
                head += e;
            } else {
                tail += e;
            }
        }
        return tail / (head + tail);
    }

    /** Keeps the top {@code k}: tail mass, KL, certificate and bounds. */
    public TopKResult keep(int k) {
        return TopKResult.of(ranked(), k);
    }

    /** The smallest k whose certified (exact-sum) tail mass is at most {@code eps}. */
    public Certificate certify(double eps) {
        return certify(eps, TailBound.EXACT);
    }

    /**
     * The smallest k whose given bound certifies a tail mass of at most {@code eps}: O(n) for every bound
     * but the multi-gap one, O(n log n). What the bound certifies, in which regimes and with which rounding
     * allowances: {@code docs/certificates.md}.
     */
    public Certificate certify(double eps, TailBound bound) {
        Check.notNull("bound", bound);
        RankedRow r = ranked();
        int k = r.certifiedK(eps, bound);
        double t = bound.upper(r, k);
        return new Certificate(eps, k, t, r.size(), r.unmasked(), bound);
    }

    /** The head–tail decomposition of top-k attention (docs/papers/A.md §A.4–6); needs {@link #withValues}. */
    public HeadTail headTail(int k) {
        Check.state(values != null, "headTail needs value vectors: call withValues(values) first");
        return HeadTail.of(ranked(), values, k);
    }

    /** $\tau(k)$ and every bound of {@link TailBound} for each k, ready to plot. */
    public TailCurve curve() {
        return TailCurve.of(ranked(), 16);
    }

    private RankedRow ranked() {
        RankedRow r = ranked;
        if (r == null) {
            synchronized (this) {
                r = ranked;
                if (r == null) {
                    r = new RankedRow().rank(logits);
                    ranked = r;
                }
            }
        }
        return r;
    }

    @Override
    public String toString() {
        return "TopK[n=" + logits.length + (values == null ? "" : ", values " + values[0].length + "-dim") + "]";
    }
}
