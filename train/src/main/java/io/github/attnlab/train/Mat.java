package io.github.attnlab.train;

import io.github.attnlab.simd.SimdOps;

/**
 * The float matrix products of the engine on row-major arrays, all through {@link SimdOps#gemm} (fused
 * multiply-adds in ascending inner index, the same bits on the vector and the scalar path). Transposed operands
 * are copied into caller-owned scratch first; nothing allocates.
 */
final class Mat {

    private Mat() {
    }

    /** $C = AB$ ($m \times k$ times $k \times n$), overwriting $C$. */
    static void mm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                   int ldc) {
        SimdOps.get().gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** Writes the transpose of the {@code rows × cols} block at {@code off} (row stride {@code ld}) into {@code dst} ({@code cols × rows}). */
    static void transpose(float[] src, int off, int ld, int rows, int cols, float[] dst) {
        for (int i = 0; i < rows; i++) {
            int s = off + i * ld;
            for (int j = 0; j < cols; j++) {
                dst[j * rows + i] = src[s + j];
            }
        }
    }

    /** $y \leftarrow y + x$ on {@code len} elements. */
    static void add(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    /**
     * The gradient of a linear map $Y = XW$: $\nabla W \mathrel{+}= X^\top \nabla Y$, with $X$ ($r \times p$) and
     * $\nabla Y$ ($r \times q$) row-major; {@code scratchT} holds $p r$ and {@code scratch} $p q$ floats.
     */
    static void addXtY(int r, int p, int q, float[] x, float[] dy, float[] grad, int gOff, float[] scratchT,
                       float[] scratch) {
        transpose(x, 0, p, r, p, scratchT);
        mm(p, q, r, scratchT, 0, r, dy, 0, q, scratch, 0, q);
        add(scratch, 0, grad, gOff, p * q);
    }

    /** $\nabla X = \nabla Y\, W^\top$ with $W$ ($p \times q$) at {@code wOff}; {@code scratch} holds $p q$ floats. */
    static void dyWt(int r, int p, int q, float[] dy, float[] w, int wOff, float[] dx, float[] scratch) {
        transpose(w, wOff, q, p, q, scratch);
        mm(r, p, q, dy, 0, q, scratch, 0, p, dx, 0, p);
    }

    /** Column sums of an {@code r × q} matrix added to {@code grad[gOff, gOff + q)} (a bias gradient). */
    static void addColumnSums(int r, int q, float[] dy, float[] grad, int gOff) {
        for (int i = 0; i < r; i++) {
            int o = i * q;
            for (int j = 0; j < q; j++) {
                grad[gOff + j] += dy[o + j];
            }
        }
    }
}
