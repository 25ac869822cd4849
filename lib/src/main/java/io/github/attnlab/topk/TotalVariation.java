package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;

/**
 * Total variation between two attention rows, $TV(P, Q) = \tfrac12\sum_i |P_i - Q_i|$: the distance this package
 * certifies for top-k ($\tau = TV(P, \hat P_H)$, docs/papers/A.md §A.1), here for any second row $Q$ (a pruned model's
 * head, another normaliser's weights, another operator's).
 *
 * <p>From logits, both rows are softmax rows under the row contract ({@link LogitRow}: $-\infty$ masks a key, NaN
 * and $+\infty$ are refused, a row must have an unmasked key); they must have the same length.
 */
public final class TotalVariation {

    private TotalVariation() {
    }

    /** $TV(\mathrm{softmax}(s), \mathrm{softmax}(t))$ for two rows of logits of the same length. */
    public static double ofLogits(double[] s, double[] t) {
        LogitRow.validate("s", s);
        LogitRow.validate("t", t);
        sameLength(s.length, t.length);
        return between(TopK.of(s).probabilities(), TopK.of(t).probabilities());
    }

    /** $TV(P, Q)$ for two probability rows (non-negative, finite, same length; sums are not renormalised). */
    public static double between(double[] p, double[] q) {
        Check.finite("p", p);
        Check.finite("q", q);
        nonEmpty("p", p.length);
        nonEmpty("q", q.length);
        sameLength(p.length, q.length);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0 || q[i] < 0) {
                throw new IllegalArgumentException((p[i] < 0 ? "p[" : "q[") + i + "] is negative: "
                        + Math.min(p[i], q[i]));
            }
            s += Math.abs(p[i] - q[i]);
        }
        return 0.5 * s;
    }

    /** As {@link #between(double[], double[])} on float rows (e.g. a {@code AttentionTensor}'s), summed in double. */
    public static double between(float[] p, int pOff, float[] q, int qOff, int len) {
        Check.notNull("p", p);
        Check.notNull("q", q);
        Check.positive("len", len);
        inside("p", "pOff", pOff, len, p.length);
        inside("q", "qOff", qOff, len, q.length);
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += Math.abs((double) p[pOff + i] - q[qOff + i]);
        }
        return 0.5 * s;
    }

    private static void sameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("the two rows have lengths " + a + " and " + b);
        }
    }

    private static void nonEmpty(String name, int length) {
        if (length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    private static void inside(String array, String name, int off, int len, int length) {
        if (off < 0 || (long) off + len > length) {
            throw new IllegalArgumentException(name + " = " + off + " with len = " + len + " is not inside " + array
                    + " (length " + length + ")");
        }
    }
}
