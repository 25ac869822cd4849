/**
 * Spectral graph analysis of attention (docs/papers/D.md §D): an attention matrix is a weighted graph on
 * tokens, and this area measures what sparsification does to it.
 *
 * <p>Sub-packages by problem: {@code graph} (attention graphs, sparse matrices, Laplacians),
 * {@code eigen} (dense, Lanczos and LOBPCG eigensolvers), {@code cut} (spectral gap, Cheeger),
 * {@code resistance} (effective and total resistance, a Laplacian solver), {@code sparsify}
 * (Spielman–Srivastava sampling and quadratic-form errors) and {@code partition} (spectral and
 * multilevel partitioning, block-sparsity figures). This package holds what notebooks use across
 * them: synthetic attention heads, the attention output and its error, heat maps.
 */
package io.github.attnlab.spectral;
