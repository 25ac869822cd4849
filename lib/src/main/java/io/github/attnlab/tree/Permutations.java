package io.github.attnlab.tree;

/** Argument checks shared by the tree classes. */
final class Permutations {

    private Permutations() {
    }

    /** Throws unless {@code perm} is a permutation of $0..n-1$, naming the argument and the first fault. */
    static void check(String name, int[] perm, int n) {
        if (perm.length != n) {
            throw new IllegalArgumentException(name + " has length " + perm.length + ", expected " + n);
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int p = perm[i];
            if (p < 0 || p >= n) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + p + " is outside [0, " + n + ")");
            }
            if (seen[p]) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + p + " repeats an earlier entry");
            }
            seen[p] = true;
        }
    }

    /** Throws unless every entry of a matrix is finite and its rows have equal length. */
    static void checkMatrix(String name, double[][] m) {
        if (m.length == 0 || m[0].length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != m[0].length) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + m[i].length + " entries, "
                        + name + "[0] has " + m[0].length);
            }
            for (int j = 0; j < m[i].length; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is " + m[i][j]);
                }
            }
        }
    }
}
