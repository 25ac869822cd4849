package io.github.attnlab.topk;

import java.util.Locale;

/**
 * The smallest k for which a bound certifies that top-k attention discards at most $\varepsilon$
 * of the softmax mass: $TV(P, \hat P_k) = \tau(k) \le$ {@code tailMassUpper} $\le \varepsilon$
 * (docs/papers/A.md §A.8). The bound holds for the exact tail mass of the given logits, in every floating-point
 * regime, subnormal tails included ({@code docs/certificates.md}).
 *
 * @param eps       the budget $\varepsilon \in (0, 1)$
 * @param k         the certified k
 * @param tailMassUpper  the certified upper bound of $\tau(k)$
 * @param n         the number of keys, masked ones included
 * @param unmasked  the number of unmasked keys
 * @param bound     the bound that certified it
 */
public record Certificate(double eps, int k, double tailMassUpper, int n, int unmasked, TailBound bound) {

    /** $k / n_{eff}$, the fraction of unmasked keys kept. */
    public double fraction() {
        return (double) k / unmasked;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Certificate[tau <= %s with k = %d of %d (certified tau <= %.3e, %s)]",
                eps, k, unmasked, tailMassUpper, bound.name());
    }
}
