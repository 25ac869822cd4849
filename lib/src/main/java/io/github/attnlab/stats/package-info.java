/**
 * The statistics the notebooks report their measurements with: ranks and correlations with confidence intervals
 * ({@link io.github.attnlab.stats.Correlation}: Pearson, and Spearman's rank correlation, as C04 compares head
 * entropies across texts, {@code docs/papers/C.md} item C.5), summaries with standard errors and z-scores
 * ({@link io.github.attnlab.stats.Summary}), and seeded random permutations for null distributions
 * ({@link io.github.attnlab.stats.Shuffle}).
 */
package io.github.attnlab.stats;
