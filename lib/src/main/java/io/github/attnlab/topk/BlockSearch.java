package io.github.attnlab.topk;

import io.github.attnlab.core.ArgSort;
import io.github.attnlab.simd.SimdOps;

/**
 * The search of {@link KeyBlocks#search}: score blocks in decreasing order of their bound, stop
 * when the unscored blocks are certified to hold at most $\varepsilon$ of the mass.
 *
 * <p>With scored keys S (sum $Z_S$), unscored blocks bounded by $R = \sum_b n_b e^{u_b} \ge Z_U$ and
 * any kept set $H \subseteq S$: $\tau(H) = 1 - Z_H/Z \le 1 - Z_H/(Z_S + R)$ because
 * $Z = Z_S + Z_U \le Z_S + R$. Keeping all of S certifies $R/(Z_S+R)$, so the search may stop as soon
 * as that is at most $\varepsilon$; it then keeps the fewest largest scored logits that still certify.
 * Exponentials are taken relative to the largest block bound $U$, so nothing overflows.
 */
final class BlockSearch {

    private BlockSearch() {
    }

    static SearchResult run(KeyBlocks index, double[] q, double scale, double eps) {
        SimdOps ops = SimdOps.get();
        int nb = index.blocks();
        int d = index.dim();
        double qNorm = Math.sqrt(ops.dot(q, 0, q, 0, d));
        double[] bound = new double[nb];
        for (int b = 0; b < nb; b++) {
            bound[b] = index.upperBound(b, q, qNorm, scale);
        }
        int[] order = ArgSort.descending(bound);
        double top = bound[order[0]];
        // remaining[i] = sum over blocks order[i..] of n_b e^{u_b - top}, smallest terms first
        double[] remaining = new double[nb + 1];
        long[] remainingTerms = new long[nb + 1];
        for (int i = nb - 1; i >= 0; i--) {
            int b = order[i];
            remaining[i] = remaining[i + 1] + index.members(b).length * Math.exp(bound[b] - top);
            remainingTerms[i] = remainingTerms[i + 1] + 2;
        }
        int n = index.size();
        double[] scored = new double[n];
        int[] scoredKey = new int[n];
        int m = 0;
        int blocksScored = 0;
        double zs = 0; // sum of e^{s_j - U} over the scored keys, accumulated block by block
        while (blocksScored < nb) {
            int first = m;
            for (int j : index.members(order[blocksScored])) {
                scored[m] = scale * ops.dot(q, 0, index.key(j), 0, d);
                if (!Double.isFinite(scored[m])) {
                    throw new IllegalArgumentException("the logit scale * <query, keys[" + j + "]> of key " + j
                            + " overflows to " + scored[m] + " (scale = " + scale + "): scale the query or the keys down");
                }
                scoredKey[m++] = j;
            }
            blocksScored++;
            zs += ops.sumExp(scored, first, m - first, top);
            double rUp = remainingUp(remaining, remainingTerms, blocksScored, nb);
            double tauAll = Rigor.ratioUp(rUp, Rigor.down(zs, m, Rigor.MAX_SPREAD));
            if (tauAll <= eps) {
                break;
            }
        }
        double rUp = remainingUp(remaining, remainingTerms, blocksScored, nb);
        return SearchResult.of(scored, scoredKey, m, rUp, top, eps, n, blocksScored, nb);
    }

    /** Upper bound of $\sum n_b e^{u_b - U}$ over the blocks not yet scored. */
    private static double remainingUp(double[] remaining, long[] terms, int scored, int nb) {
        return scored == nb ? 0 : Rigor.up(remaining[scored], terms[scored], Rigor.MAX_SPREAD);
    }
}
