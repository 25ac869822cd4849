/**
 * Haar-like orthonormal bases on partition trees and what they measure (paper C, {@code docs/papers/C.md}).
 *
 * <p>{@link io.github.attnlab.haar.HaarBasis} is the Gavish–Nadler–Coifman basis of one tree;
 * {@link io.github.attnlab.haar.TensorHaar} the bi-Haar (a matrix, one attention head) and tri-Haar (a
 * 3-tensor, a whole network) tensor products with forward and inverse transforms in $O(N \cdot d)$
 * through {@link io.github.attnlab.simd.SimdOps}; {@link io.github.attnlab.haar.HaarCoefficients} carries
 * the $\ell_1$ entropy, best-$k$-term errors and the Hölder exponent
 * ({@link io.github.attnlab.haar.HolderEstimate}) of the coefficient decay;
 * {@link io.github.attnlab.haar.Paraproduct} splits $A(f)$ into a paraproduct and a smoother residual
 * (softmax invariance). {@link io.github.attnlab.haar.SyntheticHeads} makes labelled synthetic attention
 * heads for experiments without a model.
 */
package io.github.attnlab.haar;
