package io.github.attnlab.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The blocked float matrix product of the vector path (see {@link SimdOps#gemm}).
 *
 * <p>Loops, outermost first: blocks of {@value #KC} values of $p$; panels of {@code NR = 2} vectors of
 * columns of $B$, copied into a contiguous buffer (so the panel stays in L1 and is read with unit
 * stride); tiles of {@value #MR} rows of $A$. A tile keeps its $6 \times 2$ vector accumulators in
 * registers across the block: they start from $C$ (or 0 for the first block) and each step adds
 * $A_{ip} B_{p,\cdot}$ by one fused multiply-add per vector. Each element of $C$ is therefore the same
 * chain of fused multiply-adds in ascending $p$ as in the scalar path. Rows left over below a
 * multiple of 6 use a one-row tile; columns left over below a multiple of {@code NR} the scalar loop.
 * Loaded only from {@link VectorSimdOps}.
 */
final class VectorGemm {

    static final int MR = 6;
    static final int KC = 256;

    private final VectorSpecies<Float> f;
    private final int lanes;
    private final int nr;

    VectorGemm(VectorSpecies<Float> species) {
        this.f = species;
        this.lanes = species.length();
        this.nr = 2 * lanes;
    }

    void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc) {
        FloatKernels.checkGemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        int nMain = n - n % nr;
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
            return;
        }
        float[] panel = new float[Math.min(k, KC) * nr];
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean first = p0 == 0;
            for (int j0 = 0; j0 < nMain; j0 += nr) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (p0 + p) * ldb + j0, panel, p * nr, nr);
                }
                int i0 = 0;
                for (; i0 + MR <= m; i0 += MR) {
                    tile6(kc, a, aOff + i0 * lda + p0, lda, panel, c, cOff + i0 * ldc + j0, ldc, first);
                }
                for (; i0 < m; i0++) {
                    tile1(kc, a, aOff + i0 * lda + p0, panel, c, cOff + i0 * ldc + j0, first);
                }
            }
            for (int i = 0; i < m; i++) { // leftover columns, same fma chain
                int ci = cOff + i * ldc;
                for (int j = nMain; j < n; j++) {
                    float s = first ? 0f : c[ci + j];
                    for (int p = p0; p < p0 + kc; p++) {
                        s = Math.fma(a[aOff + i * lda + p], b[bOff + p * ldb + j], s);
                    }
                    c[ci + j] = s;
                }
            }
        }
    }

    private FloatVector start(float[] c, int at, boolean first) {
        return first ? FloatVector.zero(f) : FloatVector.fromArray(f, c, at);
    }

    private void tile6(int kc, float[] a, int a0, int lda, float[] panel, float[] c, int c0, int ldc, boolean first) {
        int l = lanes;
        FloatVector c00 = start(c, c0, first);
        FloatVector c01 = start(c, c0 + l, first);
        FloatVector c10 = start(c, c0 + ldc, first);
        FloatVector c11 = start(c, c0 + ldc + l, first);
        FloatVector c20 = start(c, c0 + 2 * ldc, first);
        FloatVector c21 = start(c, c0 + 2 * ldc + l, first);
        FloatVector c30 = start(c, c0 + 3 * ldc, first);
        FloatVector c31 = start(c, c0 + 3 * ldc + l, first);
        FloatVector c40 = start(c, c0 + 4 * ldc, first);
        FloatVector c41 = start(c, c0 + 4 * ldc + l, first);
        FloatVector c50 = start(c, c0 + 5 * ldc, first);
        FloatVector c51 = start(c, c0 + 5 * ldc + l, first);
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(f, panel, p * nr);
            FloatVector b1 = FloatVector.fromArray(f, panel, p * nr + l);
            FloatVector x = FloatVector.broadcast(f, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(f, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(f, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(f, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(f, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(f, a[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + l);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + l);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + l);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + l);
        c40.intoArray(c, c0 + 4 * ldc);
        c41.intoArray(c, c0 + 4 * ldc + l);
        c50.intoArray(c, c0 + 5 * ldc);
        c51.intoArray(c, c0 + 5 * ldc + l);
    }

    private void tile1(int kc, float[] a, int a0, float[] panel, float[] c, int c0, boolean first) {
        FloatVector c00 = start(c, c0, first);
        FloatVector c01 = start(c, c0 + lanes, first);
        for (int p = 0; p < kc; p++) {
            FloatVector x = FloatVector.broadcast(f, a[a0 + p]);
            c00 = x.fma(FloatVector.fromArray(f, panel, p * nr), c00);
            c01 = x.fma(FloatVector.fromArray(f, panel, p * nr + lanes), c01);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + lanes);
    }
}
