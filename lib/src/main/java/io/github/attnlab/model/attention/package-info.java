/**
 * Sparse attention inside a real model: the rules a head may follow instead of dense softmax (fixed and certified
 * top-k, certified block search, a probability threshold, sparsemax and α-entmax, any boolean pattern, block-sparse
 * from a partition), the hook a forward pass calls per head, and what a run measured per layer, head and query
 * (keys scored and kept, τ, the exact output error next to the head–tail bound, wall times), reduced to per-layer
 * and per-head summaries that draw themselves. Papers A (§A.1, A.4–A.8), B (§B.1–B.3), D (§D.5) and E;
 * {@code docs/papers/A.md}, section "Sparse attention inside the model". The model side is
 * {@code io.github.attnlab.model.bert.Bert#withAttention}.
 */
package io.github.attnlab.model.attention;
