package io.github.attnlab.haar;

import io.github.attnlab.core.Check;
import io.github.attnlab.tree.PartitionTree;

/**
 * The Haar-like orthonormal basis of $\mathbb{R}^n$ on a partition tree (Gavish, Nadler and Coifman,
 * "Multiscale wavelets on trees, graphs and high dimensional data", ICML 2010; docs/papers/C.md §C.4).
 *
 * <p>Coefficient 0 is the scaling function $1/\sqrt{n}$. A folder $X$ with ordered children
 * $c_1, \dots, c_k$ contributes $k - 1$ functions: with $U_j = c_1 \cup \dots \cup c_j$,
 * $m = |U_j|$ and $m' = |c_{j+1}|$,
 * $\psi_{X,j} = \sqrt{m' / (m (m + m'))}\, 1_{U_j} - \sqrt{m / (m' (m + m'))}\, 1_{c_{j+1}}$,
 * of unit norm, zero mean, constant on each child of $X$ and supported in $X$. Altogether
 * $1 + \sum_X (k_X - 1) = n$ orthonormal functions. Folders are taken in the tree's breadth-first
 * order, so coefficients run from coarse to fine; {@link #folder(int)} names the folder of each.
 *
 * <p>$f$ is $\alpha$-Hölder in the tree metric iff $|\langle f, \psi_{X,j} \rangle| \le C |X|^{\alpha + 1/2}$
 * (normalised measure; Theorem 3.1 of the ICML paper). Transforms are in {@link TensorHaar}.
 */
public final class HaarBasis {

    private final PartitionTree tree;
    private final int[] offset;
    private final int[] folder;
    private final double[] a;
    private final double[] b;

    private HaarBasis(PartitionTree tree) {
        this.tree = tree;
        int n = tree.size();
        int nodes = tree.nodeCount();
        offset = new int[nodes];
        folder = new int[n];
        a = new double[n];
        b = new double[n];
        a[0] = 1 / Math.sqrt(n);
        int q = 1;
        for (int v = 0; v < nodes; v++) {
            int k = tree.childCount(v);
            offset[v] = k == 0 ? -1 : q;
            int c0 = tree.firstChild(v);
            double m = k == 0 ? 0 : tree.folderSize(c0);
            for (int j = 1; j < k; j++) {
                double m2 = tree.folderSize(c0 + j);
                folder[q] = v;
                a[q] = Math.sqrt(m2 / (m * (m + m2)));
                b[q] = Math.sqrt(m / (m2 * (m + m2)));
                m += m2;
                q++;
            }
        }
        if (q != n) {
            throw new AssertionError("built " + q + " Haar functions for " + n + " points");
        }
    }

    /** The Haar basis on {@code tree}. */
    public static HaarBasis on(PartitionTree tree) {
        Check.notNull("tree", tree);
        return new HaarBasis(java.util.Objects.requireNonNull(tree, "tree"));
    }

    /** The tree. */
    public PartitionTree tree() {
        return tree;
    }

    /** The dimension $n$. */
    public int size() {
        return tree.size();
    }

    /** The folder of coefficient {@code q} (the root for the scaling coefficient 0). */
    public int folder(int q) {
        return folder[check(q)];
    }

    /** $|X| / n$ for the folder $X$ of coefficient {@code q} (1 for the scaling function). */
    public double folderFraction(int q) {
        return (double) tree.folderSize(folder[check(q)]) / tree.size();
    }

    /** The depth of the folder of coefficient {@code q}. */
    public int level(int q) {
        return tree.depth(folder[check(q)]);
    }

    /** Whether coefficient {@code q} is the scaling function (only {@code q = 0}). */
    public boolean isScaling(int q) {
        return check(q) == 0;
    }

    /** The index of the first coefficient of folder {@code v}, or -1 for a leaf. */
    public int firstCoefficient(int v) {
        Check.index("v", v, offset.length);
        return offset[v];
    }

    /** The weight on $U_j$ of coefficient {@code q} (for {@code q = 0}: $1/\sqrt n$). */
    double weightLeft(int q) {
        return a[q];
    }

    /** The weight on $c_{j+1}$ of coefficient {@code q}. */
    double weightRight(int q) {
        return b[q];
    }

    /** Basis function {@code q} as a vector over the points. */
    public double[] function(int q) {
        check(q);
        double[] f = new double[size()];
        if (q == 0) {
            java.util.Arrays.fill(f, a[0]);
            return f;
        }
        int v = folder[q];
        int j = q - offset[v] + 1;
        int c0 = tree.firstChild(v);
        for (int c = c0; c < c0 + j; c++) {
            for (int p : tree.members(c)) {
                f[p] = a[q];
            }
        }
        for (int p : tree.members(c0 + j)) {
            f[p] = -b[q];
        }
        return f;
    }

    /** The basis as a dense $n \times n$ matrix, row {@code q} = function {@code q} (for tests and small n). */
    public double[][] matrix() {
        double[][] m = new double[size()][];
        for (int q = 0; q < size(); q++) {
            m[q] = function(q);
        }
        return m;
    }

    private int check(int q) {
        return Check.index("q", q, size());
    }

    @Override
    public String toString() {
        return "HaarBasis[n=" + size() + " on " + tree + "]";
    }
}
