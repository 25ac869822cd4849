package io.github.attnlab.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The chunk loops of {@link FloatRows} on the vector path, the same IEEE operations in the same order as
 * {@link FloatRows#SCALAR}: the 16 lanes of the summation tree are one 512-bit vector, or two 256-bit ones on
 * machines with narrower vectors ({@link #WIDE} and {@link #NARROW}, both tested against the scalar loops). The
 * exponential is {@link LaneMath#expRow(float)} lane by lane.
 */
final class VectorFloatRows implements FloatRows.Kernels {

    private static final VectorSpecies<Float> F16 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    /** One 16-float vector per group of 16 elements. */
    static final VectorFloatRows WIDE = new VectorFloatRows(true);
    /** Two 8-float vectors per group of 16 elements. */
    static final VectorFloatRows NARROW = new VectorFloatRows(false);

    private final boolean wide;

    private VectorFloatRows(boolean wide) {
        this.wide = wide;
    }

    /** The kernels for this machine: {@link #WIDE} with 512-bit vectors, {@link #NARROW} with 256-bit ones. */
    static FloatRows.Kernels preferred() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        return lanes >= 16 ? WIDE : lanes == 8 ? NARROW : FloatRows.SCALAR;
    }

    @Override
    public float max(float[] a, int off, int len) {
        if (len < 64) {
            return FloatRows.SCALAR.max(a, off, len);
        }
        VectorSpecies<Float> sp = wide ? F16 : F8;
        int step = sp.length();
        FloatVector m0 = FloatVector.fromArray(sp, a, off);
        FloatVector m1 = FloatVector.fromArray(sp, a, off + step);
        FloatVector m2 = FloatVector.fromArray(sp, a, off + 2 * step);
        FloatVector m3 = FloatVector.fromArray(sp, a, off + 3 * step);
        int i = 4 * step;
        for (int bound = len - 4 * step; i <= bound; i += 4 * step) {
            m0 = larger(m0, FloatVector.fromArray(sp, a, off + i));
            m1 = larger(m1, FloatVector.fromArray(sp, a, off + i + step));
            m2 = larger(m2, FloatVector.fromArray(sp, a, off + i + 2 * step));
            m3 = larger(m3, FloatVector.fromArray(sp, a, off + i + 3 * step));
        }
        float m = larger(larger(m0, m1), larger(m2, m3)).reduceLanes(VectorOperators.MAX);
        for (; i < len; i++) {
            m = Math.max(m, a[off + i]);
        }
        return m;
    }

    /**
     * The lanewise larger of two vectors by a comparison and a blend: {@code max}, with its Java semantics for
     * NaN and signed zeros, measured slower than the scalar loop here on JDK 17. NaN lanes are skipped (a NaN
     * row is refused later, by its NaN sum), and a maximum of $\pm 0$ may differ in sign from the scalar
     * path's, which changes no result: $e^{a_i - m}$ and $m + \log S$ are the same for $m = +0$ and $m = -0$.
     */
    private static FloatVector larger(FloatVector m, FloatVector x) {
        return m.blend(x, x.compare(VectorOperators.GT, m));
    }

    @Override
    public float expSum(float[] a, int off, int len, float m, float[] out, int outOff) {
        return wide ? expSum16(a, off, len, m, out, outOff) : expSum8(a, off, len, m, out, outOff);
    }

    private static float expSum16(float[] a, int off, int len, float m, float[] out, int outOff) {
        int full = len - len % FloatRows.WAYS;
        FloatVector total = FloatVector.zero(F16);
        for (int b = 0; b < full; b += FloatRows.BLOCK) {
            FloatVector block = FloatVector.zero(F16);
            for (int j = b, end = Math.min(full, b + FloatRows.BLOCK); j < end; j += 16) {
                FloatVector e = exp(F16, FloatVector.fromArray(F16, a, off + j).sub(m));
                if (out != null) {
                    e.intoArray(out, outOff + j);
                }
                block = block.add(e);
            }
            total = total.add(block);
        }
        float s = FloatRows.half(total.lane(0), total.lane(1), total.lane(2), total.lane(3), total.lane(4),
                total.lane(5), total.lane(6), total.lane(7))
                + FloatRows.half(total.lane(8), total.lane(9), total.lane(10), total.lane(11), total.lane(12),
                total.lane(13), total.lane(14), total.lane(15));
        return tail(a, off, full, len, m, out, outOff, s);
    }

    private static float expSum8(float[] a, int off, int len, float m, float[] out, int outOff) {
        int full = len - len % FloatRows.WAYS;
        FloatVector lo = FloatVector.zero(F8);
        FloatVector hi = FloatVector.zero(F8);
        for (int b = 0; b < full; b += FloatRows.BLOCK) {
            FloatVector blo = FloatVector.zero(F8);
            FloatVector bhi = FloatVector.zero(F8);
            for (int j = b, end = Math.min(full, b + FloatRows.BLOCK); j < end; j += 16) {
                FloatVector e0 = exp(F8, FloatVector.fromArray(F8, a, off + j).sub(m));
                FloatVector e1 = exp(F8, FloatVector.fromArray(F8, a, off + j + 8).sub(m));
                if (out != null) {
                    e0.intoArray(out, outOff + j);
                    e1.intoArray(out, outOff + j + 8);
                }
                blo = blo.add(e0);
                bhi = bhi.add(e1);
            }
            lo = lo.add(blo);
            hi = hi.add(bhi);
        }
        float s = FloatRows.half(lo.lane(0), lo.lane(1), lo.lane(2), lo.lane(3), lo.lane(4), lo.lane(5), lo.lane(6),
                lo.lane(7))
                + FloatRows.half(hi.lane(0), hi.lane(1), hi.lane(2), hi.lane(3), hi.lane(4), hi.lane(5), hi.lane(6),
                hi.lane(7));
        return tail(a, off, full, len, m, out, outOff, s);
    }

    private static float tail(float[] a, int off, int from, int len, float m, float[] out, int outOff, float s) {
        for (int j = from; j < len; j++) {
            float e = LaneMath.expRow(a[off + j] - m);
            if (out != null) {
                out[outOff + j] = e;
            }
            s += e;
        }
        return s;
    }

    @Override
    public void scale(float[] out, int off, int len, float f) {
        VectorSpecies<Float> sp = wide ? F16 : F8;
        int i = 0;
        for (int bound = sp.loopBound(len); i < bound; i += sp.length()) {
            FloatVector.fromArray(sp, out, off + i).mul(f).intoArray(out, off + i);
        }
        for (; i < len; i++) {
            out[off + i] *= f;
        }
    }

    @Override
    public void expScale(float[] a, int off, int len, float m, float f, float[] out, int outOff) {
        VectorSpecies<Float> sp = wide ? F16 : F8;
        int i = 0;
        for (int bound = sp.loopBound(len); i < bound; i += sp.length()) {
            exp(sp, FloatVector.fromArray(sp, a, off + i).sub(m)).mul(f).intoArray(out, outOff + i);
        }
        for (; i < len; i++) {
            out[outOff + i] = LaneMath.expRow(a[off + i] - m) * f;
        }
    }

    /**
     * {@link LaneMath#expRow(float)} lane by lane: the same operations in the same order. {@code VectorFloatOps} has
     * its own copy for {@link LaneMath#exp(float)} on purpose: sharing one routine that takes the species measured
     * the MiniLM forward pass 2.8x slower (28 to 80 ms), its vectors no longer intrinsified.
     */
    static FloatVector exp(VectorSpecies<Float> sp, FloatVector x) {
        VectorMask<Float> tiny = x.compare(VectorOperators.LT, LaneMath.EXP_MIN);
        FloatVector t = x.fma(LaneMath.LOG2E, LaneMath.ROUNDER);
        FloatVector n = t.sub(LaneMath.ROUNDER);
        FloatVector r = n.fma(FloatVector.broadcast(sp, -LaneMath.LN2_HI), x);
        r = n.fma(FloatVector.broadcast(sp, -LaneMath.LN2_LO), r);
        FloatVector p = FloatVector.broadcast(sp, LaneMath.EXP_ROW[0]);
        for (int i = 1; i < LaneMath.EXP_ROW.length; i++) {
            p = p.fma(r, FloatVector.broadcast(sp, LaneMath.EXP_ROW[i]));
        }
        FloatVector one = FloatVector.broadcast(sp, 1f);
        p = p.fma(r, one);
        p = p.fma(r, one);
        FloatVector scale = ((IntVector) t.reinterpretAsInts()).sub(LaneMath.ROUNDER_BITS - 127)
                .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(scale).blend(0f, tiny);
    }
}
