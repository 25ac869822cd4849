/**
 * Attention of real models as data: {@link io.github.attnlab.model.AttentionTensor} holds the scores
 * $s = QK^\top/\sqrt d$ and probabilities $P = \mathrm{softmax}(s)$ of every layer, head, query and key, whose rows
 * are the logit rows of papers A and B and whose head matrices are the graphs of paper D and the 3-tensor of paper C
 * ({@code docs/papers/}); {@link io.github.attnlab.model.Progress} reports long computations.
 */
package io.github.attnlab.model;
