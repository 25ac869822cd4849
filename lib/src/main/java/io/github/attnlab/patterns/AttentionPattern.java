package io.github.attnlab.patterns;

/**
 * A sparsity pattern as a family of masks: for every sequence length $n$ and layer $l$, the sets
 * $A_k^l$ (paper E, Yun et al. 2020; {@code docs/papers/E.md}). Patterns cycle over layers with period
 * {@link #period()}: layer $l$ uses the mask of layer $l \bmod p$.
 *
 * <p>The training engine and the real models' attention hook take an {@code AttentionPattern}, so a model
 * trained at length $N$ can be evaluated at $16N$ under the same pattern.
 */
@FunctionalInterface
public interface AttentionPattern {

    /**
     * The mask of layer {@code layer} on {@code n} tokens.
     *
     * @throws IllegalArgumentException when $n &lt; 1$ or {@code layer} &lt; 0, or the pattern cannot be built
     *                                  at that length
     */
    AttentionMask mask(int n, int layer);

    /** The number of distinct layers before the pattern repeats (1 for a single-layer pattern). */
    default int period() {
        return 1;
    }

    /** A name for tables and legends ({@link Patterns} names its patterns, e.g. {@code strided(l=64)}). */
    default String name() {
        return "pattern";
    }

    /**
     * One period of this pattern on {@code n} tokens, with the checks of Assumption 1 of paper E
     * ({@link PatternLayers#conditions()}).
     *
     * @throws IllegalArgumentException when the pattern cannot be built at {@code n} or leaves a query without keys
     */
    default PatternLayers at(int n) {
        return PatternLayers.of(this, n);
    }

    /** Dense attention: every query sees every key ({@link Patterns#dense()}). */
    static AttentionPattern dense() {
        return Patterns.dense();
    }

    /** Causal attention: query $i$ sees keys $0..i$ ({@link Patterns#causal()}). */
    static AttentionPattern causal() {
        return Patterns.causal();
    }
}
