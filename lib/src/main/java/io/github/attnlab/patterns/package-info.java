/**
 * Sparsity patterns of attention and the conditions of the O(n) universal-approximation theorem
 * (paper E, Yun et al., NeurIPS 2020; {@code docs/papers/E.md}).
 *
 * <p>{@link io.github.attnlab.patterns.AttentionMask} (one layer's sets $A_k$) and
 * {@link io.github.attnlab.patterns.AttentionPattern} (a mask for every length and layer) are the mask
 * interfaces the training engine and the real models' attention hook consume.
 */
package io.github.attnlab.patterns;
