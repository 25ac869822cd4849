/**
 * Diffusion maps (Coifman–Lafon), with the largest non-trivial eigenpairs of the Markov operator
 * (paper C, item C.3 of {@code docs/papers/C.md}): {@link io.github.attnlab.diffusion.DiffusionMaps} configures
 * and computes, {@link io.github.attnlab.diffusion.DiffusionMap} holds the eigenpairs, diffusion
 * coordinates and distances and extends them to new points, {@link io.github.attnlab.diffusion.Bandwidth}
 * chooses the Gaussian scale.
 */
package io.github.attnlab.diffusion;
