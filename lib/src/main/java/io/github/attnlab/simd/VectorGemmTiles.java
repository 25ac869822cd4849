package io.github.attnlab.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorGemm}: {@code tileRxV} keeps the $R \times V$ vector accumulators of $R$ rows of
 * $C$ and $V$ vectors of its columns in registers across a block of {@code kc} steps. Each step loads the $V$ vectors
 * of row $p$ of the panel of $B$ (stride $V \cdot$ lanes), broadcasts $A_{i p}$ of each of the $R$ rows
 * ({@code a[a0 + r*lda + p]}) and adds their products by one fused multiply-add per accumulator, so each element of
 * $C$ is the same chain of fused multiply-adds in ascending $p$ as in the scalar path, whatever the tile.
 *
 * <p>Why these shapes: a step costs $R$ broadcasts and $V$ loads for $R V$ fused multiply-adds, and the
 * accumulators, the $V$ panel vectors and a broadcast must fit in the register file. $8 \times 3$ (one broadcast per
 * three multiply-adds, 28 registers) is for the 32 registers of AVX-512; $6 \times 2$ (one per two, 15 registers)
 * for the 16 of AVX2. On this project's AMD EPYC (AVX-512, one thread, 128 to 512 rows, the encoders' shapes) a
 * stand-alone product (with $A$ packed, as the product then did) ran 160 to 210 GFLOP/s with $8 \times 3$ against
 * 110 to 185 with $6 \times 2$; $12 \times 2$, $6 \times 4$, $4 \times 6$, $7 \times 3$ and $9 \times 3$ were no
 * better. The $8 \times 2$ and $8 \times 1$ tiles take the columns left over below a multiple of 3 vectors. Loaded
 * only from {@link VectorSimdOps}.
 */
final class VectorGemmTiles {

    /** Static final, so that C2 treats the species as a constant and intrinsifies the vector operations. */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int LANES = F.length();

    private VectorGemmTiles() {
    }

    private static FloatVector start(float[] c, int at, boolean first) {
        return first ? FloatVector.zero(F) : FloatVector.fromArray(F, c, at);
    }

