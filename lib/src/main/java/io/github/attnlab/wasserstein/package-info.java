/**
 * The regularised Wasserstein proximal operator as an attention operator (paper F.3: Han, Osher and Li, "Sparse
 * transformer architectures via regularized Wasserstein proximal operator with $L_1$ prior", 2025).
 *
 * <p>Its closed-form kernel moves a point $y$ to the law
 * $K(x \mid y) \propto \exp(-V(x)/(2\beta) - \lVert x - y\rVert^2/(4\beta T))$; on a finite set of particles
 * $x_1, \dots, x_N$ that law is a softmax over the particles, i.e. attention with query $y$, keys and values
 * $x_i$ and a key bias $-V(x_i)/(2\beta)$ ({@link io.github.attnlab.wasserstein.WassersteinProximal}). The prior
 * $V$ is a {@link io.github.attnlab.wasserstein.Prior}; the separable ones ($\lambda\lVert x\rVert_1$,
 * $a\lVert x\rVert^2/2$) also have the continuous kernel in closed form, coordinate by coordinate
 * ({@link io.github.attnlab.wasserstein.TwoPieceGaussian}), and with $V = \lambda\lVert x\rVert_1$ its mean tends
 * to soft thresholding $S_{\lambda T}(y)$, the proximal map, as $\beta \to 0$
 * ({@link io.github.attnlab.wasserstein.L1Prior}). {@link io.github.attnlab.wasserstein.BrwpSampler} is the
 * paper's sampling use: particles moved by the backward regularised Wasserstein proximal scheme. The statements,
 * in our words, are in {@code docs/papers/F.md}.
 */
package io.github.attnlab.wasserstein;
