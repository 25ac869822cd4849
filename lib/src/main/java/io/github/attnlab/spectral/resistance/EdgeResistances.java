package io.github.attnlab.spectral.resistance;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.EdgeList;
import java.util.Arrays;
import java.util.Locale;

/**
 * The effective resistance $R_e$ of every edge of an undirected graph, with the check that
 * Foster's theorem provides: $\sum_e w_e R_e = n - c$ for $c$ connected components
 * (Foster 1949), since $w_e R_e$ is the leverage score of edge $e$ and the scores sum to
 * $\mathrm{rank}(L)$.
 *
 * @param edges       the edges
 * @param resistances $R_e$, parallel to the edges
 * @param components  the number of connected components $c$
 * @param method      how they were computed
 * @param projections  the number of random projections (0 for the exact method)
 */
public record EdgeResistances(EdgeList edges, double[] resistances, int components, Method method, int projections) {

    /** How the resistances were computed. */
    public enum Method {
        /** Exactly, through the pseudo-inverse of the Laplacian. */
        PSEUDO_INVERSE,
        /** Approximately, by Johnson–Lindenstrauss random projections and a Laplacian solver. */
        JOHNSON_LINDENSTRAUSS
    }

    /** Validates and copies. */
    public EdgeResistances {
        Check.notNull("edges", edges);
        Check.notNull("resistances", resistances);
        if (resistances.length != edges.size()) {
            throw new IllegalArgumentException(resistances.length + " resistances for " + edges.size() + " edges");
        }
        resistances = resistances.clone();
    }

    /** The resistances (a copy). */
    @Override
    public double[] resistances() {
        return resistances.clone();
    }

    /** $R_e$ of edge {@code e}. */
    public double resistance(int e) {
        Check.index("e", e, resistances.length);
        return resistances[e];
    }

    /** The leverage scores $w_e R_e \in [0, 1]$. */
    public double[] leverages() {
        double[] l = new double[resistances.length];
        for (int e = 0; e < l.length; e++) {
            l[e] = edges.w(e) * resistances[e];
        }
        return l;
    }

    /** $\sum_e w_e R_e$, which Foster's theorem puts at $n - c$. */
    public double fosterSum() {
        return Arrays.stream(leverages()).sum();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EdgeResistances[%d edges by %s; sum w_e R_e = %.6g (Foster: n - c = %d)]",
                resistances.length, method == Method.PSEUDO_INVERSE ? "pseudo-inverse" : "JL, " + projections + " projections",
                fosterSum(), edges.n() - components);
    }
}
