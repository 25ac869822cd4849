package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.spectral.partition.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The sparsity patterns of paper E (Yun et al., NeurIPS 2020; {@code docs/papers/E.md}): structured patterns
 * for any length $n$, per-layer cycles and unions of them, and data-driven patterns of real heads. Every factory
 * checks what it can at once (a stride of 0, a cycle of length 0) and the rest when a length is given
 * (a window wider than $n$).
 *
 * <pre>{@code
 * Patterns.strided().at(4096).conditions();          // Assumption 1 at n = 4096
 * Patterns.longformer(64, 2).mask(512, 0);           // an AttentionMask for the trainer or the BERT hook
 * Patterns.cycle(Patterns.window(8), Patterns.dilated(8, 8)).connections(65536);
 * Patterns.topK(attentionTensor, 8);                 // top-8 supports of a real model, union over heads
 * }</pre>
 */
public final class Patterns {

    private Patterns() {
    }

    /** $A_k = [n]$. */
    public static SparsityPattern dense() {
        return LocalRules.dense();
    }

    /** $A_k = \{0, \dots, k\}$. */
    public static SparsityPattern causal() {
        return LocalRules.causal();
    }

    /** The bidirectional sliding window $A_k = \{j : |j - k| \le w\}$, $1 \le w \le n - 1$. */
    public static SparsityPattern window(int radius) {
        return LocalRules.window(radius, Direction.BIDIRECTIONAL);
    }

    /** A sliding window; causal: $A_k = \{j : 0 \le k - j \le w\}$. */
    public static SparsityPattern window(int radius, Direction direction) {
        return LocalRules.window(radius, direction);
    }

    /** Longformer's dilated window $A_k = \{k + i d : |i| \le w\} \cap [n]$, $w d \le n - 1$. */
    public static SparsityPattern dilated(int radius, int dilation) {
        return LocalRules.dilated(radius, dilation);
    }

    /** STRIDED (Child et al.), bidirectional, with stride $\ell = \lceil\sqrt n\rceil$: period 2. */
    public static SparsityPattern strided() {
        return ChildRules.strided(0, Direction.BIDIRECTIONAL);
    }

    /** STRIDED with stride $\ell = \lceil\sqrt n\rceil$ in either direction. */
    public static SparsityPattern strided(Direction direction) {
        return ChildRules.strided(0, direction);
    }

    /** STRIDED with a fixed stride $1 \le \ell \le n$. */
    public static SparsityPattern strided(int stride, Direction direction) {
        Check.positive("stride", stride);
        return ChildRules.strided(stride, direction);
    }

    /** FIXED (Child et al.), bidirectional, blocks of $\ell = \lceil\sqrt n\rceil$, $c$ summary tokens per block. */
    public static SparsityPattern fixed(int c) {
        return ChildRules.fixed(0, c, Direction.BIDIRECTIONAL);
    }

    /** FIXED with blocks of $\lceil\sqrt n\rceil$ in either direction. */
    public static SparsityPattern fixed(int c, Direction direction) {
        return ChildRules.fixed(0, c, direction);
    }

    /** FIXED with blocks of a fixed $\ell$ and $1 \le c \le \ell$ summaries. */
    public static SparsityPattern fixed(int stride, int c, Direction direction) {
        Check.positive("stride", stride);
        return ChildRules.fixed(stride, c, direction);
    }

    /** STAR (Star-Transformer): token 0 is the relay. */
    public static SparsityPattern star() {
        return GlobalRules.star();
    }

    /** Longformer: a window of radius $w$ plus global tokens $0..g-1$. */
    public static SparsityPattern longformer(int radius, int globals) {
        Check.positive("globals", globals);
        return GlobalRules.longformer(radius, globals, 0);
    }

    /**
     * Longformer with global tokens at both ends: $0..f-1$ and $n-e..n-1$ (e.g. $f = e = 1$: BERT's {@code [CLS]} and
     * {@code [SEP]}), each attending to all and attended by all; every other token sees its window of radius $w$ and
     * the globals.
     */
    public static SparsityPattern longformer(int radius, int first, int last) {
        return GlobalRules.longformer(radius, first, last);
    }

    /** BigBird: Longformer's keys plus $r$ seeded random keys per query. */
    public static SparsityPattern bigBird(int radius, int globals, int random, long seed) {
        Check.positive("globals", globals);
        return GlobalRules.bigBird(radius, globals, 0, random, seed);
    }

    /** BigBird with global tokens at both ends ($0..f-1$ and $n-e..n-1$), as its block implementation places them. */
    public static SparsityPattern bigBird(int radius, int first, int last, int random, long seed) {
        return GlobalRules.bigBird(radius, first, last, random, seed);
    }

    /**
     * Global tokens alone: $0..f-1$ and $n-e..n-1$ attend to all; every other token to itself and the globals. United
     * with another pattern ({@link #union}) it adds the globals to it, e.g. STRIDED with BERT's {@code [CLS]} and
     * {@code [SEP]}: {@code union(strided(8, BIDIRECTIONAL), globals(1, 1))}.
     */
    public static SparsityPattern globals(int first, int last) {
        return GlobalRules.globals(first, last);
    }

