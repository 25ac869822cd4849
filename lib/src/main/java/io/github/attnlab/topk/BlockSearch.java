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
 *
 * <p>Nothing overflows and nothing is NaN, however far the bounds lie above the logits: the unscored
 * mass is kept relative to the largest unscored bound $u$ ({@code rest[i]}, built from the smallest
 * bound up with every operation rounded up), the scored mass relative to the largest scored logit $M$,
 * and the two meet at $\max(M, u)$, where every exponent is at most 0. The scored sums allow for the
 * rounding of the scored logits themselves ({@link KeyBlocks#logitError}): the certificate bounds the
 * tail mass of the exact logits $c\langle q, k_j\rangle$ (see {@code docs/certificates.md}).
 */
final class BlockSearch {

    private BlockSearch() {
    }

    static SearchResult run(KeyBlocks index, double[] q, double scale, double eps) {
        SimdOps ops = SimdOps.get();
        int nb = index.blocks();
        int d = index.dim();
        double qNorm = Math.sqrt(ops.dot(q, 0, q, 0, d));
        double[] absQ = new double[d];
        for (int c = 0; c < d; c++) {
            absQ[c] = Math.abs(q[c]);
        }
        double[] bound = new double[nb];
        for (int b = 0; b < nb; b++) {
            double u = index.upperBound(b, q, qNorm, scale);
            bound[b] = Double.isNaN(u) ? Double.POSITIVE_INFINITY : u; // an overflowed bound bounds nothing
        }
        int[] order = ArgSort.descending(bound);
        // rest[i] >= sum over blocks order[i..] of n_b e^{u_b - u_{order[i]}}: at least n_{order[i]}, at most n
        double[] rest = new double[nb + 1];
        for (int i = nb - 1; i >= 0; i--) {
            double size = index.members(order[i]).length;
            rest[i] = i == nb - 1 ? size
                    : Rigor.addUp(size, Rigor.mulUp(rest[i + 1], Rigor.expUp(bound[order[i + 1]], bound[order[i]])));
        }
        int n = index.size();
        double[] scored = new double[n];
        int[] scoredKey = new int[n];
        int m = 0;
        int blocksScored = 0;
        double top = Double.NEGATIVE_INFINITY; // M, the largest scored logit
        double zs = 0; // a lower bound of the sum of e^{s_j - M} over the scored logits as computed
        double logitError = 0; // a bound on |computed - exact| over the scored logits
        double tauAll = 1;
        while (blocksScored < nb) {
            int block = order[blocksScored];
            int first = m;
            double blockTop = Double.NEGATIVE_INFINITY;
            for (int j : index.members(block)) {
                scored[m] = scale * ops.dot(q, 0, index.key(j), 0, d);
                if (!Double.isFinite(scored[m])) {
                    throw new IllegalArgumentException("the logit scale * <query, keys[" + j + "]> of key " + j
                            + " overflows to " + scored[m] + " (scale = " + scale + "): scale the query or the keys down");
                }
                blockTop = Math.max(blockTop, scored[m]);
                scoredKey[m++] = j;
            }
            blocksScored++;
            logitError = Math.max(logitError, index.logitError(block, absQ, scale));
            if (blockTop > top) {
                zs = Rigor.mulDown(zs, Rigor.expDown(top, blockTop));
                top = blockTop;
            }
            if (top > Double.NEGATIVE_INFINITY && top < Double.POSITIVE_INFINITY) {
                int len = m - first;
                zs = Rigor.addDown(zs, Rigor.down(ops.sumExp(scored, first, len, top), len, Rigor.MAX_SPREAD, len));
            }
            tauAll = blocksScored == nb ? 0
                    : tauAll(rest[blocksScored], bound[order[blocksScored]], zs, top, logitError);
            if (tauAll <= eps) {
                break;
            }
        }
        double restMass = blocksScored == nb ? 0 : rest[blocksScored];
        double restBound = blocksScored == nb ? Double.NEGATIVE_INFINITY : bound[order[blocksScored]];
        return SearchResult.of(scored, scoredKey, m, restMass, restBound, logitError, tauAll, eps, n, blocksScored, nb);
    }

    /**
     * An upper bound of $R/(Z_S + R)$ with $R \le$ {@code rest} $e^{u}$ and
     * $Z_S \ge$ {@code zs} $e^{M - \text{logitError}}$, both taken relative to $\max(M, u)$.
     */
    private static double tauAll(double rest, double u, double zs, double top, double logitError) {
        double c = Math.max(top, u);
        double restUp = Rigor.mulUp(rest, Rigor.expUp(u, c));
        double scoredDown = Rigor.mulDown(Rigor.mulDown(zs, Rigor.expDown(top, c)), Rigor.expDown(-logitError, 0));
        return Rigor.ratioUp(restUp, scoredDown);
    }
}
