package io.github.attnlab.spectral.heads;

/**
 * One head's resistances and effective-resistance sampling (docs/papers/D.md §D items 3 and 4).
 *
 * @param layer            the layer
 * @param head             the head
 * @param fosterResidual   $|\sum_e w_e R_e - (n - 1)|$ (Foster's theorem: 0)
 * @param rayleighIncrease the smallest relative increase of the total resistance $R_{\mathrm{tot}}$ from one graph to
 *                         the next in full, top-$k_1$, top-$k_2$, ... for decreasing $k$ (Rayleigh monotonicity: $\ge 0$)
 * @param theoremEpsilon   the quadratic-form $\varepsilon$ of a sparsifier drawn with the theorem's
 *                         $q = \lceil 4n\ln n/\varepsilon_0^2 \rceil$ samples
 * @param rateSlope        the least-squares slope of $\log\varepsilon$ on $\log q$ over the rate's sample counts
 *                         (the theorem's rate: $-1/2$)
 */
public record HeadSparsification(int layer, int head, double fosterResidual, double rayleighIncrease,
                                 double theoremEpsilon, double rateSlope) {
}
