package io.github.attnlab.haar;

import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.tree.PartitionTree;
import io.github.attnlab.tree.TreeSums;

/**
 * The Haar transform of {@link HaarBasis} applied to many vectors at once: block $p$ (of {@code len}
 * doubles, blocks {@code stride} apart) belongs to point $p$, so one call transforms {@code len}
 * interleaved vectors, which is one axis of a matrix or tensor. Forward and inverse cost
 * $O(\text{folders} \cdot \text{len})$, every inner loop a {@link SimdOps} call on a whole block.
 * Holds scratch buffers: one instance per thread.
 */
final class BlockTransform {

    private final HaarBasis basis;
    private final double[] folders;
    private final double[] acc;

    BlockTransform(HaarBasis basis, int maxLen) {
        this.basis = basis;
        this.folders = new double[basis.tree().nodeCount() * maxLen];
        this.acc = new double[maxLen];
    }

    /** Coefficient blocks of the input blocks: coefficient q goes to {@code out[off + q*stride ..]}. */
    void forward(double[] in, double[] out, int off, int stride, int len) {
        PartitionTree t = basis.tree();
        SimdOps ops = SimdOps.get();
        TreeSums.folderSums(t, in, off, stride, len, folders);
        ops.scale(basis.weightLeft(0), folders, 0, out, off, len);
        for (int v = 0; v < t.nodeCount(); v++) {
            int k = t.childCount(v);
            if (k == 0) {
                continue;
            }
            int c0 = t.firstChild(v);
            int q0 = basis.firstCoefficient(v);
            System.arraycopy(folders, c0 * len, acc, 0, len);
            for (int j = 1; j < k; j++) {
                int q = q0 + j - 1;
                int c = c0 + j;
                ops.axpby(basis.weightLeft(q), acc, 0, -basis.weightRight(q), folders, c * len,
                        out, off + q * stride, len);
                if (j < k - 1) {
                    ops.axpy(1.0, folders, c * len, acc, 0, len);
                }
            }
        }
    }

    /** The input blocks of the coefficient blocks: the exact inverse of {@link #forward}. */
    void inverse(double[] in, double[] out, int off, int stride, int len) {
        PartitionTree t = basis.tree();
        SimdOps ops = SimdOps.get();
        ops.scale(basis.weightLeft(0), in, off, folders, 0, len);
        for (int v = 0; v < t.nodeCount(); v++) {
            int k = t.childCount(v);
            if (k == 0) {
                System.arraycopy(folders, v * len, out, off + t.point(v) * stride, len);
                continue;
            }
            int c0 = t.firstChild(v);
            int q0 = basis.firstCoefficient(v);
            // child c_i gets the parent's value + sum_{j >= i} a_j d_j - b_{i-1} d_{i-1}
            java.util.Arrays.fill(acc, 0, len, 0.0);
            for (int i = k; i >= 1; i--) {
                int c = c0 + i - 1;
                ops.axpby(1.0, folders, v * len, 1.0, acc, 0, folders, c * len, len);
                if (i >= 2) {
                    int q = q0 + i - 2;
                    ops.axpy(-basis.weightRight(q), in, off + q * stride, folders, c * len, len);
                    ops.axpy(basis.weightLeft(q), in, off + q * stride, acc, 0, len);
                }
            }
        }
    }
}
