/**
 * Top-k attention certified by total variation (paper A, {@code docs/papers/A.md}): the tail mass
 * $\tau(k) = TV(P, \hat P_k) = 1 - Z_H/Z$ a top-k keeps out (A.1), its KL form (A.2), certified upper bounds
 * of $\tau$ from the ordered logits alone (A.3), the head–tail decomposition of the output error and its bounds
 * (A.4–A.6), the Gaussian $k_\varepsilon$ rule (A.7) and certified top-k with block search (A.8).
 *
 * <p>Entry points: {@link io.github.attnlab.topk.TopK} (one row, fluent), {@link io.github.attnlab.topk.TopKRows}
 * (a matrix), {@link io.github.attnlab.topk.RankedRow} (a reusable workspace for loops),
 * {@link io.github.attnlab.topk.KeyBlocks} (search that scores only some keys),
 * {@link io.github.attnlab.topk.GaussianRule}. Rows follow the row contract of {@code io.github.attnlab.core}.
 */
package io.github.attnlab.topk;
