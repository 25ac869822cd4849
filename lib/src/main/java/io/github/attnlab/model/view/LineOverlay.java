package io.github.attnlab.model.view;

/** Which lines an {@link AttentionView} colours: plain attention, or the keys a sparse rule keeps. */
public enum LineOverlay {
    /** Every line of weight at least the view's threshold, opacity proportional to $P_{qk}$. */
    ATTENTION,
    /** The certified top-k support at $\varepsilon$ of each query (paper A): the $k_\varepsilon$ highest scores. */
    TOPK,
    /** The support $\{k : p_k > 0\}$ of $\alpha$-entmax of each query's scores (paper B). */
    ENTMAX
}
