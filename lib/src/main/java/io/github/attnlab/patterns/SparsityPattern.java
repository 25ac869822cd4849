package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import java.util.BitSet;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * A sparsity pattern built row by row: its kind, a name for tables, the sets $A_k^l$ for every length $n$ and
 * layer $l$ (cycling with {@link #period()}), and what its construction says about Assumption 1 of paper E: a
 * Hamiltonian path of its union graph ({@link #constructedPath}) and the number of layers to full reach
 * ({@link #argument}). Made by {@link Patterns}; immutable.
 *
 * <p>Rows are generated on demand, so {@link #connections(int, int)} counts $\sum_k |A_k^l|$ at $n = 65\,536$
 * without holding an $n \times n$ mask; {@link #at(int)} materialises the $p$ masks of one length for the
 * checks of Assumption 1 ({@link PatternLayers}).
 */
public final class SparsityPattern implements AttentionPattern {

    private final Kind kind;
    private final String name;
    private final int period;
    private final IntConsumer validator;
    private final RowRule rule;
    private final IntFunction<int[]> path;
    private final IntFunction<ReachArgument> argument;

    SparsityPattern(Kind kind, String name, int period, IntConsumer validator, RowRule rule, IntFunction<int[]> path,
                    IntFunction<ReachArgument> argument) {
        this.kind = kind;
        this.name = name;
        this.period = Check.positive("period", period);
        this.validator = validator;
        this.rule = rule;
        this.path = path;
        this.argument = argument;
    }

    /** The family this pattern belongs to. */
    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int period() {
        return period;
    }

    /**
     * Checks that the pattern can be built on {@code n} tokens.
     *
     * @throws IllegalArgumentException naming the argument (n, window, stride, ...) that does not fit
     */
    public void validate(int n) {
        Check.positive("n", n);
        validator.accept(n);
    }

    @Override
    public AttentionMask mask(int n, int layer) {
        validate(n);
        Words.maskTokens(n);
        int l = layer(layer);
        int w = Words.words(n);
        long[] words = new long[n * w];
        for (int k = 0; k < n; k++) {
            rule.fill(n, l, k, words, k * w);
        }
        WordMask m = new WordMask(n, words);
        for (int k = 0; k < n; k++) {
            if (Words.cardinality(words, k * w, w) == 0) {
                throw new IllegalArgumentException(name + " leaves query " + k + " with no key at n = " + n
                        + ", layer " + layer);
            }
        }
        return m;
    }

    /** The keys $A_k^l$ of one query, without building the mask. */
    public BitSet keys(int n, int layer, int query) {
        validate(n);
        Check.index("query", query, n);
        int w = Words.words(n);
        long[] row = new long[w];
        rule.fill(n, layer(layer), query, row, 0);
        return Words.toBitSet(row, 0, w);
    }

    /** $\sum_k |A_k^l|$, counted row by row in $O(n/64)$ memory. */
    public long connections(int n, int layer) {
        validate(n);
        countedTokens(n);
        int l = layer(layer);
        int w = Words.words(n);
        long[] row = new long[w];
        long c = 0;
        for (int k = 0; k < n; k++) {
            java.util.Arrays.fill(row, 0L);
            rule.fill(n, l, k, row, 0);
            c += Words.cardinality(row, 0, w);
        }
        return c;
    }

    /** The largest $\sum_k |A_k^l|$ over the layers of one period: the pattern's connections per layer. */
    public long connections(int n) {
        validate(n);
        countedTokens(n);
        long max = 0;
        for (int l = 0; l < period; l++) {
            max = Math.max(max, connections(n, l));
        }
        return max;
    }

    /**
     * The Hamiltonian path of the union graph that the construction gives (Assumption 1 (ii)): a permutation
     * $\gamma$ with $\gamma(i) \in \bigcup_l A^l_{\gamma(i+1)}$, or empty when the construction offers none.
     * It is a proposal: {@link PatternLayers#hamiltonianPath()} verifies it edge by edge before reporting it.
     */
    public Optional<int[]> constructedPath(int n) {
        validate(n);
        return path == null ? Optional.empty() : Optional.ofNullable(path.apply(n));
    }

    /** What the construction says about full reach at length $n$, or empty when it says nothing. */
    public Optional<ReachArgument> argument(int n) {
        validate(n);
        return argument == null ? Optional.empty() : Optional.ofNullable(argument.apply(n));
    }

    /** The same pattern with $k \in A_k^l$ added in every layer (Assumption 1 (i)). */
    public SparsityPattern withSelfLoops() {
        RowRule r = rule;
        return new SparsityPattern(kind, name + " + self-loops", period, validator, (n, l, k, out, off) -> {
            r.fill(n, l, k, out, off);
            Words.set(out, off, k);
        }, path, null);
    }

    /** The longest sequence whose connections are counted: $2^{18}$ (about a second of row generation). */
    public static final int MAX_COUNTED_TOKENS = 1 << 18;

    private static void countedTokens(int n) {
        Check.range("n", n, 1, MAX_COUNTED_TOKENS);
    }

    @Override
    public PatternLayers at(int n) {
        validate(n);
        Words.maskTokens(n);
        return PatternLayers.of(this, n);
    }

    /** Fills row {@code query} of layer {@code layer} (reduced) into zeroed words: for package code. */
    void fill(int n, int layer, int query, long[] out, int off) {
        rule.fill(n, layer, query, out, off);
    }

    RowRule rule() {
        return rule;
    }

    IntConsumer validator() {
        return validator;
    }

    int layer(int layer) {
        Check.range("layer", layer, 0, Integer.MAX_VALUE);
        return layer % period;
    }

    @Override
    public String toString() {
        return name;
    }
}
