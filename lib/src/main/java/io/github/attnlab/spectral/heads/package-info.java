/**
 * The spectral statements of paper D measured head by head on real attention tensors (docs/papers/D.md §D items
 * 1–5): each class computes one table of typed rows over the heads of an {@link io.github.attnlab.model.AttentionTensor}
 * (Cheeger's sandwich, the top-$k$ spectral sweep with Weyl and Davis–Kahan, effective-resistance sparsification
 * against top-$k$, partitions against contiguous blocks), so a notebook reads columns by name
 * ({@code TopKGap::lambda2}) and states its claims on the table's summaries.
 */
package io.github.attnlab.spectral.heads;
