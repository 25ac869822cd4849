package io.github.attnlab.patterns;

/**
 * How a {@link SparsityPattern} builds one row: sets the bits of $A_k^l$ in {@code out[off .. off + W)}, which the
 * caller has zeroed. {@code layer} is already reduced modulo the period; $n$ was validated by the pattern.
 */
@FunctionalInterface
interface RowRule {

    void fill(int n, int layer, int query, long[] out, int off);
}
