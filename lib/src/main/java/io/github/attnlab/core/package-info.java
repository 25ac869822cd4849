/**
 * The shared core every area builds on.
 *
 * <ul>
 *   <li>The row contract for logits ({@link io.github.attnlab.core.LogitRow}, {@code docs/row-contract.md}): in a
 *       row of logits a finite value is a score; $-\infty$ masks a key, which then gets probability exactly 0; NaN
 *       and $+\infty$ are refused; a row with no unmasked key is refused. Every package (top-k certification,
 *       sparse normalisers, the float softmax of the models, synthetic heads) validates rows with it.</li>
 *   <li>The argument checks and their one message format ({@link io.github.attnlab.core.Check}) and deep copies
 *       ({@link io.github.attnlab.core.Copy}).</li>
 *   <li>The one argsort ({@link io.github.attnlab.core.ArgSort}, radix and comparison sort, ties by index), the
 *       principal-axis median bisection ({@link io.github.attnlab.core.AxisBisection}: the clustered key blocks
 *       of paper A item A.8 and the bisection trees of paper C item C.2), and the sorted symmetric
 *       eigen-decomposition with residuals ({@link io.github.attnlab.core.SymmetricEigen},
 *       {@link io.github.attnlab.core.ConvergenceException}: diffusion maps of C.3 and the spectra of paper D).</li>
 * </ul>
 */
package io.github.attnlab.core;
