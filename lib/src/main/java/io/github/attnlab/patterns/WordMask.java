package io.github.attnlab.patterns;

import java.util.BitSet;

/**
 * An {@link AttentionMask} stored as $n$ rows of $\lceil n/64 \rceil$ words (see {@link Words}); immutable: the
 * words are never handed out of the package, and package code never writes them after construction.
 */
final class WordMask implements AttentionMask {

    private final int n;
    private final int w;
    private final long[] words;

    /** Takes ownership of {@code words} (callers pass a fresh array of {@code n * words(n)} longs). */
    WordMask(int n, long[] words) {
        this.n = n;
        this.w = Words.words(n);
        this.words = words;
    }

    /** The words themselves, for package code that only reads them. */
    long[] words() {
        return words;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public boolean allows(int query, int key) {
        io.github.attnlab.core.Check.index("query", query, n);
        io.github.attnlab.core.Check.index("key", key, n);
        return Words.get(words, query * w, key);
    }

    @Override
    public BitSet keys(int query) {
        io.github.attnlab.core.Check.index("query", query, n);
        return Words.toBitSet(words, query * w, w);
    }

    @Override
    public int[] keyIndices(int query) {
        io.github.attnlab.core.Check.index("query", query, n);
        return Words.indices(words, query * w, w);
    }

    @Override
    public long connections() {
        long c = 0;
        for (long x : words) {
            c += Long.bitCount(x);
        }
        return c;
    }

    @Override
    public String toString() {
        return "AttentionMask[n=" + n + ", connections=" + connections() + "]";
    }
}