    static void tile8x3(int kc, float[] a, int a0, int lda, float[] panel, float[] c, int c0, int ldc, boolean first) {
        int l = LANES;
        int w = 3 * l;
        int q0 = a0;
        int q1 = a0 + lda;
        int q2 = a0 + 2 * lda;
        int q3 = a0 + 3 * lda;
        int q4 = a0 + 4 * lda;
        int q5 = a0 + 5 * lda;
        int q6 = a0 + 6 * lda;
        int q7 = a0 + 7 * lda;
        FloatVector c00 = start(c, c0, first);
        FloatVector c01 = start(c, c0 + l, first);
        FloatVector c02 = start(c, c0 + 2 * l, first);
        FloatVector c10 = start(c, c0 + ldc, first);
        FloatVector c11 = start(c, c0 + ldc + l, first);
        FloatVector c12 = start(c, c0 + ldc + 2 * l, first);
        FloatVector c20 = start(c, c0 + 2 * ldc, first);
        FloatVector c21 = start(c, c0 + 2 * ldc + l, first);
        FloatVector c22 = start(c, c0 + 2 * ldc + 2 * l, first);
        FloatVector c30 = start(c, c0 + 3 * ldc, first);
        FloatVector c31 = start(c, c0 + 3 * ldc + l, first);
        FloatVector c32 = start(c, c0 + 3 * ldc + 2 * l, first);
        FloatVector c40 = start(c, c0 + 4 * ldc, first);
        FloatVector c41 = start(c, c0 + 4 * ldc + l, first);
        FloatVector c42 = start(c, c0 + 4 * ldc + 2 * l, first);
        FloatVector c50 = start(c, c0 + 5 * ldc, first);
        FloatVector c51 = start(c, c0 + 5 * ldc + l, first);
        FloatVector c52 = start(c, c0 + 5 * ldc + 2 * l, first);
        FloatVector c60 = start(c, c0 + 6 * ldc, first);
        FloatVector c61 = start(c, c0 + 6 * ldc + l, first);
        FloatVector c62 = start(c, c0 + 6 * ldc + 2 * l, first);
        FloatVector c70 = start(c, c0 + 7 * ldc, first);
        FloatVector c71 = start(c, c0 + 7 * ldc + l, first);
        FloatVector c72 = start(c, c0 + 7 * ldc + 2 * l, first);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(F, panel, p * w);
            FloatVector b1 = FloatVector.fromArray(F, panel, p * w + l);
            FloatVector b2 = FloatVector.fromArray(F, panel, p * w + 2 * l);
            FloatVector x0 = FloatVector.broadcast(F, a[q0 + p]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(F, a[q1 + p]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            FloatVector x2 = FloatVector.broadcast(F, a[q2 + p]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            FloatVector x3 = FloatVector.broadcast(F, a[q3 + p]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
            FloatVector x4 = FloatVector.broadcast(F, a[q4 + p]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            c42 = x4.fma(b2, c42);
            FloatVector x5 = FloatVector.broadcast(F, a[q5 + p]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            c52 = x5.fma(b2, c52);
            FloatVector x6 = FloatVector.broadcast(F, a[q6 + p]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            c62 = x6.fma(b2, c62);
            FloatVector x7 = FloatVector.broadcast(F, a[q7 + p]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
            c72 = x7.fma(b2, c72);
        }
        c00.intoArray(c, c0);
        c01.intoArray(c, c0 + l);
        c02.intoArray(c, c0 + 2 * l);
        c10.intoArray(c, c0 + ldc);
        c11.intoArray(c, c0 + ldc + l);
        c12.intoArray(c, c0 + ldc + 2 * l);
        c20.intoArray(c, c0 + 2 * ldc);
        c21.intoArray(c, c0 + 2 * ldc + l);
        c22.intoArray(c, c0 + 2 * ldc + 2 * l);
        c30.intoArray(c, c0 + 3 * ldc);
        c31.intoArray(c, c0 + 3 * ldc + l);
        c32.intoArray(c, c0 + 3 * ldc + 2 * l);
        c40.intoArray(c, c0 + 4 * ldc);
        c41.intoArray(c, c0 + 4 * ldc + l);
        c42.intoArray(c, c0 + 4 * ldc + 2 * l);
        c50.intoArray(c, c0 + 5 * ldc);
        c51.intoArray(c, c0 + 5 * ldc + l);
        c52.intoArray(c, c0 + 5 * ldc + 2 * l);
        c60.intoArray(c, c0 + 6 * ldc);
        c61.intoArray(c, c0 + 6 * ldc + l);
        c62.intoArray(c, c0 + 6 * ldc + 2 * l);
        c70.intoArray(c, c0 + 7 * ldc);
        c71.intoArray(c, c0 + 7 * ldc + l);
        c72.intoArray(c, c0 + 7 * ldc + 2 * l);
    }

    static void tile8x2(int kc, float[] a, int a0, int lda, float[] panel, float[] c, int c0, int ldc, boolean first) {
        int l = LANES;
        int w = 2 * l;
        int q0 = a0;
        int q1 = a0 + lda;
        int q2 = a0 + 2 * lda;
        int q3 = a0 + 3 * lda;
        int q4 = a0 + 4 * lda;
        int q5 = a0 + 5 * lda;
        int q6 = a0 + 6 * lda;
        int q7 = a0 + 7 * lda;
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
        FloatVector c60 = start(c, c0 + 6 * ldc, first);
        FloatVector c61 = start(c, c0 + 6 * ldc + l, first);
        FloatVector c70 = start(c, c0 + 7 * ldc, first);
        FloatVector c71 = start(c, c0 + 7 * ldc + l, first);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(F, panel, p * w);
            FloatVector b1 = FloatVector.fromArray(F, panel, p * w + l);
            FloatVector x0 = FloatVector.broadcast(F, a[q0 + p]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(F, a[q1 + p]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(F, a[q2 + p]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(F, a[q3 + p]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(F, a[q4 + p]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(F, a[q5 + p]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            FloatVector x6 = FloatVector.broadcast(F, a[q6 + p]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            FloatVector x7 = FloatVector.broadcast(F, a[q7 + p]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
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
        c60.intoArray(c, c0 + 6 * ldc);
        c61.intoArray(c, c0 + 6 * ldc + l);
        c70.intoArray(c, c0 + 7 * ldc);
        c71.intoArray(c, c0 + 7 * ldc + l);
    }

    static void tile8x1(int kc, float[] a, int a0, int lda, float[] panel, float[] c, int c0, int ldc, boolean first) {
        int l = LANES;
        int w = 1 * l;
        int q0 = a0;
        int q1 = a0 + lda;
        int q2 = a0 + 2 * lda;
        int q3 = a0 + 3 * lda;
        int q4 = a0 + 4 * lda;
        int q5 = a0 + 5 * lda;
        int q6 = a0 + 6 * lda;
        int q7 = a0 + 7 * lda;
        FloatVector c00 = start(c, c0, first);
        FloatVector c10 = start(c, c0 + ldc, first);
        FloatVector c20 = start(c, c0 + 2 * ldc, first);
        FloatVector c30 = start(c, c0 + 3 * ldc, first);
        FloatVector c40 = start(c, c0 + 4 * ldc, first);
        FloatVector c50 = start(c, c0 + 5 * ldc, first);
        FloatVector c60 = start(c, c0 + 6 * ldc, first);
        FloatVector c70 = start(c, c0 + 7 * ldc, first);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(F, panel, p * w);
            FloatVector x0 = FloatVector.broadcast(F, a[q0 + p]);
            c00 = x0.fma(b0, c00);
            FloatVector x1 = FloatVector.broadcast(F, a[q1 + p]);
            c10 = x1.fma(b0, c10);
            FloatVector x2 = FloatVector.broadcast(F, a[q2 + p]);
            c20 = x2.fma(b0, c20);
            FloatVector x3 = FloatVector.broadcast(F, a[q3 + p]);
            c30 = x3.fma(b0, c30);
            FloatVector x4 = FloatVector.broadcast(F, a[q4 + p]);
            c40 = x4.fma(b0, c40);
            FloatVector x5 = FloatVector.broadcast(F, a[q5 + p]);
            c50 = x5.fma(b0, c50);
            FloatVector x6 = FloatVector.broadcast(F, a[q6 + p]);
            c60 = x6.fma(b0, c60);
            FloatVector x7 = FloatVector.broadcast(F, a[q7 + p]);
            c70 = x7.fma(b0, c70);
        }
        c00.intoArray(c, c0);
        c10.intoArray(c, c0 + ldc);
        c20.intoArray(c, c0 + 2 * ldc);
        c30.intoArray(c, c0 + 3 * ldc);
        c40.intoArray(c, c0 + 4 * ldc);
        c50.intoArray(c, c0 + 5 * ldc);
        c60.intoArray(c, c0 + 6 * ldc);
        c70.intoArray(c, c0 + 7 * ldc);
    }

    static void tile6x2(int kc, float[] a, int a0, int lda, float[] panel, float[] c, int c0, int ldc, boolean first) {
        int l = LANES;
        int w = 2 * l;
        int q0 = a0;
        int q1 = a0 + lda;
        int q2 = a0 + 2 * lda;
        int q3 = a0 + 3 * lda;
        int q4 = a0 + 4 * lda;
        int q5 = a0 + 5 * lda;
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
            FloatVector b0 = FloatVector.fromArray(F, panel, p * w);
            FloatVector b1 = FloatVector.fromArray(F, panel, p * w + l);
            FloatVector x0 = FloatVector.broadcast(F, a[q0 + p]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(F, a[q1 + p]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(F, a[q2 + p]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(F, a[q3 + p]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(F, a[q4 + p]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(F, a[q5 + p]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
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
}
