package io.github.attnlab.spectral.heads;

import io.github.attnlab.core.Check;

/**
 * One head under per-row top-$k$ (weights kept): the combinatorial Laplacians $L$ of $W = (A + A^\top)/2$ and $L_k$
 * of its top-$k$ graph, compared through the statements of docs/papers/D.md §D item 2.
 * <ul>
 *   <li>Weyl: $|\lambda_2(L) - \lambda_2(L_k)| \le \|L - L_k\|_2$ ({@link #weylSlack()} $\le 0$);</li>
 *   <li>the discarded-mass bound $\|L - L_k\|_2 \le \max_i(\tau_i + c_i)$, with $\tau_i$ the mass row $i$ drops and
 *       $c_i$ the mass dropped from column $i$ ({@link #massSlack()} $\le 0$);</li>
 *   <li>Davis–Kahan in the form of Yu, Wang and Samworth (2015): $\sin\angle(v_2(L), v_2(L_k)) \le
 *       2\|L - L_k\|_2/\delta$, $\delta = \min(\lambda_2, \lambda_3 - \lambda_2)$ ({@link #angleViolation()} $\le 0$).</li>
 * </ul>
 *
 * @param passage    the passage's id
 * @param layer      the layer
 * @param head       the head
 * @param k          the keys kept per row
 * @param lambda2    $\lambda_2(L)$
 * @param lambda2K   $\lambda_2(L_k)$
 * @param norm       $\|L - L_k\|_2$
 * @param massBound  $\max_i(\tau_i + c_i)$
 * @param connected  whether the top-$k$ graph is connected
 * @param sinAngle   $\sin\angle(v_2(L), v_2(L_k))$
 * @param gapBound   $2\|L - L_k\|_2/\delta$
 */
public record TopKGap(String passage, int layer, int head, int k, double lambda2, double lambda2K, double norm,
                      double massBound, boolean connected, double sinAngle, double gapBound) {

    /** Checks the label. */
    public TopKGap {
        Check.notNull("passage", passage);
    }

    /** $|\lambda_2(L) - \lambda_2(L_k)| - \|L - L_k\|_2$: at most 0 by Weyl's inequality. */
    public double weylSlack() {
        return Math.abs(lambda2 - lambda2K) - norm;
    }

    /** $\|L - L_k\|_2 - \max_i(\tau_i + c_i)$: at most 0 by the discarded-mass bound. */
    public double massSlack() {
        return norm - massBound;
    }

    /** Whether the sufficient condition for connectivity $\|L - L_k\|_2 < \lambda_2(L)$ holds. */
    public boolean sufficient() {
        return norm < lambda2;
    }

    /** Whether the gap bound says something: $2\|L - L_k\|_2/\delta < 1$ (a sine never exceeds 1). */
    public boolean informative() {
        return gapBound < 1;
    }

    /** $\sin\angle - \min(1, \text{bound})$: at most 0 by Davis–Kahan. */
    public double angleViolation() {
        return sinAngle - Math.min(1, gapBound);
    }

    /** The fraction of the gap top-$k$ keeps, $\lambda_2(L_k)/\lambda_2(L)$. */
    public double gapRatio() {
        return lambda2K / lambda2;
    }

    /** Whether this row and {@code other} describe the same head of the same passage. */
    public boolean sameHead(TopKGap other) {
        Check.notNull("other", other);
        return passage.equals(other.passage) && layer == other.layer && head == other.head;
    }
}
