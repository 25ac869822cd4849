/**
 * Spectral sparsification by effective-resistance sampling (Spielman–Srivastava; docs/papers/D.md §D item 4)
 * and the measures of how well a sparse graph approximates a dense one: the $\varepsilon$ of
 * $(1 \pm \varepsilon)$ quadratic-form agreement and the spectral norm of the Laplacian difference.
 */
package io.github.attnlab.spectral.sparsify;
