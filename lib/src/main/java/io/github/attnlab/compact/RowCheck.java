package io.github.attnlab.compact;

/**
 * The rules every normaliser applies to a row of scores before computing, in one place.
 *
 * <p>A NaN score, an empty row and a row whose scores are all $-\infty$ (every key masked) are
 * refused with an {@link IllegalArgumentException} naming the position. $-\infty$ marks a masked
 * key, which gets probability 0. When some scores are $+\infty$, every normaliser returns the limit
 * of scaling those scores up: the uniform distribution over the $+\infty$ entries.
 */
final class RowCheck {

    private RowCheck() {
    }

    /** Throws unless {@code [off, off + len)} is a non-empty range inside every given array. */
    static void range(int off, int len, double[]... arrays) {
        if (len < 1) {
            throw new IllegalArgumentException("len = " + len + ": a row needs at least one score");
        }
        if (off < 0) {
            throw new IllegalArgumentException("off = " + off + " is negative");
        }
        for (double[] a : arrays) {
            if (a == null) {
                throw new IllegalArgumentException("an array argument is null");
            }
            if ((long) off + len > a.length) {
                throw new IllegalArgumentException("off = " + off + ", len = " + len + " exceed an array of length "
                        + a.length);
            }
        }
    }

    /**
     * Validates the scores of a row and returns how many are $+\infty$.
     *
     * @throws IllegalArgumentException on a NaN score or a row of only $-\infty$
     */
    static int positiveInfinities(double[] scores, int off, int len) {
        int inf = 0;
        int masked = 0;
        for (int i = off; i < off + len; i++) {
            double z = scores[i];
            if (Double.isNaN(z)) {
                throw new IllegalArgumentException("scores[" + i + "] is NaN");
            }
            if (z == Double.POSITIVE_INFINITY) {
                inf++;
            } else if (z == Double.NEGATIVE_INFINITY) {
                masked++;
            }
        }
        if (masked == len) {
            throw new IllegalArgumentException("scores[" + off + ".." + (off + len) + ") are all -Infinity: every key"
                    + " is masked, so the row has no distribution (drop the row or unmask a key)");
        }
        return inf;
    }

    /** The number of scores that are not $-\infty$. */
    static int unmasked(double[] scores, int off, int len) {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            if (scores[i] != Double.NEGATIVE_INFINITY) {
                n++;
            }
        }
        return n;
    }

    /** Writes the uniform distribution over the $+\infty$ scores (there are {@code count}); returns $+\infty$. */
    static double uniformOverInfinities(double[] scores, double[] out, int off, int len, int count) {
        double w = 1.0 / count;
        for (int i = off; i < off + len; i++) {
            out[i] = scores[i] == Double.POSITIVE_INFINITY ? w : 0.0;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Writes the uniform distribution over the unmasked scores. */
    static void uniformOverUnmasked(double[] scores, double[] out, int off, int len) {
        double w = 1.0 / unmasked(scores, off, len);
        for (int i = off; i < off + len; i++) {
            out[i] = scores[i] == Double.NEGATIVE_INFINITY ? 0.0 : w;
        }
    }

    /** Whether any score of the row is $+\infty$ (then every Jacobian of the row is 0). */
    static boolean hasPositiveInfinity(double[] scores, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (scores[i] == Double.POSITIVE_INFINITY) {
                return true;
            }
        }
        return false;
    }

    /** Divides {@code out[off, off + len)} by {@code sum}. */
    static void divide(double[] out, int off, int len, double sum) {
        double inv = 1.0 / sum;
        for (int i = off; i < off + len; i++) {
            out[i] *= inv;
        }
    }
}
