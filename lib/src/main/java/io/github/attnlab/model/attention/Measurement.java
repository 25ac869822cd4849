package io.github.attnlab.model.attention;

/** What an {@link AttentionHook} measures while a forward pass runs, from cheapest to dearest. */
public enum Measurement {
    /** Nothing: the model only computes (what {@code Bert.withAttention} uses for predictions). */
    NONE,
    /** Keys scored and kept per layer, head and query, and the wall time of attention per layer. */
    TIME,
    /**
     * Also, per query: the dense softmax of the same scores, the discarded mass $\tau$ (or the total-variation
     * distance for a rule that is not a truncation), the exact output error $\|\mathrm{Attn} - \mathrm{Attn}_H\|_2$
     * and the variance head–tail bound, $O(nd)$ extra per query. The attention times then include this work.
     */
    ERRORS,
    /** Also the diameter head–tail bound, $O(|H|\,|T|\,d)$ per query (about as much as the rest of the pass). */
    ERRORS_AND_DIAMETER
}
