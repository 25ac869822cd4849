package io.github.attnlab.topk;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twin of {@link ScalarSelectKernels}: 16-float vectors, whose lanes are the lanes of the fixed tree
 * ({@link SelectKernels}), and the same float operations lane by lane, so the same bits. Loaded reflectively by
 * {@link SelectKernels#of} only when {@code jdk.incubator.vector} is present.
 */
final class VectorSelectKernels implements SelectKernels {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_512;
    /** The buckets: this machine's doubles, and floats and ints of half the width, the same number of lanes. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> DF =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

    @Override
    public float max(float[] a, int off, int len) {
        int whole = len - len % WAYS;
        float m = a[off];
        if (whole > 0) {
            FloatVector v = FloatVector.fromArray(F, a, off);
            for (int i = WAYS; i < whole; i += WAYS) {
                v = v.max(FloatVector.fromArray(F, a, off + i));
            }
            m = v.reduceLanes(VectorOperators.MAX);
        }
        for (int i = whole; i < len; i++) {
            m = Math.max(m, a[off + i]);
        }
        return m;
    }

    @Override
    public double exps(float[] a, int off, int len, float m, float[] e, int[] flushed) {
        int whole = len - len % WAYS;
        float[] lanes = new float[WAYS];
        double[] total = new double[WAYS];
        FloatVector zero = FloatVector.zero(F);
        FloatVector vm = FloatVector.broadcast(F, m);
        FloatVector negM = FloatVector.broadcast(F, -m);
        FloatVector log2e = FloatVector.broadcast(F, LOG2E);
        FloatVector rounder = FloatVector.broadcast(F, ROUNDER);
        FloatVector ln2hi = FloatVector.broadcast(F, LN2_HI);
        FloatVector ln2lo = FloatVector.broadcast(F, LN2_LO);
        FloatVector c7 = FloatVector.broadcast(F, C7);
        FloatVector c6 = FloatVector.broadcast(F, C6);
        FloatVector c5 = FloatVector.broadcast(F, C5);
        FloatVector c4 = FloatVector.broadcast(F, C4);
        FloatVector c3 = FloatVector.broadcast(F, C3);
        FloatVector c2 = FloatVector.broadcast(F, C2);
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector xmin = FloatVector.broadcast(F, XMIN);
        FloatVector block = zero;
        int gone = 0;
        int inBlock = 0;
        for (int i = 0; i < whole; i += WAYS) {
            // SelectKernels.exp lane by lane: the same float operations in the same order
            FloatVector s = FloatVector.fromArray(F, a, off + i);
            FloatVector h = s.sub(vm);
            FloatVector bv = h.sub(s);
            FloatVector av = h.sub(bv);
            FloatVector l = s.sub(av).add(negM.sub(bv));
            FloatVector t = h.fma(log2e, rounder);
            FloatVector n = t.sub(rounder);
            FloatVector nn = n.neg();
            FloatVector r = nn.fma(ln2hi, h);
            r = nn.fma(ln2lo, r);
            r = r.add(l);
            FloatVector p = c7.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            p = p.fma(r, one);
            p = p.fma(r, one);
            FloatVector scale = (FloatVector) ((IntVector) t.reinterpretAsInts()).sub(ROUNDER_BITS - 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            VectorMask<Float> low = h.compare(VectorOperators.LT, xmin);
            FloatVector x = p.mul(scale).blend(zero, low);
            if (low.anyTrue()) {
                gone += low.trueCount();
            }
            x.intoArray(e, i);
            block = block.add(x);
            if (++inBlock == BLOCK) {
                block.intoArray(lanes, 0);
                for (int k = 0; k < WAYS; k++) {
                    total[k] += lanes[k];
                }
                block = zero;
                inBlock = 0;
            }
        }
        block.intoArray(lanes, 0);
        for (int k = 0; k < WAYS; k++) {
            total[k] += lanes[k];
        }
        return ScalarSelectKernels.tail(a, off, whole, len, m, e, ScalarSelectKernels.combine(total), gone, flushed);
    }

    @Override
    public void tails(float[] e, int len, float[] t, double[] tails) {
        int whole = len - len % WAYS;
        float[] lanes = new float[WAYS * PROBES];
        for (int j = 0; j < PROBES; j += 4) {
            tails4(e, whole, t, j, lanes);
        }
        for (int j = 0; j < PROBES; j++) {
            double sum = 0;
            for (int l = 0; l < WAYS; l++) {
                sum += lanes[j * WAYS + l];
            }
            float tj = t[j];
            for (int i = whole; i < len; i++) {
                float x = e[i];
                if (x < tj) {
                    sum += x;
                }
            }
            tails[j] = sum;
        }
    }

    /** The lane sums of four thresholds {@code t[j, j + 4)} into {@code lanes[16 j, 16 j + 64)}. */
    private static void tails4(float[] e, int whole, float[] t, int j, float[] lanes) {
        FloatVector z = FloatVector.zero(F);
        FloatVector t0 = FloatVector.broadcast(F, t[j]);
        FloatVector t1 = FloatVector.broadcast(F, t[j + 1]);
        FloatVector t2 = FloatVector.broadcast(F, t[j + 2]);
        FloatVector t3 = FloatVector.broadcast(F, t[j + 3]);
        FloatVector s0 = z;
        FloatVector s1 = z;
        FloatVector s2 = z;
        FloatVector s3 = z;
        for (int i = 0; i < whole; i += WAYS) {
            FloatVector x = FloatVector.fromArray(F, e, i);
            s0 = s0.add(z.blend(x, x.compare(VectorOperators.LT, t0)));
            s1 = s1.add(z.blend(x, x.compare(VectorOperators.LT, t1)));
            s2 = s2.add(z.blend(x, x.compare(VectorOperators.LT, t2)));
            s3 = s3.add(z.blend(x, x.compare(VectorOperators.LT, t3)));
        }
        s0.intoArray(lanes, j * WAYS);
        s1.intoArray(lanes, (j + 1) * WAYS);
        s2.intoArray(lanes, (j + 2) * WAYS);
        s3.intoArray(lanes, (j + 3) * WAYS);
    }

    @Override
    public int split(float[] e, int len, float lo, float hi, double[] sums, int[] aboveCount, float[] picked,
                     int[] marks) {
        int whole = len - len % WAYS;
        FloatVector vlo = FloatVector.broadcast(F, lo);
        FloatVector vhi = FloatVector.broadcast(F, hi);
        float[] lanes = new float[2 * WAYS];
        double[] aboveTotal = new double[WAYS];
        double[] belowTotal = new double[WAYS];
        FloatVector zero = FloatVector.zero(F);
        FloatVector above = zero;
        FloatVector below = zero;
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector minusOne = FloatVector.broadcast(F, -1f);
        FloatVector ups = zero; // exact counts: at most 2^24 per lane
        int nv = 0;
        int inBlock = 0;
        for (int i = 0; i < whole; i += WAYS) {
            FloatVector x = FloatVector.fromArray(F, e, i);
            VectorMask<Float> up = x.compare(VectorOperators.GE, vhi);
            VectorMask<Float> down = x.compare(VectorOperators.LT, vlo);
            above = above.add(zero.blend(x, up));
            below = below.add(zero.blend(x, down));
            ups = ups.add(zero.blend(one, up));
            // the vectors holding a lane of [lo, hi), listed without a branch: such a lane is at least lo once the
            // lanes at least hi are lowered below lo
            marks[nv] = i;
            nv += x.blend(minusOne, up).compare(VectorOperators.GE, vlo).anyTrue() ? 1 : 0;
            if (++inBlock == BLOCK) {
                above.intoArray(lanes, 0);
                below.intoArray(lanes, WAYS);
                for (int k = 0; k < WAYS; k++) {
                    aboveTotal[k] += lanes[k];
                    belowTotal[k] += lanes[WAYS + k];
                }
                above = zero;
                below = zero;
                inBlock = 0;
            }
        }
        above.intoArray(lanes, 0);
        below.intoArray(lanes, WAYS);
        for (int k = 0; k < WAYS; k++) {
            aboveTotal[k] += lanes[k];
            belowTotal[k] += lanes[WAYS + k];
        }
        double h = ScalarSelectKernels.combine(aboveTotal);
        double t = ScalarSelectKernels.combine(belowTotal);
        int n = (int) ups.reduceLanes(VectorOperators.ADD);
        int c = 0;
        for (int v = 0; v < nv; v++) {
            for (int i = marks[v], l = 0; l < WAYS; l++) { // branch-free: picked has room for one more
                float y = e[i + l];
                picked[c] = y;
                c += y < hi && y >= lo ? 1 : 0;
            }
        }
        for (int i = whole; i < len; i++) {
            float x = e[i];
            if (x >= hi) {
                h += x;
                n++;
            } else if (x < lo) {
                t += x;
            } else {
                picked[c++] = x;
            }
        }
        sums[0] = h;
        sums[1] = t;
        aboveCount[0] = n;
        return c;
    }

    /**
     * {@link ScalarSelectKernels#buckets} with the lanes of {@link #D}: a masked key's gap is made NaN before the
     * narrowing (no unmasked gap is NaN, as $M$ and $s_i$ are finite), which keeps it out of the widest gap (a
     * comparison with NaN is false) and marks its lane for {@code masked} after the integer steps.
     */
    @Override
    public double buckets(double[] row, int off, int len, double max, int shift, int base, int last, int masked,
                          int[] bucketOf) {
        DoubleVector vmax = DoubleVector.broadcast(D, max);
        DoubleVector widest = DoubleVector.zero(D);
        FloatVector maskedBits = FloatVector.broadcast(DF, Float.intBitsToFloat(masked));
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            DoubleVector s = DoubleVector.fromArray(D, row, off + i);
            DoubleVector gap = vmax.sub(s).blend(Double.NaN, s.compare(VectorOperators.EQ, Double.NEGATIVE_INFINITY));
            widest = widest.blend(gap, gap.compare(VectorOperators.GT, widest));
            FloatVector g = (FloatVector) gap.convertShape(VectorOperators.D2F, DF, 0);
            IntVector b = ((IntVector) g.reinterpretAsInts()).lanewise(VectorOperators.LSHR, shift).sub(base)
                    .max(0).min(last);
            b.reinterpretAsFloats().blend(maskedBits, g.compare(VectorOperators.NE, g)).reinterpretAsInts()
                    .intoArray(bucketOf, i);
        }
        double w = widest.reduceLanes(VectorOperators.MAX);
        return Math.max(w, ScalarSelectKernels.buckets(row, off, i, len, max, shift, base, last, masked, bucketOf));
    }
}
