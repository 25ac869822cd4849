package io.github.attnlab.patterns;

/**
 * Whether a pattern looks both ways (the bidirectional setting of paper E's theorem) or only at earlier tokens
 * (the autoregressive setting of Child et al.'s Sparse Transformer).
 */
public enum Direction {
    /** Keys on both sides of the query. */
    BIDIRECTIONAL,
    /** Keys $j \le k$ only. */
    CAUSAL
}
