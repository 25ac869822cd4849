/**
 * Effective resistance $R_{uv} = (e_u - e_v)^\top L^+ (e_u - e_v)$ (docs/papers/D.md §D item 3): exact
 * through the pseudo-inverse, approximate through random projections and a preconditioned
 * conjugate-gradient Laplacian solver, and the total resistance $n \sum_{i \ge 2} 1/\lambda_i$.
 */
package io.github.attnlab.spectral.resistance;
