package io.github.attnlab.topk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * An independent reference for tests: the exact tail mass of double logits, in 60-digit decimal
 * arithmetic (exponentials by reduction modulo $\ln 2$, argument halving and Taylor series), with its
 * own ranking, and the exact logits $c\langle q, k\rangle$ of double vectors.
 */
final class ExactTail {

    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final MathContext WIDE = new MathContext(75, RoundingMode.HALF_EVEN);
    private static final BigDecimal LN2 = new BigDecimal(
            "0.69314718055994530941723212145817656807550013436025525412068000949339362196969471560586332699641868754");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** $2^{-10}$, exactly. */
    private static final BigDecimal HALVINGS = new BigDecimal("0.0009765625");
    private static final BigDecimal[] INVERSE_FACTORIAL = new BigDecimal[20];
    /** Exponentials already computed, by argument: test rows repeat logits (ties, quantised tails). */
    private static final Map<BigDecimal, BigDecimal> CACHE = new ConcurrentHashMap<>();

    static {
        BigDecimal f = BigDecimal.ONE;
        for (int i = 0; i < INVERSE_FACTORIAL.length; i++) {
            if (i > 0) {
                f = f.multiply(BigDecimal.valueOf(i));
            }
            INVERSE_FACTORIAL[i] = BigDecimal.ONE.divide(f, WIDE);
        }
    }

    private ExactTail() {
    }

    /**
     * $e^x$ to about 55 significant digits; 0 below $x = -10^5$ (under $10^{-43000}$, far under any
     * double: tests check separately that a bound of a non-empty tail is positive).
     */
    static BigDecimal exp(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ONE;
        }
        if (x.compareTo(BigDecimal.valueOf(-1e5)) < 0) {
            return BigDecimal.ZERO;
        }
        // x = j ln 2 + r, |r| <= ln 2 / 2; e^r = (e^{r/1024})^1024; Taylor series to r^19 / 19!
        BigDecimal xr = x.round(WIDE); // exact logits carry 100+ digits; 75 keep e^x to 1e-70 below |x| = 1e5
        BigDecimal j = xr.divide(LN2, 0, RoundingMode.HALF_EVEN);
        BigDecimal y = xr.subtract(j.multiply(LN2), WIDE).multiply(HALVINGS);
        BigDecimal sum = INVERSE_FACTORIAL[INVERSE_FACTORIAL.length - 1];
        for (int i = INVERSE_FACTORIAL.length - 2; i >= 0; i--) {
            sum = sum.multiply(y, WIDE).add(INVERSE_FACTORIAL[i], WIDE);
        }
        for (int i = 0; i < 10; i++) {
            sum = sum.multiply(sum, WIDE);
        }
        return sum.multiply(TWO.pow(j.intValueExact(), WIDE), MC);
    }

    /** {@link #exp}, remembered (a test-run cache; the arguments of one run number a few thousand). */
    static BigDecimal cachedExp(BigDecimal x) {
        BigDecimal e = CACHE.get(x);
        if (e == null) {
            e = exp(x);
            if (CACHE.size() < 200_000) {
                CACHE.put(x, e);
            }
        }
        return e;
    }

    /** Indices sorted by logit descending, ties by index (the library's documented order). */
    static Integer[] order(double[] s) {
        Integer[] idx = IntStream.range(0, s.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i));
        return idx;
    }

    /** The exact weights $e^{s_{(r)} - s_{(1)}}$ in rank order, masked keys left out (each value computed once). */
    static BigDecimal[] weights(double[] s) {
        Integer[] idx = order(s);
        BigDecimal max = new BigDecimal(s[idx[0]] == Double.NEGATIVE_INFINITY ? 0 : s[idx[0]]);
        Map<Double, BigDecimal> memo = new HashMap<>();
        return Arrays.stream(idx).mapToDouble(i -> s[i]).filter(v -> v != Double.NEGATIVE_INFINITY)
                .mapToObj(v -> memo.computeIfAbsent(v, w -> cachedExp(new BigDecimal(w).subtract(max))))
                .toArray(BigDecimal[]::new);
    }

    /** The exact $\tau(k)$ from exact weights (0 when nothing is unmasked or k keeps everything). */
    static BigDecimal tau(BigDecimal[] w, int k) {
        BigDecimal head = BigDecimal.ZERO;
        BigDecimal tail = BigDecimal.ZERO;
        for (int r = 0; r < w.length; r++) {
            if (r < k) {
                head = head.add(w[r], MC);
            } else {
                tail = tail.add(w[r], MC);
            }
        }
        return w.length == 0 ? BigDecimal.ZERO : tail.divide(head.add(tail, MC), MC);
    }

    /** The exact $\tau(k)$ for every k (index k - 1) from exact weights, in O(n) sums. */
    static BigDecimal[] taus(BigDecimal[] w, int n) {
        BigDecimal[] suffix = new BigDecimal[w.length + 1];
        suffix[w.length] = BigDecimal.ZERO;
        for (int r = w.length - 1; r >= 0; r--) {
            suffix[r] = suffix[r + 1].add(w[r], MC);
        }
        BigDecimal[] t = new BigDecimal[n];
        for (int k = 1; k <= n; k++) {
            t[k - 1] = k >= w.length ? BigDecimal.ZERO : suffix[k].divide(suffix[0], MC);
        }
        return t;
    }

    /** The exact logit $c\langle q, k\rangle$ of double vectors and scale, without rounding. */
    static BigDecimal logit(double[] q, double[] key, double scale) {
        BigDecimal dot = BigDecimal.ZERO;
        for (int i = 0; i < q.length; i++) {
            dot = dot.add(new BigDecimal(q[i]).multiply(new BigDecimal(key[i])));
        }
        return dot.multiply(new BigDecimal(scale));
    }

    /** The exact $\tau(H) = 1 - Z_H/Z$ of exact logits for the kept set {@code kept}. */
    static BigDecimal tauOf(BigDecimal[] logits, int[] kept) {
        BigDecimal max = Arrays.stream(logits).max(BigDecimal::compareTo).orElseThrow();
        boolean[] in = new boolean[logits.length];
        for (int i : kept) {
            in[i] = true;
        }
        BigDecimal tail = BigDecimal.ZERO;
        BigDecimal all = BigDecimal.ZERO;
        for (int i = 0; i < logits.length; i++) {
            BigDecimal e = exp(logits[i].subtract(max));
            all = all.add(e, MC);
            if (!in[i]) {
                tail = tail.add(e, MC);
            }
        }
        return tail.divide(all, MC);
    }

    /** The exact $\tau(H)$ of double logits. */
    static BigDecimal tauOf(double[] logits, int[] kept) {
        return tauOf(Arrays.stream(logits).mapToObj(BigDecimal::new).toArray(BigDecimal[]::new), kept);
    }

    /** True when the double {@code bound} is at least the exact value. */
    static boolean atLeast(double bound, BigDecimal exact) {
        return new BigDecimal(bound).compareTo(exact) >= 0;
    }
}
