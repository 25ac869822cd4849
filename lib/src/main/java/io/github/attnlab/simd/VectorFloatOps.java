package io.github.attnlab.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float operations of the vector path ({@link FloatOps}: softmax, GELU, the dot product; the matrix product is
 * {@link VectorGemm}), each giving the same bits as the scalar path: every output element is the same sequence of
 * IEEE float operations. Loaded only from {@link VectorSimdOps}.
 */
final class VectorFloatOps {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Eight floats: the dot product's fixed interleaving, whatever the preferred width. */
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    /** Four floats, for machines whose vectors hold fewer than eight. */
    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
    private static final SimdOps SCALAR = ScalarSimdOps.INSTANCE;

    /** The preferred doubles, and floats of the same lane count: the two sides of a conversion. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FD = VectorSpecies.of(float.class,
            VectorShape.forBitSize(D.vectorBitSize() / 2));

    private VectorFloatOps() {
    }

    /** {@link FloatOps#maxOrdered}: lanewise by a comparison and a blend, which skip NaN as the scalar loop does. */
    static float maxOrdered(float[] a, int off, int len) {
        if (len < 4 * F.length()) {
            return SCALAR.maxOrdered(a, off, len);
        }
        int step = F.length();
        FloatVector m0 = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        FloatVector m1 = m0;
        int i = 0;
        for (int bound = len - 2 * step; i <= bound; i += 2 * step) {
            FloatVector x0 = FloatVector.fromArray(F, a, off + i);
            FloatVector x1 = FloatVector.fromArray(F, a, off + i + step);
            m0 = m0.blend(x0, x0.compare(VectorOperators.GT, m0));
            m1 = m1.blend(x1, x1.compare(VectorOperators.GT, m1));
        }
        float m = SCALAR.maxOrdered(a, off + i, len - i);
        // no NaN here, and the signed zeros are made equal below; one reduction, not 2 x step lane reads per row
        m = Math.max(m, m0.blend(m1, m1.compare(VectorOperators.GT, m0)).reduceLanes(VectorOperators.MAX));
        return m + 0.0f;
    }

    /**
     * {@link FloatOps#indicesAbove}: a vector comparison per group of lanes, and the positions of its mask
     * ({@link VectorSimdOps#positions}). The first {@link #PROBE_GROUPS} groups branch on whether they hold any; when
     * at least {@link #DENSE} of them do, the rest of the row goes without that branch, which mispredicts when many
     * groups hold a position. Measured on 2^24 Gaussian floats (σ = 2), float rows of n = 512 / 2048 / 8192:
     * 1.5-entmax (about a third of the groups hold a candidate at n = 512) 21.3-23.2 ms to 18.4-20.1 ms at n = 512,
     * the same within the noise at 2048 and 8192 and for sparsemax (an eighth of the groups at n = 512). Without the
     * branch in every row, sparsemax took 11-77 % longer and 1.5-entmax at n = 2048 and 8192 14-50 % longer.
     */
    static int indicesAbove(float[] a, int off, int len, float floor, int[] idx) {
        if (F.length() > 16) {
            return SCALAR.indicesAbove(a, off, len, floor, idx);
        }
        int step = F.length();
        int count = 0;
        int i = 0;
        int bound = F.loopBound(len);
        int probe = Math.min(bound, PROBE_GROUPS * step);
        int held = 0;
        for (; i < probe; i += step) {
            VectorMask<Float> below = FloatVector.fromArray(F, a, off + i).compare(VectorOperators.LE, floor);
            if (!below.allTrue()) {
                count = VectorSimdOps.positions(bits(below), i, idx, count);
                held++;
            }
        }
        boolean dense = held >= DENSE; // then no branch per group: it would mispredict
        for (; i < bound; i += step) {
            VectorMask<Float> below = FloatVector.fromArray(F, a, off + i).compare(VectorOperators.LE, floor);
            if (dense || !below.allTrue()) {
                count = VectorSimdOps.positions(bits(below), i, idx, count);
            }
        }
        return ScalarSimdOps.indicesAbove(a, off, i, len, floor, idx, count);
    }

    /** Groups of lanes read first, with a branch per group, to see how many hold a position. */
    private static final int PROBE_GROUPS = 8;
    /** Groups of the first {@link #PROBE_GROUPS} holding a position from which the rest go without a branch. */
    private static final int DENSE = 2;

