/**
 * Attention as an integral operator on measures (paper F.1: Kawata and Suzuki, "Transformers as measure-theoretic
 * associative memory: a statistical perspective and minimax optimality", 2026).
 *
 * <p>A context is a measure $\nu$ over tokens $y \in \mathbb{R}^d$, and attention maps it to the function
 * $\mathrm{Attn}(\nu)(x) = \int v(y) e^{\langle W_q x, W_k y\rangle} d\nu(y) / \int e^{\langle W_q x, W_k y\rangle}
 * d\nu(y)$ ({@link io.github.attnlab.measure.MeasureAttention}), evaluated on empirical measures of any size in one
 * streaming pass ({@link io.github.attnlab.measure.Measure}: a context of $10^6$ samples is never held as an
 * $n \times d$ array). The task of the paper — a mixture context $\nu = I^{-1}\sum_i \mu^{(i)}$, a query from one
 * component, recall that component and predict — is {@link io.github.attnlab.measure.MixtureContext}, with component
 * densities on the circle whose Fourier coefficients decay like $k^{-s}$
 * ({@link io.github.attnlab.measure.CircleDensity}): our reading of the paper's spectral assumption, explained in
 * {@code docs/papers/F.md}.
 */
package io.github.attnlab.measure;
