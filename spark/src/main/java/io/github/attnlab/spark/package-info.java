/**
 * Corpus scale on Apache Spark (issue 18): the statistics of the other areas, per passage, layer and head, over
 * thousands of passages of a real text.
 *
 * <p>{@link io.github.attnlab.spark.CorpusJob} is the fluent entry point; {@link io.github.attnlab.spark.PassageAnalysis}
 * is the single-process path the job distributes (the same code, so the two agree exactly, passage by passage). Per
 * (passage, layer, head): the certified $k_\varepsilon$ of every query for a list of $\varepsilon$ (paper A, A.8,
 * {@code docs/papers/A.md}), the Gaussian-rule $\sigma$ fit (A.7), $\lambda_2(L_{sym})$ and the Cheeger sweep
 * conductance (paper D, D.1), the bi-Haar $\ell_1$ entropy (paper C, C.5) and the 1.5-entmax support size (paper B).
 * None of the mathematics is re-implemented here: every number comes from the core library.
 */
package io.github.attnlab.spark;
