/**
 * Sparsity patterns of attention and the conditions of the O(n) universal-approximation theorem
 * (paper E, Yun et al., NeurIPS 2020; {@code docs/papers/E.md}).
 *
 * <p>{@link io.github.attnlab.patterns.AttentionMask} (one layer's sets $A_k$) and
 * {@link io.github.attnlab.patterns.AttentionPattern} (a mask for every length and layer) are the mask
 * interfaces the training engine and the real models' attention hook consume.
 * {@link io.github.attnlab.patterns.Patterns} makes the patterns of the paper (dense, causal, windows, STRIDED and
 * FIXED of Child et al., STAR, Longformer, BigBird, RANDOM, blocks, cycles, unions, and the top-$k$ and entmax
 * supports of real heads); {@link io.github.attnlab.patterns.PatternLayers} holds one period at one length and
 * checks Assumption 1: self-loops, a Hamiltonian path of the union graph, and full reach by the recursion on
 * bitsets ({@link io.github.attnlab.patterns.AssumptionReport}). {@link io.github.attnlab.patterns.HardmaxLimit}
 * measures Assumption 2 for a normaliser.
 */
package io.github.attnlab.patterns;
