package io.github.attnlab.spectral.cut;

import io.github.attnlab.core.Check;

/**
 * A vertex set $S$ and its conductance $\phi(S)$.
 *
 * @param conductance $\phi(S)$
 * @param set         membership of each vertex in $S$
 */
public record Cut(double conductance, boolean[] set) {

    /** Copies. */
    public Cut {
        Check.notNull("set", set);
        set = set.clone();
    }

    /** Membership (a copy). */
    @Override
    public boolean[] set() {
        return set.clone();
    }

    /** $|S|$. */
    public int size() {
        int s = 0;
        for (boolean b : set) {
            s += b ? 1 : 0;
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Cut[phi = %.6g, |S| = %d of %d]", conductance, size(), set.length);
    }
}
