package io.github.attnlab.stats;

import io.github.attnlab.core.ArgSort;
import io.github.attnlab.core.Check;

/** Ranks of a sample, $1$ for the smallest, ties sharing the average of the ranks they span (mid-ranks). */
public final class Ranks {

    private Ranks() {
    }

    /** The mid-ranks of {@code x}: $r_i \in [1, n]$; equal values get the mean of their ranks. */
    public static double[] of(double... x) {
        Check.finite("x", x);
        int[] order = ArgSort.ascending(x);
        double[] r = new double[x.length];
        for (int a = 0; a < order.length; ) {
            int b = a;
            while (b + 1 < order.length && x[order[b + 1]] == x[order[a]]) {
                b++;
            }
            double mid = (a + b) / 2.0 + 1;
            for (int t = a; t <= b; t++) {
                r[order[t]] = mid;
            }
            a = b + 1;
        }
        return r;
    }
}
