package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * Top-k attention on one row: what is discarded, how it is certified, and the bounds from the
 * ordered logits alone (docs/papers/A.md §A.1–3).
 *
 * @param n          number of keys, masked ones included
 * @param unmasked   number of unmasked keys $n_{eff}$
 * @param k          the k asked for
 * @param tailMass       the tail mass $\tau = TV(P,\hat P) = 1 - Z_H/Z$, as computed
 * @param tailMassUpper  certified upper bound of the exact $\tau$
 * @param kl         $KL(\hat P\|P) = \log(Z/Z_H)$
 * @param singleGap  the single-gap bound
 * @param multiGap   the multi-gap (dyadic blocks) bound
 * @param gapOnly    the gap-only bound $\frac{n-k}{k}e^{-\Delta_k}$, capped at 1
 * @param keys       indices of the kept keys, largest logit first
 */
public record TopKResult(int n, int unmasked, int k, double tailMass, double tailMassUpper, double kl, double singleGap,
                         double multiGap, double gapOnly, int[] keys) {

    /** Copies {@code keys}. */
    public TopKResult {
        Check.notNull("keys", keys);
        keys = keys.clone();
    }

    static TopKResult of(RankedRow row, int k) {
        int h = row.kept(k);
        int[] keys = new int[h];
        for (int r = 0; r < h; r++) {
            keys[r] = row.keyAt(r);
        }
        return new TopKResult(row.size(), row.unmasked(), k, row.tailMass(k), row.tailMassUpper(k), row.kl(k),
                TailBound.SINGLE_GAP.upper(row, k), TailBound.DYADIC.upper(row, k), TailBound.GAP_ONLY.upper(row, k),
                keys);
    }

    /** A copy of the kept keys' indices. */
    @Override
    public int[] keys() {
        return keys.clone();
    }

    /** $1 - e^{-KL}$, which equals $\tau$ exactly in real arithmetic (docs/papers/A.md §A.2). */
    public double tvFromKl() {
        return -Math.expm1(-kl);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "TopKResult[k = %d of %d: tail mass tau = %.4e (certified <= %.4e), KL = %.4e; bounds: single gap %.3e, "
                        + "multi-gap %.3e, gap only %.3e]",
                Math.min(k, unmasked), unmasked, tailMass, tailMassUpper, kl, singleGap, multiGap, gapOnly);
    }
}
