package io.github.attnlab.topk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * An independent reference for tests: the exact tail mass of double logits, in 60-digit decimal
 * arithmetic (exponentials by argument halving and Taylor series), with its own ranking.
 */
final class ExactTail {

    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);

    private ExactTail() {
    }

    /** $e^x$ for $x \le 0$ to about 55 significant digits. */
    static BigDecimal exp(BigDecimal x) {
        if (x.compareTo(BigDecimal.valueOf(-1e5)) < 0) {
            return BigDecimal.ZERO; // below 1e-43000: far under any double, and BigDecimal would underflow
        }
        int halvings = 0;
        BigDecimal y = x;
        while (y.abs().compareTo(new BigDecimal("0.25")) > 0) {
            y = y.divide(BigDecimal.valueOf(2), MC);
            halvings++;
        }
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int i = 1; i < 60; i++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(i), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    /** Indices sorted by logit descending, ties by index (the library's documented order). */
    static Integer[] order(double[] s) {
        Integer[] idx = IntStream.range(0, s.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i));
        return idx;
    }

    /** The exact weights $e^{s_{(r)} - s_{(1)}}$ in rank order, masked keys left out. */
    static BigDecimal[] weights(double[] s) {
        Integer[] idx = order(s);
        double max = s[idx[0]];
        return Arrays.stream(idx).mapToDouble(i -> s[i]).filter(v -> v != Double.NEGATIVE_INFINITY)
                .mapToObj(v -> exp(new BigDecimal(v).subtract(new BigDecimal(max), MC)))
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

    /** True when the double {@code bound} is at least the exact value. */
    static boolean atLeast(double bound, BigDecimal exact) {
        return new BigDecimal(bound).compareTo(exact) >= 0;
    }
}
