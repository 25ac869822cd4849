/**
 * Nadaraya–Watson regression with named smoothing kernels (Epanechnikov, biweight, triweight, the
 * general $(1 - u^2)_+^n$ family, Gaussian) under fixed or adaptive normalisation, and the
 * {@link io.github.attnlab.compact.nw.Correspondence} between kernel order and $\alpha = 1 + 1/n$,
 * bandwidth and threshold (docs/papers/B.md §B.1–3). It computes weights from squared distances alone, so
 * it checks the normalisers of {@link io.github.attnlab.compact} independently.
 */
package io.github.attnlab.compact.nw;
