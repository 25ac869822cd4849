package io.github.attnlab.stats;

import io.github.attnlab.core.Check;
import java.util.Random;

/** Uniformly random permutations (Fisher–Yates), reproducible from a seed: the null models of the notebooks. */
public final class Shuffle {

    private Shuffle() {
    }

    /** A uniformly random permutation of $0, \dots, n-1$ drawn from {@code random}. */
    public static int[] permutation(int n, Random random) {
        Check.range("n", n, 0, Integer.MAX_VALUE);
        Check.notNull("random", random);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A uniformly random permutation of $0, \dots, n-1$ from a seed. */
    public static int[] permutation(int n, long seed) {
        return permutation(n, new Random(seed));
    }

    /** {@code count} independent permutations of $0, \dots, n-1$, the $i$-th from {@code seed + i}. */
    public static int[][] permutations(int n, int count, long seed) {
        Check.range("count", count, 0, Integer.MAX_VALUE);
        int[][] p = new int[count][];
        for (int i = 0; i < count; i++) {
            p[i] = permutation(n, seed + i);
        }
        return p;
    }
}
