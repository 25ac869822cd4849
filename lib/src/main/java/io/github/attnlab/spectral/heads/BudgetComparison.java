package io.github.attnlab.spectral.heads;

/**
 * Per-row top-$k$ against effective-resistance sampling at the same edge budget on one head (docs/papers/D.md §D
 * item 4): the quadratic-form $\varepsilon$ of each, and the attention mass each loses, which is the total-variation
 * error of the renormalised sparse attention (paper A item 1) summed over rows, over the total mass.
 *
 * @param layer             the layer
 * @param head              the head
 * @param k                 the top-$k$ that sets the budget
 * @param edges             the budget: the undirected edges of the symmetrised top-$k$ graph
 * @param edgeFraction      {@code edges} over the full graph's edges
 * @param epsilonTopK       the quadratic-form $\varepsilon$ of top-$k$
 * @param epsilonSparsifier the quadratic-form $\varepsilon$ of the sparsifier
 * @param lostTopK          the fraction of attention mass top-$k$ drops
 * @param lostSparsifier    the fraction of attention mass outside the sparsifier's pattern (diagonal kept)
 */
public record BudgetComparison(int layer, int head, int k, int edges, double edgeFraction, double epsilonTopK,
                               double epsilonSparsifier, double lostTopK, double lostSparsifier) {

    /** Whether the sparsifier approximates the quadratic form better. */
    public boolean sparsifierBetterOnEpsilon() {
        return epsilonSparsifier < epsilonTopK;
    }

    /** Whether top-$k$ loses no more attention mass than the sparsifier. */
    public boolean topKBetterOnMass() {
        return lostTopK <= lostSparsifier;
    }
}
