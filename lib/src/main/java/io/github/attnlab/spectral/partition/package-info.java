/**
 * Graph partitioning for block-sparse attention (docs/papers/D.md §D item 5): recursive spectral
 * bisection, a multilevel partitioner (heavy-edge coarsening, Fiduccia–Mattheyses refinement),
 * the exact optimum of small graphs, edge cut and balance, and the work and kept attention mass of
 * block-diagonal and tiled kernels.
 */
package io.github.attnlab.spectral.partition;
