package io.github.attnlab.spectral.sparsify;

import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Locale;

/**
 * A sparsifier and the graph it approximates.
 *
 * @param original the graph $G$
 * @param sparse   the reweighted subgraph $\tilde G$
 * @param samples  the number of draws $q$
 */
public record Sparsified(WeightedGraph original, WeightedGraph sparse, int samples) {

    /** The fraction of $G$'s edges kept. */
    public double keptFraction() {
        return (double) sparse.edgeCount() / original.edgeCount();
    }

    /** The exact $\varepsilon$ of the quadratic forms (dense; small graphs). */
    public QuadraticFormError error() {
        return QuadraticFormError.exact(original, sparse);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Sparsified[%d of %d edges (%.1f%%) from %d draws, n=%d]", sparse.edgeCount(),
                original.edgeCount(), 100 * keptFraction(), samples, original.n());
    }
}
