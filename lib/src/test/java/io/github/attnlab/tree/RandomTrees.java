package io.github.attnlab.tree;

import java.util.Random;

/** Seeded random partition trees of uneven fan-out and depth, for property tests. */
public final class RandomTrees {

    private RandomTrees() {
    }

    /**
     * A random tree on {@code n} points by recursive random splits: each folder of m >= 2 points
     * splits into 2..maxChildren (at most m) children of random sizes, points in random order.
     */
    public static PartitionTree random(Random r, int n, int maxChildren) {
        int[] perm = shuffled(r, n);
        TreeAssembler asm = new TreeAssembler();
        int root = split(r, asm, perm, 0, n, maxChildren);
        return asm.build(root, n);
    }

    private static int split(Random r, TreeAssembler asm, int[] perm, int from, int to, int maxChildren) {
        int m = to - from;
        if (m == 1) {
            return asm.leaf(perm[from]);
        }
        int k = 2 + r.nextInt(Math.min(maxChildren, m) - 1);
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        while (cuts.size() < k - 1) {
            cuts.add(from + 1 + r.nextInt(m - 1));
        }
        int[] kids = new int[k];
        int a = from;
        int c = 0;
        for (int cut : cuts) {
            kids[c++] = split(r, asm, perm, a, cut, maxChildren);
            a = cut;
        }
        kids[c] = split(r, asm, perm, a, to, maxChildren);
        return asm.node(kids);
    }

    private static int[] shuffled(Random r, int n) {
        return io.github.attnlab.stats.Shuffle.permutation(n, r);
    }

    /**
     * A random tree on {@code n} points from random nested levels (uneven depth, wide folders), each folder of level l split into up to
     * {@code maxChildren} parts at the next level, with random point order.
     */
    public static PartitionTree randomLevels(Random r, int n, int maxChildren) {
        int levels = 1 + r.nextInt(5);
        int[][] labels = new int[levels][n];
        int[] perm = io.github.attnlab.stats.Shuffle.permutation(n, r);
        // Level l cuts the permuted order into runs; each run of level l+1 lies inside one of level l.
        int[] cut = new int[n];
        for (int l = 0; l < levels; l++) {
            int label = 0;
            for (int k = 0; k < n; k++) {
                if (k > 0 && (cut[k] > 0 || r.nextInt(Math.max(2, n / (maxChildren * (l + 1)))) == 0)) {
                    cut[k] = 1;
                    label++;
                }
                labels[l][perm[k]] = label;
            }
        }
        return PartitionTree.fromLevels(labels);
    }
}
