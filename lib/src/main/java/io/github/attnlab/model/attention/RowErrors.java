package io.github.attnlab.model.attention;

import io.github.attnlab.simd.SimdOps;

/**
 * The exact error of one attention row under a rule, against dense softmax of the same logits, with the head–tail
 * bounds of docs/papers/A.md §A.4–6 for a kept set $H$ (any set, not only a top-k one); a reusable workspace.
 *
 * <p>With $P = \mathrm{softmax}(s)$, $\tau = P(T)$, $\mu_H = \sum_{i\in H} P_i v_i/(1-\tau) = \mathrm{Attn}_H$ and
 * $\mu_T = \sum_{j \in T} P_j v_j/\tau$: $\mathrm{Attn} = (1-\tau)\mu_H + \tau\mu_T$, so
 * $\|\mathrm{Attn} - \mathrm{Attn}_H\|_2 = \tau\|\mu_T - \mu_H\|_2$, which is at most
 * $\sqrt{\tau/(1-\tau)\,\mathrm{Var}_P(V)}$ (because $\mathrm{Var}_P(V) \ge \tau(1-\tau)\|\mu_T - \mu_H\|^2$, the
 * between-group part of the variance) and at most $\tau\,\mathrm{diam}_{H,T}$. These are the bounds of
 * {@code topk.HeadTail}, which states them for top-k sets; the proofs use nothing of the order, so they hold for
 * every kept set. For a rule that is not a truncation, with weights $p$: the error is
 * $\|\sum_i (P_i - p_i) v_i\|_2 \le \mathrm{TV}(P, p)\,\max_{i,j}\|v_i - v_j\|_2$ since $\sum_i (P_i - p_i) = 0$.
 *
 * <p>Everything is in double from the model's float logits and values. The bounds are widened by a margin for the
 * double rounding of the sums, $16(n + d + 10)u$ relative plus $8(n+d)\,u\max_i\|v_i\|$ absolute ($u = 2^{-53}$),
 * as {@code HeadTail} does, so that they dominate the computed error.
 */
final class RowErrors {

    private static final double U = 0x1.0p-53;

    private double[] e = new double[0];
    private double[] attn = new double[0];
    private double[] head = new double[0];

    /** $\tau$ (or TV), error, variance bound, diameter bound of the last row. */
    double tv;
    double error;
    double varianceBound;
    double diameterBound;

    private void ensure(int n, int d) {
        if (e.length < n) {
            e = new double[n];
        }
        if (attn.length < d) {
            attn = new double[d];
            head = new double[d];
        }
    }

    /**
     * A truncation: logits {@code s[0, n)}, values {@code v} (n rows of d; null for $\tau$ alone), kept set
     * {@code keep}.
     *
     * @param vmax $\max_i \|v_i\|_2$
     */
    void truncation(double[] s, int n, double[][] v, int d, double vmax, boolean[] keep, boolean diameter) {
        if (v == null) {
            tauOnly(s, n, keep);
            return;
        }
        ensure(n, d);
        SimdOps ops = SimdOps.get();
        double max = ops.max(s, 0, n);
        ops.expShift(s, 0, n, max, e, 0);
        double zh = 0;
        double zt = 0;
        for (int j = 0; j < n; j++) {
            if (keep[j]) {
                zh += e[j];
            } else {
                zt += e[j];
            }
        }
        double z = zh + zt; // so that keeping every key gives Attn_H = Attn to the last bit
        java.util.Arrays.fill(attn, 0, d, 0);
        java.util.Arrays.fill(head, 0, d, 0);
        for (int j = 0; j < n; j++) {
            ops.axpy(e[j] / z, v[j], 0, attn, 0, d);
            if (keep[j]) {
                ops.axpy(e[j] / zh, v[j], 0, head, 0, d);
            }
        }
        tv = zt / (zh + zt);
        error = Math.sqrt(ops.squaredDistance(attn, 0, head, 0, d));
        double variance = 0;
        for (int j = 0; j < n; j++) {
            variance += e[j] / z * ops.squaredDistance(v[j], 0, attn, 0, d);
        }
        double slack = 1 + 16 * (n + d + 10) * U;
        double absolute = 8 * (n + d) * U * vmax;
        varianceBound = tv == 0 ? 0 : tv >= 1 ? Double.POSITIVE_INFINITY
                : Math.nextUp(Math.sqrt(tv * slack / (1 - tv * slack) * variance) * slack + absolute);
        diameterBound = Double.NaN;
        if (diameter) {
            double d2 = 0;
            for (int i = 0; i < n; i++) {
                if (keep[i]) {
                    for (int j = 0; j < n; j++) {
                        if (!keep[j]) {
                            d2 = Math.max(d2, ops.squaredDistance(v[i], 0, v[j], 0, d));
                        }
                    }
                }
            }
            diameterBound = tv == 0 ? 0 : Math.nextUp(tv * Math.sqrt(d2) * slack * slack + absolute);
        }
    }

    /** Only $\tau$ of a truncation; the rest NaN. */
    private void tauOnly(double[] s, int n, boolean[] keep) {
        ensure(n, 0);
        SimdOps ops = SimdOps.get();
        ops.expShift(s, 0, n, ops.max(s, 0, n), e, 0);
        double zh = 0;
        double zt = 0;
        for (int j = 0; j < n; j++) {
            if (keep[j]) {
                zh += e[j];
            } else {
                zt += e[j];
            }
        }
        tv = zt / (zh + zt);
        error = Double.NaN;
        varianceBound = Double.NaN;
        diameterBound = Double.NaN;
    }

    /**
     * Any other rule: logits {@code s[0, n)}, the rule's weights {@code p[0, n)} (summing to 1); with {@code v} null
     * only the total-variation distance.
     */
    void reweighting(double[] s, int n, double[][] v, int d, double vmax, double[] p, boolean diameter) {
        ensure(n, v == null ? 0 : d);
        SimdOps ops = SimdOps.get();
        double max = ops.max(s, 0, n);
        double z = ops.expShift(s, 0, n, max, e, 0);
        if (v == null) {
            double l1 = 0;
            for (int j = 0; j < n; j++) {
                l1 += Math.abs(e[j] / z - p[j]);
            }
            tv = l1 / 2;
            error = Double.NaN;
            varianceBound = Double.NaN;
            diameterBound = Double.NaN;
            return;
        }
        java.util.Arrays.fill(attn, 0, d, 0);
        double l1 = 0;
        for (int j = 0; j < n; j++) {
            double pj = e[j] / z;
            l1 += Math.abs(pj - p[j]);
            ops.axpy(pj - p[j], v[j], 0, attn, 0, d);
        }
        tv = l1 / 2;
        error = Math.sqrt(ops.dot(attn, 0, attn, 0, d));
        varianceBound = Double.NaN;
        diameterBound = Double.NaN;
        if (diameter) {
            double d2 = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    d2 = Math.max(d2, ops.squaredDistance(v[i], 0, v[j], 0, d));
                }
            }
            double slack = 1 + 16 * (n + d + 10) * U;
            diameterBound = Math.nextUp(tv * Math.sqrt(d2) * slack * slack + 8 * (n + d) * U * vmax);
        }
    }
}
