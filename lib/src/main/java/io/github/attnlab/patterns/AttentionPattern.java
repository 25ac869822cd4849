package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;

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

    /** Dense attention: every query sees every key. */
    static AttentionPattern dense() {
        return (n, layer) -> {
            Check.range("layer", layer, 0, Integer.MAX_VALUE);
            return AttentionMask.dense(n);
        };
    }

    /** Causal attention: query $i$ sees keys $0..i$. */
    static AttentionPattern causal() {
        return (n, layer) -> {
            Check.range("layer", layer, 0, Integer.MAX_VALUE);
            return AttentionMask.causal(n);
        };
    }
}
