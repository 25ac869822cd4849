package io.github.attnlab.measure;

import io.github.attnlab.core.Check;

/**
 * A finite measure $\nu = \sum_j w_j \delta_{y_j}$ on $\mathbb{R}^d$, visited atom by atom in one pass (paper F.1,
 * {@code docs/papers/F.md}).
 *
 * <p>A measure may be stored ({@link EmpiricalMeasure}) or generated on the fly, in which case it is never held in
 * memory: {@link #forEach} regenerates the same atoms, in the same order, on every pass (e.g. a seeded sample of
 * $10^6$ tokens, {@link MixtureContext#context}). The sink receives a buffer it must not keep: it is overwritten by the
 * next atom.
 */
public interface Measure {

    /** Receives one atom: its point (a reused buffer of length {@link #dimension()}) and its weight $w_j \ge 0$. */
    @FunctionalInterface
    interface Sink {
        /** One atom. */
        void accept(double[] point, double weight);
    }

    /** The dimension $d$ of the points. */
    int dimension();

    /** The number of atoms (at least 1). */
    long size();

    /** Calls {@code sink} once per atom, in a fixed order. */
    void forEach(Sink sink);

    /** The total mass $\sum_j w_j$ (one pass). */
    default double mass() {
        double[] m = {0};
        forEach((p, w) -> m[0] += w);
        return m[0];
    }

    /** Checks a measure: non-null and not empty. */
    static Measure checked(String name, Measure nu) {
        Check.notNull(name, nu);
        if (nu.size() < 1) {
            throw new IllegalArgumentException(name + " is empty: a measure needs at least one atom");
        }
        return nu;
    }
}
