package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * The outcome of certified top-k search over {@link KeyBlocks}: the keys kept, the certified tail
 * mass, and how many keys had to be scored to certify it.
 *
 * @param n            the number of keys
 * @param k            the number of keys kept
 * @param tailMassUpper certified upper bound of $TV(P, \hat P_H)$ for the kept set H, at most $\varepsilon$, with
 *                      $P$ the softmax of the exact logits $c\langle q, k_j\rangle$ ({@code docs/certificates.md})
 * @param eps          the budget $\varepsilon$
 * @param keysScored   keys whose logit was computed
 * @param blocksScored blocks whose keys were scored
 * @param blocks       blocks in the index (each had its bound evaluated)
 * @param keys         indices of the kept keys, largest logit first
 */
public record SearchResult(int n, int k, double tailMassUpper, double eps, int keysScored, int blocksScored, int blocks,
                           int[] keys) {

    /** Copies {@code keys}. */
    public SearchResult {
        Check.notNull("keys", keys);
        keys = keys.clone();
    }

    /**
     * Picks the fewest largest scored logits whose certified tail mass is at most eps (by bisection; if none
     * certifies, which only masked scored keys can cause, all unmasked ones). The unscored
     * mass is at most {@code restMass} $e^{u}$ with $u$ = {@code restBound}; every scored logit is
     * within {@code logitError} of its exact value; {@code tauAll} bounds the tail mass of keeping
     * every scored key (the search's stopping certificate). Sums are taken relative to
     * $\max(M, u)$, $M$ the largest scored logit, so nothing overflows.
     */
    static SearchResult of(double[] scored, int[] scoredKey, int m, double restMass, double restBound,
                           double logitError, double tauAll, double eps, int n, int blocksScored, int blocks) {
        RankedRow row = new RankedRow().rank(scored, 0, m);
        double top = row.max();
        double c = restMass == 0 ? top : Math.max(top, restBound);
        double rest = restMass == 0 ? 0 : Rigor.mulUp(restMass, Rigor.expUp(restBound, c));
        // a scored term e^{s_j - c} lies within e^{+-logitError} of e^{s_hat_j - M} e^{M - c}
        double headScale = Rigor.mulDown(Rigor.expDown(top, c), Rigor.expDown(-logitError, 0));
        double tailScale = Rigor.mulUp(Rigor.expUp(top, c), Rigor.expUp(logitError, 0));
        // the certificate of keeping the top h is non-increasing in h (up to the last ulp of its quotient): bisect
        int u = row.unmasked();
        int lo = 1;
        int hi = u;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (certificate(row, mid, m, rest, headScale, tailScale, tauAll) <= eps) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int h = u == 0 ? 0 : lo;
        double tauUp = u == 0 ? 1 : certificate(row, h, m, rest, headScale, tailScale, tauAll);
        int[] keys = new int[h];
        for (int r = 0; r < h; r++) {
            keys[r] = scoredKey[row.keyAt(r)];
        }
        return new SearchResult(n, h, tauUp, eps, m, blocksScored, blocks, keys);
    }

    /** The certified tail mass of keeping the top h of the m scored keys, relative to $\max(M, u)$. */
    private static double certificate(RankedRow row, int h, int m, double rest, double headScale, double tailScale,
                                      double tauAll) {
        double tail = h == m ? 0 : Rigor.up(row.tailSum(h), m, row.spread(), m - h);
        double tailUp = Rigor.addUp(Rigor.mulUp(tail, tailScale), rest);
        double tauUp = Rigor.ratioUp(tailUp, Rigor.mulDown(row.headDown(h), headScale));
        // at h = m both bound the tail mass of keeping every scored key
        return h == m ? Math.min(tauUp, tauAll) : tauUp;
    }

    @Override
    public int[] keys() {
        return keys.clone();
    }

    /** $n$ / keys scored: how many times fewer logits than full attention. */
    public double reduction() {
        return (double) n / keysScored;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "SearchResult[kept %d of %d keys, certified tau <= %.3e <= %s; scored %d keys in %d of %d blocks "
                        + "(%.2fx fewer)]",
                k, n, tailMassUpper, eps, keysScored, blocksScored, blocks, reduction());
    }
}
