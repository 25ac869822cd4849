/**
 * Attention as a graph: an immutable CSR {@link io.github.attnlab.spectral.graph.SparseMatrix},
 * {@link io.github.attnlab.spectral.graph.WeightedGraph} built from attention matrices (directed,
 * symmetrised $W = (A + A^\top)/2$, thresholded, per-row top-k, restricted to a sparsity pattern),
 * the three {@link io.github.attnlab.spectral.graph.Laplacian}s, connected components, graphs with
 * closed-form spectra, k-nearest-neighbour graphs and conversions to and from JGraphT: the objects of paper D
 * ({@code docs/papers/D.md}).
 */
package io.github.attnlab.spectral.graph;