    /** The lanes a mask leaves out, as bits. */
    private static int bits(VectorMask<Float> below) {
        return LANE_BITS.blend(0f, below).reinterpretAsInts().reduceLanes(VectorOperators.OR);
    }

    /**
     * In lane $l$ the float whose bits are the integer $2^l$ (a subnormal, never computed with): blended with a mask and
     * read back as integers, the lanes a mask leaves OR together to its bit pattern. An integer reduction, because
     * the float sum is added lane after lane and measured several times slower.
     */
    private static final FloatVector LANE_BITS = laneBits();

    private static FloatVector laneBits() {
        float[] bits = new float[F.length()];
        for (int l = 0; l < bits.length && l < 16; l++) {
            bits[l] = Float.intBitsToFloat(1 << l);
        }
        return FloatVector.fromArray(F, bits, 0);
    }

    /** {@link FloatOps#widen}: whole vectors by a lanewise conversion, the tail by the cast. */
    static void widen(float[] a, int off, int len, double[] out, int outOff) {
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            ((DoubleVector) FloatVector.fromArray(FD, a, off + i).convertShape(VectorOperators.F2D, D, 0))
                    .intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = a[off + i];
        }
    }

    /** {@link FloatOps#narrow}: whole vectors by a lanewise conversion, the tail by the cast. */
    static void narrow(double[] a, int off, int len, float[] out, int outOff) {
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            ((FloatVector) DoubleVector.fromArray(D, a, off + i).convertShape(VectorOperators.D2F, FD, 0))
                    .intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = (float) a[off + i];
        }
    }

    /**
     * The dot product in the scalar path's order: element i is fused into accumulator i mod 8, the eight
     * accumulators combined by {@link ScalarSimdOps#combine}, the tail fused in sequence. On machines with 256-bit
     * (or wider) vectors the accumulators are the lanes of one 8-float vector; with 128-bit vectors, of two.
     */
    static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        if (len < 4 * ScalarSimdOps.DOT_WAYS || F.length() < 4) {
            return SCALAR.dot(a, aOff, b, bOff, len);
        }
        int i = 0;
        int bound = len - ScalarSimdOps.DOT_WAYS;
        float s;
        if (F.length() >= 8) {
            FloatVector acc = FloatVector.zero(F8);
            for (; i <= bound; i += ScalarSimdOps.DOT_WAYS) {
                acc = FloatVector.fromArray(F8, a, aOff + i).fma(FloatVector.fromArray(F8, b, bOff + i), acc);
            }
            s = ScalarSimdOps.combine(acc.lane(0), acc.lane(1), acc.lane(2), acc.lane(3), acc.lane(4), acc.lane(5),
                    acc.lane(6), acc.lane(7));
        } else {
            FloatVector lo = FloatVector.zero(F4);
            FloatVector hi = FloatVector.zero(F4);
            for (; i <= bound; i += ScalarSimdOps.DOT_WAYS) {
                lo = FloatVector.fromArray(F4, a, aOff + i).fma(FloatVector.fromArray(F4, b, bOff + i), lo);
                hi = FloatVector.fromArray(F4, a, aOff + i + 4).fma(FloatVector.fromArray(F4, b, bOff + i + 4), hi);
            }
            s = ScalarSimdOps.combine(lo.lane(0), lo.lane(1), lo.lane(2), lo.lane(3), hi.lane(0), hi.lane(1),
                    hi.lane(2), hi.lane(3));
        }
        for (; i < len; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    static void softmax(float[] a, int off, int len, float[] out, int outOff) {
        if (len < 2 * F.length()) {
            SCALAR.softmax(a, off, len, out, outOff);
            return;
        }
        int bound = F.loopBound(len);
        FloatVector mv = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (; i < bound; i += F.length()) {
            mv = mv.max(FloatVector.fromArray(F, a, off + i));
        }
        float max = mv.reduceLanes(VectorOperators.MAX);
        for (; i < len; i++) {
            max = Math.max(max, a[off + i]);
        }
        ScalarSimdOps.checkSoftmax(a, off, len, max);
        for (i = 0; i < bound; i += F.length()) {
            exp(FloatVector.fromArray(F, a, off + i).sub(max)).intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = LaneMath.exp(a[off + i] - max);
        }
        double sum = 0;
        for (i = 0; i < len; i++) { // index order, as in the scalar path
            sum += out[outOff + i];
        }
        float s = (float) sum;
        for (i = 0; i < bound; i += F.length()) {
            FloatVector.fromArray(F, out, outOff + i).div(s).intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = out[outOff + i] / s;
        }
    }

    static void gelu(float[] x, int off, int len, float[] out, int outOff) {
        int bound = F.loopBound(len);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            FloatVector z = v.mul(LaneMath.INV_SQRT2);
            FloatVector az = z.abs();
            FloatVector t = FloatVector.broadcast(F, 1f).div(az.fma(0.5f, 1f));
            FloatVector q = FloatVector.broadcast(F, LaneMath.ERFC[0]);
            for (int j = 1; j < LaneMath.ERFC.length; j++) {
                q = q.fma(t, FloatVector.broadcast(F, LaneMath.ERFC[j]));
            }
            FloatVector e = t.mul(exp(az.neg().fma(az, q)));
            FloatVector half = e.mul(0.5f);
            VectorMask<Float> nonNegative = z.compare(VectorOperators.GE, 0f);
            FloatVector phi = half.blend(FloatVector.broadcast(F, 1f).sub(half), nonNegative);
            v.mul(phi).intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = LaneMath.gelu(x[off + i]);
        }
    }

    /** {@link FloatOps#addToRows}: the preferred floats, the last {@code m mod F.length()} of each row in sequence. */
    static void addToRows(float[] x, int off, int rows, int m, float[] v, int vOff) {
        int bound = F.loopBound(m);
        for (int r = 0; r < rows; r++) {
            int o = off + r * m;
            int j = 0;
            for (; j < bound; j += F.length()) {
                FloatVector.fromArray(F, x, o + j).add(FloatVector.fromArray(F, v, vOff + j)).intoArray(x, o + j);
            }
            for (; j < m; j++) {
                x[o + j] += v[vOff + j];
            }
        }
    }

    /** {@link FloatOps#addTo}. */
    static void addTo(float[] x, int xOff, float[] y, int yOff, int len) {
        int bound = F.loopBound(len);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, y, yOff + i).add(FloatVector.fromArray(F, x, xOff + i)).intoArray(y, yOff + i);
        }
        for (; i < len; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    /** {@link FloatOps#divide}: a lanewise division, correctly rounded as the scalar one. */
    static void divide(float[] a, int off, int len, float d) {
        int bound = F.loopBound(len);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, a, off + i).div(d).intoArray(a, off + i);
        }
        for (; i < len; i++) {
            a[off + i] /= d;
        }
    }

    /**
     * {@link FloatOps#layerNorm}: the sums on the preferred shapes only, each vector of floats ({@link #F}) widened in
     * its two halves to the preferred doubles ({@link #D}); the eight accumulators of {@link FloatOps#dot}'s order
     * are the lanes of one vector of eight doubles, or of two of four. The normalising pass narrows the two halves
     * back into one vector of floats. The forward pass must not meet a further vector shape: one more (floats of half
     * the width, for the conversions) was measured to knock its matrix product off the intrinsics, the MiniLM pass
     * going from 30 to 350 ms.
     */
    static void layerNorm(float[] x, int off, int rows, int h, float[] gamma, float[] beta, float eps) {
        if ((D.length() != 4 && D.length() != 8) || F.length() != 2 * D.length()) {
            SCALAR.layerNorm(x, off, rows, h, gamma, beta, eps);
            return;
        }
        for (int t = 0; t < rows; t++) {
            int o = off + t * h;
            double mean = layerNormSum(x, o, h, 0, false) / h;
            double var = layerNormSum(x, o, h, mean, true) / h;
            double inv = 1 / Math.sqrt(var + eps);
            int j = 0;
            for (int bound = F.loopBound(h); j < bound; j += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, o + j);
                DoubleVector a = ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0)).sub(mean).mul(inv);
                DoubleVector b = ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1)).sub(mean).mul(inv);
                FloatVector y = ((FloatVector) a.convertShape(VectorOperators.D2F, F, 0))
                        .blend((FloatVector) b.convertShape(VectorOperators.D2F, F, -1), UPPER);
                y.mul(FloatVector.fromArray(F, gamma, j)).add(FloatVector.fromArray(F, beta, j)).intoArray(x, o + j);
            }
            for (; j < h; j++) {
                x[o + j] = (float) ((x[o + j] - mean) * inv) * gamma[j] + beta[j];
            }
        }
    }

    /** The upper half of the lanes of {@link #F}: where the second half of a conversion lands. */
    private static final VectorMask<Float> UPPER = F.indexInRange(-D.length(), D.length());

    /** The sums of {@link #layerNorm}: accumulators $0..7$ in {@code lo}, or $0..3$ in {@code lo} and $4..7$ in {@code hi}. */
    private static double layerNormSum(float[] x, int o, int h, double mu, boolean squares) {
        boolean eight = D.length() == 8;
        DoubleVector lo = DoubleVector.zero(D);
        DoubleVector hi = lo;
        int j = 0;
        for (int bound = h - F.length(); j <= bound; j += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, o + j);
            DoubleVector a = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector b = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 1);
            if (squares) {
                a = a.sub(mu);
                a = a.mul(a);
                b = b.sub(mu);
                b = b.mul(b);
            }
            if (eight) { // elements j..j+7, then j+8..j+15, into accumulators 0..7
                lo = lo.add(a).add(b);
            } else {
                lo = lo.add(a);
                hi = hi.add(b);
            }
        }
        double c0 = lo.lane(0);
        double c1 = lo.lane(1);
        double c2 = lo.lane(2);
        double c3 = lo.lane(3);
        double c4 = eight ? lo.lane(4) : hi.lane(0);
        double c5 = eight ? lo.lane(5) : hi.lane(1);
        double c6 = eight ? lo.lane(6) : hi.lane(2);
        double c7 = eight ? lo.lane(7) : hi.lane(3);
        for (int bound = h - ScalarSimdOps.DOT_WAYS; j <= bound; j += ScalarSimdOps.DOT_WAYS) { // a last group of 8
            c0 += ScalarSimdOps.term(x[o + j], mu, squares);
            c1 += ScalarSimdOps.term(x[o + j + 1], mu, squares);
            c2 += ScalarSimdOps.term(x[o + j + 2], mu, squares);
            c3 += ScalarSimdOps.term(x[o + j + 3], mu, squares);
            c4 += ScalarSimdOps.term(x[o + j + 4], mu, squares);
            c5 += ScalarSimdOps.term(x[o + j + 5], mu, squares);
            c6 += ScalarSimdOps.term(x[o + j + 6], mu, squares);
            c7 += ScalarSimdOps.term(x[o + j + 7], mu, squares);
        }
        double s = ScalarSimdOps.combine(c0, c1, c2, c3, c4, c5, c6, c7);
        for (; j < h; j++) {
            s += ScalarSimdOps.term(x[o + j], mu, squares);
        }
        return s;
    }

    /** {@link LaneMath#exp(float)} lane by lane, the same operations in the same order (see {@code VectorFloatRows.exp}). */
    private static FloatVector exp(FloatVector x) {
        VectorMask<Float> tiny = x.compare(VectorOperators.LT, LaneMath.EXP_MIN);
        FloatVector xc = x.min(LaneMath.EXP_MAX);
        FloatVector t = xc.fma(LaneMath.LOG2E, LaneMath.ROUNDER);
        FloatVector n = t.sub(LaneMath.ROUNDER);
        FloatVector r = n.neg().fma(FloatVector.broadcast(F, LaneMath.LN2_HI), xc);
        r = n.neg().fma(FloatVector.broadcast(F, LaneMath.LN2_LO), r);
        FloatVector p = FloatVector.broadcast(F, LaneMath.EXP_TAYLOR[0]);
        for (int i = 1; i < LaneMath.EXP_TAYLOR.length; i++) {
            p = p.fma(r, FloatVector.broadcast(F, LaneMath.EXP_TAYLOR[i]));
        }
        FloatVector one = FloatVector.broadcast(F, 1f);
        p = p.fma(r, one);
        p = p.fma(r, one);
        IntVector bits = (IntVector) t.reinterpretAsInts();
        FloatVector scale = bits.sub(LaneMath.ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(scale).blend(0f, tiny);
    }
}
