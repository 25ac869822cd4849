package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;

/**
 * Sums over the folders of a tree, one block at a time: the shared first pass of the Haar
 * transforms and of the questionnaire's tree distances.
 *
 * <p>The input is $n$ blocks of {@code len} doubles, {@code stride} apart, block $p$ belonging to
 * point $p$; the output holds one block per folder, $S_X = \sum_{p \in X} f_p$, computed bottom-up (each folder
 * from its children) in $O(\text{folders} \cdot \text{len})$ through {@link SimdOps}.
 */
public final class TreeSums {

    private TreeSums() {
    }

    /**
     * Writes the folder sums of the blocks {@code in[inOff + p*stride .. + len)} (block p for point p)
     * into {@code sums[v*len .. (v+1)*len)} for every folder {@code v}.
     */
    public static void folderSums(PartitionTree tree, double[] in, int inOff, int stride, int len, double[] sums) {
        Check.notNull("tree", tree);
        Check.notNull("in", in);
        Check.notNull("sums", sums);
        int nodes = tree.nodeCount();
        if (len < 1 || stride < len) {
            throw new IllegalArgumentException("len = " + len + " must be in [1, stride = " + stride + "]");
        }
        if (sums.length < nodes * len) {
            throw new IllegalArgumentException("sums has " + sums.length + " entries, needs " + nodes * len);
        }
        if (inOff < 0 || in.length < (long) inOff + (long) (tree.size() - 1) * stride + len) {
            throw new IllegalArgumentException("in has " + in.length + " entries; inOff = " + inOff + ", stride = " + stride
                    + " and len = " + len + " need " + ((long) inOff + (long) (tree.size() - 1) * stride + len));
        }
        SimdOps ops = SimdOps.get();
        for (int v = nodes - 1; v >= 0; v--) {
            int k = tree.childCount(v);
            if (k == 0) {
                System.arraycopy(in, inOff + tree.point(v) * stride, sums, v * len, len);
            } else {
                int c0 = tree.firstChild(v);
                System.arraycopy(sums, c0 * len, sums, v * len, len);
                for (int c = c0 + 1; c < c0 + k; c++) {
                    ops.axpy(1.0, sums, c * len, sums, v * len, len);
                }
            }
        }
    }

    /** The folder averages $S_X / |X|$ of a vector, one per folder. */
    public static double[] folderAverages(PartitionTree tree, double[] f) {
        Check.notNull("tree", tree);
        Check.finite("f", f);
        if (f.length != tree.size()) {
            throw new IllegalArgumentException("f has " + f.length + " values for a tree on " + tree.size() + " points");
        }
        double[] s = new double[tree.nodeCount()];
        folderSums(tree, f, 0, 1, 1, s);
        for (int v = 0; v < s.length; v++) {
            s[v] /= tree.folderSize(v);
        }
        return s;
    }
}
