/**
 * The shared core every area builds on: the row contract for logits ({@link io.github.attnlab.core.LogitRow}),
 * the argument checks and their one message format ({@link io.github.attnlab.core.Check}).
 *
 * <p>The row contract, stated once (see {@code docs/row-contract.md}): in a row of logits (scores) a finite
 * value is a score; $-\infty$ masks a key, which then gets probability exactly 0; NaN and $+\infty$ are refused;
 * a row with no unmasked key is refused. Every package (top-k certification, sparse normalisers, spectral
 * graphs, training, the real models) validates rows with {@link io.github.attnlab.core.LogitRow}.
 */
package io.github.attnlab.core;
