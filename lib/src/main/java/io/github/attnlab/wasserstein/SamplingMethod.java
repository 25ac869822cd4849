package io.github.attnlab.wasserstein;

/**
 * How {@link BrwpSampler} moves its particles toward $\pi \propto e^{-(f + V)/\beta}$ (paper F.3,
 * {@code docs/papers/F.md}).
 */
public enum SamplingMethod {
    /**
     * Backward regularised Wasserstein proximal, split (deterministic): $x \leftarrow x - h\nabla f(x)$, then
     * $x \leftarrow \mathrm{prox}_{(h/2)V}(x) + \tfrac12(x - m(x))$, where
     * $m(x) = \sum_l \mathrm{softmax}_l(-\lVert x - x_l\rVert^2/(4\beta h) - \log Z(x_l))\,x_l$ is the kernel's
     * particle interaction (attention over the particles) with the exact $\log Z$ of the prior's kernel.
     */
    BRWP_SPLITTING,
    /**
     * As {@link #BRWP_SPLITTING} with the interaction taken coordinate by coordinate: $m_k(x) = \sum_l
     * \mathrm{softmax}_l(-(x_k - x_{l,k})^2/(4\beta h) - \log Z_1(x_{l,k}))\,x_{l,k}$, the score of the product of
     * the one-dimensional marginal laws. Exact in the limit for product targets; it avoids the $d$-dimensional
     * softmax collapsing onto each particle itself when $N$ is small against the dimension (the choice made in the
     * authors' published code for the L1 prior).
     */
    BRWP_SPLITTING_PER_COORDINATE,
    /**
     * Moreau–Yosida unadjusted Langevin (the stochastic baseline): $x \leftarrow \mathrm{prox}_{hV}(x) - h\nabla f(x)
     * + \sqrt{2\beta h}\,\xi$, $\xi \sim N(0, I)$.
     */
    MYULA
}