    /** RANDOM, the paper's random baseline: self plus $r$ seeded random keys per query, the same in every layer. */
    public static SparsityPattern random(int keys, long seed) {
        return GlobalRules.random(keys, 1, seed);
    }

    /** RANDOM drawn afresh for each of $p$ layers. */
    public static SparsityPattern random(int keys, int period, long seed) {
        return GlobalRules.random(keys, period, seed);
    }

    /**
     * RANDOM with as many connections per layer as {@code reference} has at length $n$: $r = $ the reference's
     * connections per query minus the self-loop, rounded (the paper's random baseline at a matched budget).
     */
    public static SparsityPattern randomMatching(SparsityPattern reference, int n, int period, long seed) {
        Check.notNull("reference", reference);
        long c = reference.connections(n);
        int r = (int) Math.max(0, Math.min(n - 1, Math.round((double) c / n) - 1));
        return GlobalRules.random(r, period, seed);
    }

    /** Block-sparse with contiguous blocks of $b$ tokens (the last may be shorter). */
    public static SparsityPattern blocks(int size) {
        return LocalRules.blocks(size);
    }

    /** Block-sparse on the blocks of a partition ({@code spectral.partition}); defined at $n$ = its size only. */
    public static SparsityPattern blocks(Partition partition) {
        return LocalRules.blocks(partition);
    }

    /** Patterns taken in turn: layer $l$ uses pattern $l \bmod m$. */
    public static SparsityPattern cycle(SparsityPattern... patterns) {
        Check.notNull("patterns", patterns);
        return Combine.cycle(List.of(nonNull(patterns)));
    }

    /** The union of patterns, layer by layer. */
    public static SparsityPattern union(SparsityPattern... patterns) {
        Check.notNull("patterns", patterns);
        return Combine.union(List.of(nonNull(patterns)));
    }

    /** Any {@link AttentionPattern} as a {@link SparsityPattern} (so it can join cycles and unions). */
    public static SparsityPattern of(AttentionPattern pattern) {
        return Combine.of(pattern);
    }

    /** Fixed masks, one per layer of the period, all on the same $n$. */
    public static SparsityPattern ofMasks(String name, List<AttentionMask> layers) {
        return Combine.ofMasks(Kind.CUSTOM, Check.notNull("name", name), layers);
    }

    /** The per-row top-$k$ support of a real model: in each layer, the union over its heads. */
    public static SparsityPattern topK(AttentionTensor attention, int k) {
        return fromHeads(attention, -1, Kind.TOP_K, "top-" + k, (s, h) -> SupportMasks.topK(s, k));
    }

    /** The per-row top-$k$ support of one head in every layer. */
    public static SparsityPattern topK(AttentionTensor attention, int head, int k) {
        return fromHeads(attention, head, Kind.TOP_K, "top-" + k, (s, h) -> SupportMasks.topK(s, k));
    }

    /** The support of $\alpha$-entmax on a real model's scores: in each layer, the union over its heads. */
    public static SparsityPattern entmaxSupport(AttentionTensor attention, double alpha) {
        return fromHeads(attention, -1, Kind.ENTMAX_SUPPORT, alpha + "-entmax support",
                (s, h) -> SupportMasks.entmax(s, alpha));
    }

    /** The support of $\alpha$-entmax on one head's scores in every layer. */
    public static SparsityPattern entmaxSupport(AttentionTensor attention, int head, double alpha) {
        return fromHeads(attention, head, Kind.ENTMAX_SUPPORT, alpha + "-entmax support",
                (s, h) -> SupportMasks.entmax(s, alpha));
    }

    private static SparsityPattern fromHeads(AttentionTensor att, int head, Kind kind, String what,
                                             BiFunction<double[][], Integer, AttentionMask> support) {
        Check.notNull("attention", att);
        if (head != -1) {
            Check.index("head", head, att.heads());
        }
        int n = att.length();
        List<AttentionMask> layers = new ArrayList<>();
        for (int l = 0; l < att.layers(); l++) {
            long[] words = new long[n * Words.words(n)];
            for (int h = head < 0 ? 0 : head; h < (head < 0 ? att.heads() : head + 1); h++) {
                long[] m = Combine.words(support.apply(att.scores(l, h), h));
                for (int i = 0; i < words.length; i++) {
                    words[i] |= m[i];
                }
            }
            layers.add(new WordMask(n, words));
        }
        String name = what + " of " + att.model() + (head < 0 ? " (union of heads)" : " (head " + head + ")");
        return Combine.ofMasks(kind, name, layers);
    }

    private static SparsityPattern[] nonNull(SparsityPattern[] ps) {
        for (int i = 0; i < ps.length; i++) {
            Check.notNull("patterns[" + i + "]", ps[i]);
        }
        return ps;
    }
}
