package io.github.attnlab.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The blocked float matrix product of the vector path (see {@link SimdOps#gemm}).
 *
 * <p>Loops, outermost first: blocks of {@value #KC} values of $p$, for which $A$ is copied into tiles
 * of {@value #MR} rows interleaved by column (one contiguous run of broadcasts per step); panels of
 * {@code NR = 2} vectors of columns of $B$, copied into a contiguous buffer (so the panel stays in L1
 * and is read with unit stride); tiles of {@value #MR} rows. A tile keeps its $6 \times 2$ vector accumulators in
 * registers across the block: they start from $C$ (or 0 for the first block) and each step adds
 * $A_{ip} B_{p,\cdot}$ by one fused multiply-add per vector. Each element of $C$ is therefore the same
 * chain of fused multiply-adds in ascending $p$ as in the scalar path. Rows left over below a
 * multiple of 6 use a one-row tile; columns left over below a multiple of {@code NR} the scalar loop.
 * Loaded only from {@link VectorSimdOps}.
 */
final class VectorGemm {

    static final int MR = 6;
    static final int KC = 256;

    /** Static final, so that C2 treats the species as a constant and intrinsifies the vector operations. */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = F.length();
    static final int NR = 2 * LANES;

    private VectorGemm() {
    }

    /**
     * Per thread: the panel of $B$ and the packed tiles of $A$, grown to the largest product seen and reused, so that
     * a product allocates nothing (allocating them per product made about one fresh JVM in eight run the encoders 2x
     * slower). Both are written before they are read ({@code packA} zero-pads the last tile). Packed tiles above
     * {@link #KEEP} floats are not kept: such a product allocates its own, so that no thread holds a huge buffer.
     */
    private static final class Scratch {
        /** The largest packed tiles kept: 4 MB, the tiles of 4096 rows. */
        static final int KEEP = 1 << 20;
        float[] panel = new float[0];
        float[] packed = new float[0];

        float[] panel(int size) {
            if (panel.length < size) {
                panel = new float[size];
            }
            return panel;
        }

        float[] packed(int size) {
            if (size > KEEP) {
                return new float[size];
            }
            if (packed.length < size) {
                packed = new float[size];
            }
            return packed;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        ScalarSimdOps.checkGemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        int nMain = n - n % NR;
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
            return;
        }
        int tiles = (m + MR - 1) / MR;
        int kcMax = Math.min(k, KC);
        Scratch scratch = SCRATCH.get();
        float[] panel = scratch.panel(kcMax * NR);
        float[] packed = scratch.packed(tiles * kcMax * MR);
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean first = p0 == 0;
            packA(m, kc, a, aOff + p0, lda, packed);
            for (int j0 = 0; j0 < nMain; j0 += NR) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (p0 + p) * ldb + j0, panel, p * NR, NR);
                }
                for (int t = 0; t < tiles; t++) {
                    int i0 = t * MR;
                    if (i0 + MR <= m) {
                        tile6(kc, packed, t * kc * MR, panel, c, cOff + i0 * ldc + j0, ldc, first);
                    } else {
                        for (int i = i0; i < m; i++) {
                            tile1(kc, packed, t * kc * MR + i - i0, panel, c, cOff + i * ldc + j0, first);
                        }
                    }
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

    /**
     * Copies columns [0, kc) of the m rows of A into tiles of MR rows interleaved by column
     * ({@code packed[t*kc*MR + p*MR + r] = A[t*MR + r][p]}), zero-padding the last tile: the tile
     * kernel then reads its MR broadcasts from one contiguous run.
     */
    private static void packA(int m, int kc, float[] a, int aOff, int lda, float[] packed) {
        for (int i = 0; i < m; i++) {
            int base = (i / MR) * kc * MR + i % MR;
            int ai = aOff + i * lda;
            for (int p = 0; p < kc; p++) {
                packed[base + p * MR] = a[ai + p];
            }
        }
        for (int i = m; i % MR != 0; i++) {
            int base = (i / MR) * kc * MR + i % MR;
            for (int p = 0; p < kc; p++) {
                packed[base + p * MR] = 0f;
            }
        }
    }

    private static FloatVector start(float[] c, int at, boolean first) {
        return first ? FloatVector.zero(F) : FloatVector.fromArray(F, c, at);
    }

    private static void tile6(int kc, float[] ap, int a0, float[] panel, float[] c, int c0, int ldc, boolean first) {
        int l = LANES;
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
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(F, panel, p * NR);
            FloatVector b1 = FloatVector.fromArray(F, panel, p * NR + l);
            int q = a0 + p * MR;
            FloatVector x = FloatVector.broadcast(F, ap[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, ap[q + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, ap[q + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, ap[q + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, ap[q + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, ap[q + 5]);
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

    /** One row of a packed tile (stride MR between consecutive p). */
    private static void tile1(int kc, float[] ap, int a0, float[] panel, float[] c, int c0, boolean first) {
        FloatVector c00 = start(c, c0, first);
        FloatVector c01 = start(c, c0 + LANES, first);
        for (int p = 0; p < kc; p++) {
            FloatVector x = FloatVector.broadcast(F, ap[a0 + p * MR]);
            c00 = x.fma(FloatVector.fromArray(F, panel, p * NR), c00);
            c01 = x.fma(FloatVector.fromArray(F, panel, p * NR + LANES), c01);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + LANES);
    }
}
