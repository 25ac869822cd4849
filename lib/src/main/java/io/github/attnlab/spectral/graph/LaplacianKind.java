package io.github.attnlab.spectral.graph;

/**
 * The three Laplacians of an undirected weighted graph with adjacency $W$ and degrees
 * $D = \mathrm{diag}(W\mathbf 1)$ (Chung, <i>Spectral Graph Theory</i>, 1997, §1.2).
 */
public enum LaplacianKind {
    /** $L = D - W$; $x^\top L x = \sum_{\{i,j\}} w_{ij}(x_i - x_j)^2$; spectrum in $[0, 2 d_{\max}]$. */
    COMBINATORIAL,
    /**
     * $L_{\mathrm{sym}} = I - D^{-1/2} W D^{-1/2}$; spectrum in $[0, 2]$. An isolated vertex
     * ($d_i = 0$) gets $(L_{\mathrm{sym}})_{ii} = 0$ (Chung's convention), so it is a component
     * with eigenvalue 0 like every other.
     */
    SYMMETRIC,
    /**
     * $L_{\mathrm{rw}} = I - D^{-1}W = D^{-1/2} L_{\mathrm{sym}} D^{1/2}$: not symmetric, same
     * eigenvalues as $L_{\mathrm{sym}}$, right eigenvectors $D^{-1/2}\psi$ for eigenvectors $\psi$ of
     * $L_{\mathrm{sym}}$. Isolated vertices as for {@link #SYMMETRIC}.
     */
    RANDOM_WALK
}
