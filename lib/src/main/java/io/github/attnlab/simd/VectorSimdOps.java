package io.github.attnlab.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code jdk.incubator.vector} implementation of {@link SimdOps}.
 *
 * <p>Loaded only reflectively by {@link SimdSelection}; nothing else in the library refers to this
 * class. Short ranges (fewer than two vectors) go to the scalar loops; long ones use two
 * accumulators to hide the latency of the adds and FMAs, then a scalar tail.
 */
final class VectorSimdOps implements SimdOps {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final SimdOps SCALAR = ScalarSimdOps.INSTANCE;
    /** Shortest range for which {@link #gatherDot} gathers (see there). */
    private static final int GATHER_MIN = 32;
    /** Largest integer power of {@link #sumRectifiedPower} computed on lanes. */
    private static final int MAX_LANE_POWER = 4;

    /** Public no-argument constructor for reflective loading. */
    public VectorSimdOps() {
    }

    @Override
    public String name() {
        return "vector(" + D.vectorBitSize() + "-bit, " + D.length() + " doubles)";
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int len) {
        if (len < 2 * D.length()) {
            return SCALAR.dot(a, aOff, b, bOff, len);
        }
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int step = D.length();
        int i = 0;
        for (int bound = len - 2 * step; i <= bound; i += 2 * step) {
            acc0 = DoubleVector.fromArray(D, a, aOff + i).fma(DoubleVector.fromArray(D, b, bOff + i), acc0);
            acc1 = DoubleVector.fromArray(D, a, aOff + i + step)
                    .fma(DoubleVector.fromArray(D, b, bOff + i + step), acc1);
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        if (len < 2 * F.length()) {
            return SCALAR.dot(a, aOff, b, bOff, len);
        }
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        int step = F.length();
        int i = 0;
        for (int bound = len - 2 * step; i <= bound; i += 2 * step) {
            acc0 = FloatVector.fromArray(F, a, aOff + i).fma(FloatVector.fromArray(F, b, bOff + i), acc0);
            acc1 = FloatVector.fromArray(F, a, aOff + i + step)
                    .fma(FloatVector.fromArray(F, b, bOff + i + step), acc1);
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    @Override
    public double max(double[] a, int off, int len) {
        if (len < 2 * D.length()) {
            return SCALAR.max(a, off, len);
        }
        DoubleVector m = DoubleVector.fromArray(D, a, off);
        int i = D.length();
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            m = m.max(DoubleVector.fromArray(D, a, off + i));
        }
        double r = m.reduceLanes(VectorOperators.MAX);
        for (; i < len; i++) {
            r = Math.max(r, a[off + i]);
        }
        return r;
    }

    @Override
    public double sumExp(double[] a, int off, int len, double shift) {
        if (len < 2 * D.length()) {
            return SCALAR.sumExp(a, off, len, shift);
        }
        DoubleVector acc = DoubleVector.zero(D);
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            acc = acc.add(DoubleVector.fromArray(D, a, off + i).sub(shift).lanewise(VectorOperators.EXP));
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            s += Math.exp(a[off + i] - shift);
        }
        return s;
    }

    @Override
    public double expShift(double[] a, int off, int len, double shift, double[] out, int outOff) {
        if (len < 2 * D.length()) {
            return SCALAR.expShift(a, off, len, shift, out, outOff);
        }
        DoubleVector acc = DoubleVector.zero(D);
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            DoubleVector e = DoubleVector.fromArray(D, a, off + i).sub(shift).lanewise(VectorOperators.EXP);
            e.intoArray(out, outOff + i);
            acc = acc.add(e);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            double e = Math.exp(a[off + i] - shift);
            out[outOff + i] = e;
            s += e;
        }
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        if (len < 2 * D.length()) {
            SCALAR.axpy(alpha, x, xOff, y, yOff, len);
            return;
        }
        DoubleVector va = DoubleVector.broadcast(D, alpha);
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            DoubleVector.fromArray(D, x, xOff + i).fma(va, DoubleVector.fromArray(D, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < len; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public double squaredDistance(double[] a, int aOff, double[] b, int bOff, int len) {
        if (len < 2 * D.length()) {
            return SCALAR.squaredDistance(a, aOff, b, bOff, len);
        }
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int step = D.length();
        int i = 0;
        for (int bound = len - 2 * step; i <= bound; i += 2 * step) {
            DoubleVector d0 = DoubleVector.fromArray(D, a, aOff + i).sub(DoubleVector.fromArray(D, b, bOff + i));
            DoubleVector d1 = DoubleVector.fromArray(D, a, aOff + i + step)
                    .sub(DoubleVector.fromArray(D, b, bOff + i + step));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            double d = a[aOff + i] - b[bOff + i];
            s = Math.fma(d, d, s);
        }
        return s;
    }

    /**
     * The integer powers 0 to 4 (see {@link ScalarSimdOps#integerPower}: the powers of sparsemax,
     * 1.5-, 4/3- and 1.25-entmax) run on lanes, in straight-line code with the scalar path's order of
     * multiplications; other powers run the scalar loop, because {@code lanewise(POW)} is not
     * intrinsified on JDK 17 and measured about 7 times slower than scalar {@code Math.pow} here.
     */
    @Override
    public double sumRectifiedPower(double[] a, int off, int len, double center, double scale, double shift,
                                    double power) {
        int k = ScalarSimdOps.integerPower(power);
        if (len < 2 * D.length() || k < 0 || k > MAX_LANE_POWER) {
            return SCALAR.sumRectifiedPower(a, off, len, center, scale, shift, power);
        }
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int step = D.length();
        int i = 0;
        for (int bound = len - 2 * step; i <= bound; i += 2 * step) {
            DoubleVector x0 = DoubleVector.fromArray(D, a, off + i);
            DoubleVector x1 = DoubleVector.fromArray(D, a, off + i + step);
            acc0 = acc0.add(rectifiedPower(x0, center, scale, shift, k));
            acc1 = acc1.add(rectifiedPower(x1, center, scale, shift, k));
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        return s + SCALAR.sumRectifiedPower(a, off + i, len - i, center, scale, shift, power);
    }

    @Override
    public double rectifiedPower(double[] a, int off, int len, double center, double scale, double shift, double power,
                                 double[] out, int outOff) {
        int k = ScalarSimdOps.integerPower(power);
        if (len < 2 * D.length() || k < 0 || k > MAX_LANE_POWER) {
            return SCALAR.rectifiedPower(a, off, len, center, scale, shift, power, out, outOff);
        }
        DoubleVector acc = DoubleVector.zero(D);
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            DoubleVector t = rectifiedPower(DoubleVector.fromArray(D, a, off + i), center, scale, shift, k);
            t.intoArray(out, outOff + i);
            acc = acc.add(t);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        return s + SCALAR.rectifiedPower(a, off + i, len - i, center, scale, shift, power, out, outOff + i);
    }

    /** $[c\,(x - center) - shift]_+^{k}$ lane by lane for $0 \le k \le 4$; lanes whose bracket is not positive are 0. */
    private static DoubleVector rectifiedPower(DoubleVector x, double center, double scale, double shift, int k) {
        DoubleVector r = x.sub(center).mul(scale).sub(shift);
        VectorMask<Double> positive = r.compare(VectorOperators.GT, 0.0);
        DoubleVector t;
        switch (k) {
            case 0:
                return DoubleVector.zero(D).blend(1.0, positive);
            case 1:
                t = r;
                break;
            case 2:
                t = r.mul(r);
                break;
            case 3:
                t = r.mul(r.mul(r));
                break;
            default:
                DoubleVector r2 = r.mul(r);
                t = r2.mul(r2);
        }
        return DoubleVector.zero(D).blend(t, positive);
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        VectorGemm.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    @Override
    public void softmax(float[] a, int off, int len, float[] out, int outOff) {
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
        FloatKernels.checkSoftmax(a, off, len, max);
        for (i = 0; i < bound; i += F.length()) {
            exp(FloatVector.fromArray(F, a, off + i).sub(max)).intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = FloatKernels.exp(a[off + i] - max);
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

    @Override
    public void gelu(float[] x, int off, int len, float[] out, int outOff) {
        int bound = F.loopBound(len);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            FloatVector z = v.mul(FloatKernels.INV_SQRT2);
            FloatVector az = z.abs();
            FloatVector t = FloatVector.broadcast(F, 1f).div(az.fma(0.5f, 1f));
            FloatVector q = FloatVector.broadcast(F, FloatKernels.ERFC[0]);
            for (int j = 1; j < FloatKernels.ERFC.length; j++) {
                q = q.fma(t, FloatVector.broadcast(F, FloatKernels.ERFC[j]));
            }
            FloatVector e = t.mul(exp(az.neg().fma(az, q)));
            FloatVector half = e.mul(0.5f);
            VectorMask<Float> nonNegative = z.compare(VectorOperators.GE, 0f);
            FloatVector phi = half.blend(FloatVector.broadcast(F, 1f).sub(half), nonNegative);
            v.mul(phi).intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = FloatKernels.gelu(x[off + i]);
        }
    }

    /** {@link FloatKernels#exp} lane by lane, the same operations in the same order. */
    private static FloatVector exp(FloatVector x) {
        VectorMask<Float> tiny = x.compare(VectorOperators.LT, FloatKernels.EXP_MIN);
        FloatVector xc = x.min(FloatKernels.EXP_MAX);
        FloatVector t = xc.fma(FloatKernels.LOG2E, FloatKernels.ROUNDER);
        FloatVector n = t.sub(FloatKernels.ROUNDER);
        FloatVector r = n.neg().fma(FloatVector.broadcast(F, FloatKernels.LN2_HI), xc);
        r = n.neg().fma(FloatVector.broadcast(F, FloatKernels.LN2_LO), r);
        FloatVector p = FloatVector.broadcast(F, FloatKernels.EXP_TAYLOR[0]);
        for (int i = 1; i < FloatKernels.EXP_TAYLOR.length; i++) {
            p = p.fma(r, FloatVector.broadcast(F, FloatKernels.EXP_TAYLOR[i]));
        }
        FloatVector one = FloatVector.broadcast(F, 1f);
        p = p.fma(r, one);
        p = p.fma(r, one);
        IntVector bits = (IntVector) t.reinterpretAsInts();
        FloatVector scale = bits.sub(FloatKernels.ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(scale).blend(0f, tiny);
    }

    @Override
    public void axpby(double a, double[] x, int xOff, double b, double[] y, int yOff, double[] out, int outOff, int len) {
        if (len < 2 * D.length()) {
            SCALAR.axpby(a, x, xOff, b, y, yOff, out, outOff, len);
            return;
        }
        DoubleVector va = DoubleVector.broadcast(D, a);
        DoubleVector vb = DoubleVector.broadcast(D, b);
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            DoubleVector.fromArray(D, x, xOff + i).mul(va)
                    .add(DoubleVector.fromArray(D, y, yOff + i).mul(vb))
                    .intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = a * x[xOff + i] + b * y[yOff + i];
        }
    }

    @Override
    public void scale(double a, double[] x, int xOff, double[] out, int outOff, int len) {
        if (len < 2 * D.length()) {
            SCALAR.scale(a, x, xOff, out, outOff, len);
            return;
        }
        DoubleVector va = DoubleVector.broadcast(D, a);
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += D.length()) {
            DoubleVector.fromArray(D, x, xOff + i).mul(va).intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = a * x[xOff + i];
        }
    }

    @Override
    public double sumAbs(double[] a, int off, int len) {
        if (len < 2 * D.length()) {
            return SCALAR.sumAbs(a, off, len);
        }
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int step = D.length();
        int i = 0;
        for (int bound = len - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.add(DoubleVector.fromArray(D, a, off + i).abs());
            acc1 = acc1.add(DoubleVector.fromArray(D, a, off + i + step).abs());
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            s += Math.abs(a[off + i]);
        }
        return s;
    }

    @Override
    public double l1Distance(double[] a, int aOff, double[] b, int bOff, int len) {
        if (len < 2 * D.length()) {
            return SCALAR.l1Distance(a, aOff, b, bOff, len);
        }
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int step = D.length();
        int i = 0;
        for (int bound = len - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.add(DoubleVector.fromArray(D, a, aOff + i).sub(DoubleVector.fromArray(D, b, bOff + i)).abs());
            acc1 = acc1.add(DoubleVector.fromArray(D, a, aOff + i + step)
                    .sub(DoubleVector.fromArray(D, b, bOff + i + step)).abs());
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            s += Math.abs(a[aOff + i] - b[bOff + i]);
        }
        return s;
    }

    @Override
    public double gatherDot(double[] values, int[] idx, int off, int len, double[] x) {
        // Measured with JMH on JDK 17, AVX2 (bench SparseKernelBench): gathering rows of ~12 entries made
        // a CSR product slower than the scalar loop, and on a 4096-entry row with random indices the
        // gather was on par (4.06 +- 0.35 us against 3.94 +- 0.06 us scalar). Rows shorter than
        // GATHER_MIN stay scalar; longer ones gather, for CPUs whose gathers are fast (AVX-512).
        if (len < GATHER_MIN) {
            return SCALAR.gatherDot(values, idx, off, len, x);
        }
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int step = D.length();
        int i = 0;
        for (int bound = len - 2 * step; i <= bound; i += 2 * step) {
            acc0 = DoubleVector.fromArray(D, x, 0, idx, off + i)
                    .fma(DoubleVector.fromArray(D, values, off + i), acc0);
            acc1 = DoubleVector.fromArray(D, x, 0, idx, off + i + step)
                    .fma(DoubleVector.fromArray(D, values, off + i + step), acc1);
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            s = Math.fma(values[off + i], x[idx[off + i]], s);
        }
        return s;
    }
}
