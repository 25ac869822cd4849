package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * The outcome of certified top-k search over {@link KeyBlocks}: the keys kept, the certified tail
 * mass, and how many keys had to be scored to certify it.
 *
 * @param n            the number of keys
 * @param k            the number of keys kept
 * @param tailMassUpper     certified upper bound of $TV(P, \hat P_H)$ for the kept set H, at most $\varepsilon$
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
     * Picks the fewest largest scored logits whose certified tail mass, with the unscored mass bounded
     * by {@code remainingUp} (relative to $e^{top}$), is at most eps.
     */
    static SearchResult of(double[] scored, int[] scoredKey, int m, double remainingUp, double top, double eps, int n,
                           int blocksScored, int blocks) {
        RankedRow row = new RankedRow().rank(scored, 0, m);
        double shift = top - row.max(); // >= 0 up to rounding of the bounds
        double rRel = remainingUp == 0 ? 0
                : Math.nextUp(remainingUp * Math.exp(shift) * (1 + Rigor.delta(3, Math.abs(shift))));
        int h = 0;
        double tauUp = 1;
        while (h < row.unmasked() && (h == 0 || tauUp > eps)) {
            h++;
            double tailUp = (h == row.unmasked() ? 0 : Rigor.up(row.tailSum(h), row.unmasked() - h, row.spread()))
                    + rRel;
            tauUp = Rigor.ratioUp(Math.nextUp(tailUp), Rigor.down(row.headSum(h), h, row.spread()));
        }
        int[] keys = new int[h];
        for (int r = 0; r < h; r++) {
            keys[r] = scoredKey[row.keyAt(r)];
        }
        return new SearchResult(n, h, tauUp, eps, m, blocksScored, blocks, keys);
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
