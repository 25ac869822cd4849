package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import java.util.BitSet;

/** An {@link AttentionMask} stored as one {@link BitSet} per query; the rows are never handed out. */
final class BitMask implements AttentionMask {

    private final int n;
    private final BitSet[] rows;

    /** Takes ownership of {@code rows} (callers pass fresh sets). */
    BitMask(int n, BitSet[] rows) {
        this.n = n;
        this.rows = rows;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public boolean allows(int query, int key) {
        Check.index("query", query, n);
        Check.index("key", key, n);
        return rows[query].get(key);
    }

    @Override
    public BitSet keys(int query) {
        Check.index("query", query, n);
        return (BitSet) rows[query].clone();
    }

    @Override
    public long connections() {
        long c = 0;
        for (BitSet r : rows) {
            c += r.cardinality();
        }
        return c;
    }

    @Override
    public String toString() {
        return "AttentionMask[n=" + n + ", connections=" + connections() + "]";
    }
}
