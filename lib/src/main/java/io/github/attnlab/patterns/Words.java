package io.github.attnlab.patterns;

import java.util.BitSet;

/**
 * Bit rows stored as {@code long} words: row $k$ of an $n$-token layer is the words
 * {@code [k*W, k*W + W)} with $W = \lceil n/64 \rceil$, bit $j$ in word $j/64$ at position $j \bmod 64$ (the layout
 * of {@link BitSet#toLongArray()}). Package-private helpers; nothing here checks its arguments.
 */
final class Words {

    private Words() {
    }

    /** The most tokens a layer's bit mask may have: $2^{16}$, a mask of 512 MiB. */
    static final int MAX_MASK_TOKENS = 1 << 16;

    /** Checks $1 \le n \le 2^{16}$ for a layer whose $n \times n$ bit mask is built; returns {@code n}. */
    static int maskTokens(int n) {
        if (n < 1 || n > MAX_MASK_TOKENS) {
            throw new IllegalArgumentException("n = " + n + " is outside [1, " + MAX_MASK_TOKENS + "]: an n x n bit mask "
                    + "is built (count connections of longer sequences with connections(n))");
        }
        return n;
    }

    /** $\lceil n / 64 \rceil$. */
    static int words(int n) {
        return (n + 63) >>> 6;
    }

    static void set(long[] a, int off, int bit) {
        a[off + (bit >>> 6)] |= 1L << bit;
    }

    static boolean get(long[] a, int off, int bit) {
        return (a[off + (bit >>> 6)] & (1L << bit)) != 0;
    }

    /** Sets bits {@code [from, to)}; nothing when {@code from >= to}. */
    static void setRange(long[] a, int off, int from, int to) {
        if (from >= to) {
            return;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            a[off + first] |= firstMask & lastMask;
            return;
        }
        a[off + first] |= firstMask;
        for (int w = first + 1; w < last; w++) {
            a[off + w] = -1L;
        }
        a[off + last] |= lastMask;
    }

    static int cardinality(long[] a, int off, int words) {
        int c = 0;
        for (int w = 0; w < words; w++) {
            c += Long.bitCount(a[off + w]);
        }
        return c;
    }

    /** Whether bits {@code [0, n)} of the row are all set. */
    static boolean full(long[] a, int off, int n) {
        int whole = n >>> 6;
        for (int w = 0; w < whole; w++) {
            if (a[off + w] != -1L) {
                return false;
            }
        }
        int rest = n & 63;
        return rest == 0 || (a[off + whole] | (-1L << rest)) == -1L;
    }

    static boolean equal(long[] a, int aOff, long[] b, int bOff, int words) {
        for (int w = 0; w < words; w++) {
            if (a[aOff + w] != b[bOff + w]) {
                return false;
            }
        }
        return true;
    }

    static BitSet toBitSet(long[] a, int off, int words) {
        return BitSet.valueOf(java.util.Arrays.copyOfRange(a, off, off + words));
    }

    /** The set bits as ascending indices. */
    static int[] indices(long[] a, int off, int words) {
        int[] out = new int[cardinality(a, off, words)];
        int c = 0;
        for (int w = 0; w < words; w++) {
            long x = a[off + w];
            while (x != 0) {
                out[c++] = (w << 6) + Long.numberOfTrailingZeros(x);
                x &= x - 1;
            }
        }
        return out;
    }

    /**
     * A set as ranges, {@code "0-3, 7, 9-4095"}, with at most {@code maxRanges} ranges before {@code ", ..."}
     * (and {@code "{}"} when empty).
     */
    static String ranges(BitSet s, int maxRanges) {
        if (s.isEmpty()) {
            return "{}";
        }
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = s.nextSetBit(0); i >= 0; ) {
            int end = s.nextClearBit(i);
            if (shown == maxRanges) {
                b.append(", ...");
                break;
            }
            if (shown > 0) {
                b.append(", ");
            }
            b.append(i);
            if (end - 1 > i) {
                b.append(end - 1 == i + 1 ? ", " : "-").append(end - 1);
            }
            shown++;
            i = s.nextSetBit(end);
        }
        return b.toString();
    }

    /** A 64-bit hash of a block of words (for detecting a repeated state; equality is checked separately). */
    static long hash(long[] a, int off, int len) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < len; i++) {
            h = (h ^ a[off + i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }
}
