package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FloatOps#widen} and {@link FloatOps#narrow} give the same bits on both paths and agree with the cast, on odd,
 * prime and vector-crossing sizes and offsets, with signed zeros, infinities, subnormals, doubles that overflow or
 * underflow as floats, and halfway cases of the rounding.
 */
@EnabledIf(value = "vectorModulePresent",
        disabledReason = "the scalar-path run has no jdk.incubator.vector; the default run compares the paths")
class SimdConversionEquivalenceTest {

    static boolean vectorModulePresent() {
        return SimdOps.vector().isPresent();
    }

    static IntStream sizes() {
        return IntStream.of(0, 1, 7, 8, 9, 15, 16, 17, 31, 97, 1021, 4099);
    }

    private static final double[] SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, 1e-40, -1e-45, 3.4028235677973366e38, 3.5e38, -1e300, 1 + 0x1p-24, 1 + 0x1p-23 + 0x1p-24,
        1 + 0x1p-24 + 0x1p-52, Float.MIN_VALUE / 2.0, Double.NaN};

    static double value(Random r, int i) {
        return i % 5 == 0 ? SPECIAL[(i / 5) % SPECIAL.length] : r.nextGaussian() * Math.pow(10, r.nextInt(80) - 40);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void widenAndNarrowAreBitIdenticalToTheCast(int n) {
        Random r = new Random(31L * n + 7);
        SimdOps vector = SimdOps.vector().orElseThrow();
        SimdOps scalar = SimdOps.scalar();
        int off = 3;
        double[] d = new double[n + off];
        float[] f = new float[n + off];
        for (int i = 0; i < n; i++) {
            d[off + i] = value(r, i);
            f[off + i] = (float) value(r, i + 1);
        }
        float[] nv = new float[n + 1];
        float[] ns = new float[n + 1];
        vector.narrow(d, off, n, nv, 1);
        scalar.narrow(d, off, n, ns, 1);
        double[] wv = new double[n + 2];
        double[] ws = new double[n + 2];
        vector.widen(f, off, n, wv, 2);
        scalar.widen(f, off, n, ws, 2);
        for (int i = 0; i < n; i++) {
            float cast = (float) d[off + i];
            assertEquals(bits(cast), bits(nv[1 + i]), "narrow, vector, i = " + i + ", x = " + d[off + i]);
            assertEquals(bits(cast), bits(ns[1 + i]), "narrow, scalar, i = " + i);
            double wide = f[off + i];
            assertEquals(bits(wide), bits(wv[2 + i]), "widen, vector, i = " + i + ", x = " + f[off + i]);
            assertEquals(bits(wide), bits(ws[2 + i]), "widen, scalar, i = " + i);
        }
        assertEquals(0, bits(nv[0]), "narrow writes nothing before outOff");
        assertEquals(0, bits(wv[1]), "widen writes nothing before outOff");
    }

    /** The bits, with every NaN the same (payloads may differ between the cast and a vector conversion). */
    private static long bits(double x) {
        return Double.isNaN(x) ? 1 : Double.doubleToRawLongBits(x);
    }

    private static long bits(float x) {
        return Float.isNaN(x) ? 1 : Float.floatToRawIntBits(x);
    }
}
