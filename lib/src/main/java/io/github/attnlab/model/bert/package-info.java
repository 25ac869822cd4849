/**
 * Pretrained BERT-family encoders in pure Java (bert-base-uncased, all-MiniLM-L6-v2, bge-small-en-v1.5): the
 * forward pass and its attention ({@link io.github.attnlab.model.bert.Bert#attention(String)}), fill-mask and
 * masked-LM distributions, and head removal (Michel et al. 2019) for the pruning experiment of paper C item C.5
 * ({@code docs/papers/C.md}). The float loops run through {@code io.github.attnlab.simd.FloatOps}, so the forward
 * pass gives the same bits on both SIMD paths.
 */
package io.github.attnlab.model.bert;
