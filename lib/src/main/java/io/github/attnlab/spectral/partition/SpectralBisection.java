package io.github.attnlab.spectral.partition;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.cut.SpectralGap;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.WeightedGraph;

/**
 * Spectral bisection (Fiedler 1975; Pothen, Simon &amp; Liou 1990): order the vertices by the
 * Fiedler vector of $L = D - W$ and cut at the requested fraction, which minimises the relaxed
 * ratio cut $x^\top L x / x^\top x$ over $x \perp \mathbf 1$. Recursive for $k$ blocks
 * ({@link Bisector#partition}). On a disconnected graph the Fiedler vector is a component
 * indicator, so the split separates components first.
 */
public final class SpectralBisection implements Bisector {

    /** The bisector. */
    public static final SpectralBisection INSTANCE = new SpectralBisection();

    private SpectralBisection() {
    }

    @Override
    public int[] bisect(WeightedGraph g, double fraction) {
        Check.notNull("g", g);
        Check.open("fraction", fraction, 0, 1);
        if (g.n() < 2) {
            throw new IllegalArgumentException("cannot bisect a graph of " + g.n() + " vertex");
        }
        return Bisector.splitByScore(SpectralGap.of(Laplacian.combinatorial(g.symmetrised())).fiedler(), fraction);
    }

    @Override
    public String toString() {
        return "SpectralBisection";
    }
}
