package io.github.attnlab.train;

import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.patterns.AttentionPattern;
import java.util.BitSet;

/**
 * The keys each query of one layer sees on $n$ tokens: the pattern's mask, intersected with the causal mask in a
 * decoder, as sorted index lists with row offsets into a flat array of connections.
 */
final class Visibility {

    final int n;
    final int[][] keys;
    final int[] offset;
    final int connections;

    private Visibility(int n, int[][] keys) {
        this.n = n;
        this.keys = keys;
        this.offset = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offset[i + 1] = offset[i] + keys[i].length;
        }
        this.connections = offset[n];
    }

    /**
     * The visible keys of layer {@code layer} on {@code n} tokens.
     *
     * @throws IllegalArgumentException when the mask (after the causal cut) leaves a query with no key
     */
    static Visibility of(AttentionPattern pattern, int n, int layer, boolean causal) {
        AttentionMask mask = pattern.mask(n, layer % Math.max(1, pattern.period()));
        if (mask == null || mask.size() != n) {
            throw new IllegalArgumentException("pattern.mask(" + n + ", " + layer + ") has size "
                    + (mask == null ? "null" : mask.size()) + ", not " + n);
        }
        int[][] keys = new int[n][];
        for (int i = 0; i < n; i++) {
            BitSet k = mask.keys(i);
            if (causal) {
                k.clear(i + 1, n);
            }
            if (k.isEmpty()) {
                throw new IllegalArgumentException("mask of layer " + layer + " on n = " + n + ": query " + i
                        + " has no key to attend to" + (causal ? " (after the causal mask)" : ""));
            }
            keys[i] = k.stream().toArray();
        }
        return new Visibility(n, keys);
    }
}
