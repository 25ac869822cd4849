/**
 * Eigenpairs of symmetric (Laplacian) matrices, each returned with its residual, sorted and
 * sign-fixed: EJML's dense solver for small matrices, thick-restart Lanczos and LOBPCG for the
 * smallest eigenpairs of large sparse ones, and {@link io.github.attnlab.spectral.eigen.LaplacianSpectra},
 * which knows a Laplacian's null space and picks the solver by size.
 */
package io.github.attnlab.spectral.eigen;
