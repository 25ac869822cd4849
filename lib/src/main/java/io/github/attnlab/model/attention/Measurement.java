package io.github.attnlab.model.attention;

/** What an {@link AttentionHook} measures while a forward pass runs, from cheapest to dearest. */
public enum Measurement {
    /** Nothing: the model only computes (what {@code Bert.withAttention} uses for predictions). */
    NONE,
    /** Keys scored and kept per layer, head and query, and the wall time of attention per layer. */
    TIME,
    /**
     * Also, per query, the discarded mass $\tau$ of a truncation (or the total-variation distance to dense softmax of
     * any other rule), from the dense softmax of the same scores: $O(n)$ extra per query.
     */
    TAU,
    /**
     * Also, per query: the exact output error $\|\mathrm{Attn} - \mathrm{Attn}_H\|_2$
     * and the variance head–tail bound, $O(nd)$ extra per query. The attention times then include this work.
     */
    ERRORS,
    /** Also the diameter head–tail bound, $O(|H|\,|T|\,d)$ per query (about as much as the rest of the pass). */
    ERRORS_AND_DIAMETER
}
