package io.github.attnlab.topk;

/**
 * Validation and ordering of one row of attention logits: the engine's first step.
 *
 * <p>A logit may be any finite number or $-\infty$ (a masked key, probability zero). NaN and
 * $+\infty$ are refused. Ordering is by value, descending, ties by index, ascending; masked keys
 * come last.
 */
final class Logits {

    private Logits() {
    }

    /** Throws an {@link IllegalArgumentException} naming the first NaN or $+\infty$ logit. */
    static void validate(String name, double[] s, int off, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (int i = 0; i < n; i++) {
            double x = s[off + i];
            if (Double.isNaN(x)) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
            if (x == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is +Infinity (only -Infinity, a masked key, is allowed)");
            }
        }
    }

    /**
     * Writes the indices of {@code s[off..off+n)} in descending order of value into {@code order}
     * and the sorted values into {@code sorted}; returns the number of unmasked (finite) logits.
     */
    static int sortDescending(double[] s, int off, int n, int[] order, double[] sorted, RadixRank radix) {
        radix.rank(s, off, n, order);
        int unmasked = 0;
        for (int i = 0; i < n; i++) {
            double v = s[off + order[i]];
            sorted[i] = v;
            if (v != Double.NEGATIVE_INFINITY) {
                unmasked++;
            }
        }
        return unmasked;
    }
}
