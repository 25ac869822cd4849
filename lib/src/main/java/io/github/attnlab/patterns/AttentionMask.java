package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import java.util.BitSet;

/**
 * Which keys each query may attend to, on a sequence of $n$ tokens: the sets $A_k$ of one layer
 * (paper E, Yun et al. 2020; {@code docs/papers/E.md}).
 *
 * <p>This is the one mask interface every consumer takes: the training engine, the real models' attention
 * hook ({@code Bert.withAttention}), and the sparsity patterns of this package. A mask is immutable. Every
 * query must have at least one key (a row with no key has no attention distribution): {@link #of} refuses
 * such a mask, and consumers call {@link #requireKeys()} on masks they did not build.
 */
public interface AttentionMask {

    /** The largest length whose dense and causal masks are built explicitly ($n^2$ bits: 512 MB at this size). */
    int MAX_N = 1 << 16;

    /** The number of tokens $n$ (queries and keys). */
    int size();

    /** Whether {@code query} may attend to {@code key}, both in $[0, n-1]$. */
    boolean allows(int query, int key);

    /** The keys of {@code query}, $A_{query}$, as a new {@link BitSet}. */
    default BitSet keys(int query) {
        Check.index("query", query, size());
        BitSet b = new BitSet(size());
        for (int j = 0; j < size(); j++) {
            if (allows(query, j)) {
                b.set(j);
            }
        }
        return b;
    }

    /** The keys of {@code query} as ascending indices (the row of a compressed sparse row layout). */
    default int[] keyIndices(int query) {
        return keys(query).stream().toArray();
    }

    /**
     * Writes the additive mask of this layer into {@code out[off .. off + n*n)}, row-major by query: 0 where the
     * key is allowed, $-\infty$ where it is masked (the logit convention of {@code core.LogitRow}).
     */
    default void fillBias(float[] out, int off) {
        Check.notNull("out", out);
        int n = size();
        if (off < 0 || (long) off + (long) n * n > out.length) {
            throw new IllegalArgumentException("out has length " + out.length + ", need " + ((long) n * n)
                    + " values from offset off = " + off);
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(out, off + i * n, off + (i + 1) * n, Float.NEGATIVE_INFINITY);
            BitSet k = keys(i);
            for (int j = k.nextSetBit(0); j >= 0; j = k.nextSetBit(j + 1)) {
                out[off + i * n + j] = 0f;
            }
        }
    }

    /** A picture of this mask ({@link MaskFigure}). */
    default MaskFigure figure() {
        return MaskFigure.of("mask, n = " + size() + ", " + connections() + " connections", this);
    }

    /** The number of allowed (query, key) pairs, $\sum_k |A_k|$. */
    default long connections() {
        long c = 0;
        for (int i = 0; i < size(); i++) {
            c += keys(i).cardinality();
        }
        return c;
    }

    /**
     * Returns this mask if every query has at least one key.
     *
     * @throws IllegalArgumentException naming the first query with no key
     */
    default AttentionMask requireKeys() {
        for (int i = 0; i < size(); i++) {
            if (keys(i).isEmpty()) {
                throw new IllegalArgumentException("mask: query " + i + " of " + size() + " has no key to attend to");
            }
        }
        return this;
    }

    /** Every query attends to every key. */
    static AttentionMask dense(int n) {
        Check.range("n", n, 1, MAX_N);
        BitSet[] rows = new BitSet[n];
        for (int i = 0; i < n; i++) {
            rows[i] = new BitSet(n);
            rows[i].set(0, n);
        }
        return new BitMask(n, rows);
    }

    /** Query $i$ attends to keys $0, \dots, i$. */
    static AttentionMask causal(int n) {
        Check.range("n", n, 1, MAX_N);
        BitSet[] rows = new BitSet[n];
        for (int i = 0; i < n; i++) {
            rows[i] = new BitSet(n);
            rows[i].set(0, i + 1);
        }
        return new BitMask(n, rows);
    }

    /**
     * The mask with {@code allowed[i][j]} saying whether query $i$ may attend to key $j$ (copied).
     *
     * @throws IllegalArgumentException when {@code allowed} is null, not square, or leaves a query with no key
     */
    static AttentionMask of(boolean[][] allowed) {
        Check.notNull("allowed", allowed);
        int n = allowed.length;
        Check.positive("allowed.length", n);
        BitSet[] rows = new BitSet[n];
        for (int i = 0; i < n; i++) {
            Check.notNull("allowed[" + i + "]", allowed[i]);
            Check.size("allowed[" + i + "].length", allowed[i].length, n);
            rows[i] = new BitSet(n);
            for (int j = 0; j < n; j++) {
                if (allowed[i][j]) {
                    rows[i].set(j);
                }
            }
        }
        return new BitMask(n, rows).requireKeys();
    }

    /**
     * The mask whose query $i$ attends to the keys set in {@code keys[i]} (copied); bits at $n$ or above are
     * refused.
     *
     * @throws IllegalArgumentException when a row is null, holds a key outside $[0, n-1]$, or is empty
     */
    static AttentionMask ofRows(BitSet[] keys) {
        Check.notNull("keys", keys);
        int n = keys.length;
        Check.positive("keys.length", n);
        BitSet[] rows = new BitSet[n];
        for (int i = 0; i < n; i++) {
            Check.notNull("keys[" + i + "]", keys[i]);
            if (keys[i].length() > n) {
                throw new IllegalArgumentException("keys[" + i + "] holds key " + (keys[i].length() - 1)
                        + ", outside [0, " + (n - 1) + "]");
            }
            rows[i] = (BitSet) keys[i].clone();
        }
        return new BitMask(n, rows).requireKeys();
    }
}
