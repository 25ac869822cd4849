/**
 * The small training code of the compact-kernel experiments: a Memory-Mosaics-style
 * kernel-regression head (unit-norm features shared by keys and queries, a learned $\beta$, any
 * {@link io.github.attnlab.compact.Normalizer}), trained by Adam through the normalisers' Jacobians on
 * in-context regression and associative-recall episodes, and evaluated across context lengths with
 * seeds and paired standard errors (the experiments of paper B, {@code docs/papers/B.md}, item B.exp).
 * Single-threaded and seeded: a run is reproducible bit for bit.
 */
package io.github.attnlab.compact.train;
