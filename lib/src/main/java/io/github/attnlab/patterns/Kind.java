package io.github.attnlab.patterns;

/** The families of sparsity patterns of paper E ({@code docs/papers/E.md}) and how they were combined. */
public enum Kind {
    /** Every query attends to every key: $A_k = [n]$. */
    DENSE,
    /** $A_k = \{0, \dots, k\}$. */
    CAUSAL,
    /** A sliding window, $A_k = \{j : |j - k| \le w\}$ (or $0 \le k - j \le w$ when causal). */
    WINDOW,
    /** A dilated sliding window, $A_k = \{k + i d : |i| \le w\}$ (Longformer). */
    DILATED,
    /** Child et al.'s strided pattern: a local window, then every $\ell$-th token (period 2). */
    STRIDED,
    /** Child et al.'s fixed pattern: the block of $\ell$ tokens, then the last $c$ tokens of every block (period 2). */
    FIXED,
    /** Star-Transformer: neighbours, self and one relay token that attends to all. */
    STAR,
    /** Longformer: a sliding window plus global tokens. */
    LONGFORMER,
    /** Global tokens alone: they attend to all and all attend to them (plus self-loops). */
    GLOBAL,
    /** BigBird: a sliding window, global tokens and seeded random keys. */
    BIGBIRD,
    /** The random baseline: self plus $r$ seeded random keys per query. */
    RANDOM,
    /** Block-sparse: tokens attend within their block of a partition. */
    BLOCK,
    /** The per-row top-$k$ support of a real attention head. */
    TOP_K,
    /** The support of $\alpha$-entmax applied to a real head's scores. */
    ENTMAX_SUPPORT,
    /** Patterns taken in turn, one per layer. */
    CYCLE,
    /** The union of patterns, layer by layer. */
    UNION,
    /** Anything else: masks given layer by layer. */
    CUSTOM
}
