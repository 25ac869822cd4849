package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;
import java.util.Locale;

/**
 * The head–tail decomposition of attention and the exact error of top-k attention
 * (docs/papers/A.md §A.4–6).
 *
 * <p>With $\mu_{head} = \sum_{i\in H}\hat P_i v_i = \mathrm{Attn}_k$ and
 * $\mu_{tail} = \sum_{i\in T} P_i v_i / \tau$:
 * $\mathrm{Attn} = (1-\tau)\mu_{head} + \tau\mu_{tail}$, hence
 * $\|\mathrm{Attn} - \mathrm{Attn}_k\|_2 = \tau\|\mu_{tail} - \mu_{head}\|_2$ exactly (§A.4).
 * Bounds: $\le \tau\,\mathrm{diam}_{H,T}$ with $\mathrm{diam}_{H,T} = \max_{i\in H, j\in T}\|v_i - v_j\|_2$
 * (§A.5), and, since $\mathrm{Var}_P(V) \ge \tau(1-\tau)\|\mu_{tail}-\mu_{head}\|^2$,
 * $\le \sqrt{\tau/(1-\tau)\cdot\mathrm{Var}_P(V)}$ (§A.6, [derived]). Both bounds use the certified
 * $\tau$, round outward, and add $8(n+d)\,u\max_i\|v_i\|_2$ ($u = 2^{-53}$) for the rounding
 * of the outputs themselves, so they dominate the computed error, not only the exact one.
 *
 * <p>Cost: $O(nd)$ for the means and the variance, and $O(k(n-k)d)$ for $\mathrm{diam}_{H,T}$, which
 * compares every kept value with every discarded one (0.15 s measured at $n = 4096$, $k = n/2$, $d = 64$).
 *
 * <p>When the tail is empty or its mass underflows, $\mu_{tail}$ is defined as $\mu_{head}$.
 *
 * @param k                 the k asked for
 * @param tailMass          the tail mass $\tau$
 * @param attention         $\mathrm{Attn} = \sum_i P_i v_i$, computed directly
 * @param muHead            $\mu_{head} = \mathrm{Attn}_k$
 * @param muTail            $\mu_{tail}$
 * @param error             $\|\mathrm{Attn} - \mathrm{Attn}_k\|_2$
 * @param decomposition     $\tau\|\mu_{tail} - \mu_{head}\|_2$, equal to {@code error} in exact arithmetic
 * @param diameter          $\mathrm{diam}_{H,T}$
 * @param diameterBound     $\tau^{+}\mathrm{diam}_{H,T}$
 * @param variance          $\mathrm{Var}_P(V) = \sum_i P_i\|v_i - \mathrm{Attn}\|^2$
 * @param varianceBound     $\sqrt{\tau^{+}/(1-\tau^{+})\cdot\mathrm{Var}_P(V)}$
 */
public record HeadTail(int k, double tailMass, double[] attention, double[] muHead, double[] muTail, double error,
                       double decomposition, double diameter, double diameterBound, double variance,
                       double varianceBound) {

    /** Copies the vectors. */
    public HeadTail {
        Check.notNull("attention", attention);
        Check.notNull("muHead", muHead);
        Check.notNull("muTail", muTail);
        attention = attention.clone();
        muHead = muHead.clone();
        muTail = muTail.clone();
    }

    static HeadTail of(RankedRow row, double[][] v, int k) {
        int h = row.kept(k);
        int n = row.unmasked();
        int d = v[0].length;
        double[] attn = new double[d];
        double[] head = new double[d];
        double[] tail = new double[d];
        SimdOps ops = SimdOps.get();
        double z = row.headSum(row.size());
        double zh = row.headSum(k);
        double zt = row.tailSum(k);
        for (int r = 0; r < n; r++) {
            double[] vi = v[row.keyAt(r)];
            double e = row.expAt(r);
            ops.axpy(e / z, vi, 0, attn, 0, d);
            if (r < h) {
                ops.axpy(e / zh, vi, 0, head, 0, d);
            } else if (zt > 0) {
                ops.axpy(e / zt, vi, 0, tail, 0, d);
            }
        }
        if (!(zt > 0)) {
            System.arraycopy(head, 0, tail, 0, d);
        }
        double tau = row.tailMass(k);
        double tauUp = row.tailMassUpper(k);
        double error = Math.sqrt(ops.squaredDistance(attn, 0, head, 0, d));
        double decomposition = tau * Math.sqrt(ops.squaredDistance(tail, 0, head, 0, d));

        double diam2 = 0;
        for (int i = 0; i < h; i++) {
            double[] vi = v[row.keyAt(i)];
            for (int j = h; j < n; j++) {
                diam2 = Math.max(diam2, ops.squaredDistance(vi, 0, v[row.keyAt(j)], 0, d));
            }
        }
        double diameter = Math.sqrt(diam2);
        double variance = 0;
        for (int r = 0; r < n; r++) {
            variance += row.expAt(r) / z * ops.squaredDistance(v[row.keyAt(r)], 0, attn, 0, d);
        }
        double slack = 1 + Rigor.delta(n + 2L * d, row.spread());
        double vmax = 0;
        for (int r = 0; r < n; r++) {
            double[] vi = v[row.keyAt(r)];
            vmax = Math.max(vmax, Math.sqrt(ops.dot(vi, 0, vi, 0, d)));
        }
        // The computed outputs carry absolute rounding errors of order (n + d) u max|v_i|.
        double absolute = 8 * (n + d) * Rigor.U * vmax;
        double diameterBound = tauUp == 0 ? 0 : Math.nextUp(tauUp * diameter * slack + absolute);
        double varianceBound = tauUp == 0 ? 0 : tauUp >= 1 ? Double.POSITIVE_INFINITY
                : Math.nextUp(Math.sqrt(tauUp / (1 - tauUp) * variance) * slack + absolute);
        return new HeadTail(k, tau, attn, head, tail, error, decomposition, diameter, diameterBound, variance,
                varianceBound);
    }

    @Override
    public double[] attention() {
        return attention.clone();
    }

    /** $\mu_{head}$, which is top-k attention's output $\mathrm{Attn}_k$ (a copy). */
    @Override
    public double[] muHead() {
        return muHead.clone();
    }

    @Override
    public double[] muTail() {
        return muTail.clone();
    }

    /** $|\,\text{error} - \text{decomposition}\,|$: how far the exact identity of §A.4 is from holding here. */
    public double identityResidual() {
        return Math.abs(error - decomposition);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "HeadTail[k = %d: ||Attn - Attn_k|| = %.4e = tau*||mu_tail - mu_head|| (residual %.1e); "
                        + "diameter bound %.4e, variance bound %.4e]",
                k, error, identityResidual(), diameterBound, varianceBound);
    }
}
