/**
 * Eigenpairs of symmetric (Laplacian) matrices, each returned with its residual, sorted and
 * sign-fixed: EJML's dense solver for small matrices, thick-restart Lanczos and LOBPCG for the
 * smallest eigenpairs of large sparse ones, and {@link io.github.attnlab.spectral.eigen.LaplacianSpectra},
 * which knows a Laplacian's null space and picks the solver by size: the spectra behind paper D items D.1–D.3
 * ({@code docs/papers/D.md}). The dense solver is {@code core.SymmetricEigen}.
 */
package io.github.attnlab.spectral.eigen;
