package io.github.attnlab.model.bert;

/**
 * Over which blocks magnitude pruning keeps its fraction of the attention weights (paper F.2, {@code docs/papers/F.md}).
 */
public enum PruningGranularity {
    /** Each of $W_q, W_k, W_v, W_o$ of each layer ($H \times H$) keeps its own largest fraction. */
    MATRIX,
    /**
     * Each head's slice of each matrix keeps its own largest fraction: the head's $d$ columns of $W_q$, $W_k$,
     * $W_v$ and its $d$ rows of $W_o$ ($H \times d$ each).
     */
    HEAD
}
