package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SimdOps#maxOrdered} and {@link SimdOps#indicesAbove}, float and double, give the same bits and positions on
 * both paths and agree with their definitions, on odd, prime and vector-crossing sizes at an offset, with NaN,
 * $\pm\infty$, signed zeros, ties, and floors that keep none, some or all of the row.
 */
@EnabledIf(value = "vectorModulePresent",
        disabledReason = "the scalar-path run has no jdk.incubator.vector; the default run compares the paths")
class SimdCandidatesEquivalenceTest {

    static boolean vectorModulePresent() {
        return SimdOps.vector().isPresent();
    }

    static IntStream sizes() {
        return IntStream.of(0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 97, 509, 1021, 4099);
    }

    private static final double[] SPECIAL = {0.0, -0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.NaN, 3.0, 3.0, -1e300, 1e-310};

    /** Gaussian scores with a special value at every 23rd position when {@code special}, and ties. */
    private static double[] row(Random r, int n, int off, boolean special) {
        double[] a = new double[off + n + 2];
        for (int i = 0; i < n; i++) {
            a[off + i] = i % 11 == 5 ? 2.5 : 2 * r.nextGaussian();
            if (special && i % 23 == 7) {
                a[off + i] = SPECIAL[(i / 23) % SPECIAL.length];
            }
        }
        a[0] = 1e9; // outside the range: must be ignored
        a[a.length - 1] = 1e9;
        return a;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void maximaAreBitIdenticalAndSkipNan(int n) {
        SimdOps v = SimdOps.vector().orElseThrow();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(41L * n + 3);
        int off = 3;
        for (boolean special : new boolean[] {false, true}) {
            double[] d = row(r, n, off, special);
            float[] f = toFloat(d);
            double expected = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (d[off + i] > expected) {
                    expected = d[off + i];
                }
            }
            expected += 0.0;
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(s.maxOrdered(d, off, n)));
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v.maxOrdered(d, off, n)));
            float fe = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                fe = f[off + i] > fe ? f[off + i] : fe;
            }
            fe += 0.0f;
            assertEquals(Float.floatToRawIntBits(fe), Float.floatToRawIntBits(s.maxOrdered(f, off, n)));
            assertEquals(Float.floatToRawIntBits(fe), Float.floatToRawIntBits(v.maxOrdered(f, off, n)));
        }
        double[] zeros = new double[n + 1];
        Arrays.fill(zeros, -0.0);
        if (n > 0) {
            assertEquals(0L, Double.doubleToRawLongBits(v.maxOrdered(zeros, 1, n)), "a maximum of -0 is +0");
            assertEquals(0L, Double.doubleToRawLongBits(s.maxOrdered(zeros, 1, n)), "a maximum of -0 is +0");
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void positionsAreThoseAboveTheFloorOrNan(int n) {
        SimdOps v = SimdOps.vector().orElseThrow();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(43L * n + 1);
        int off = 5;
        for (boolean special : new boolean[] {false, true}) {
            double[] d = row(r, n, off, special);
            float[] f = toFloat(d);
            for (double floor : new double[] {Double.NEGATIVE_INFINITY, -3, 0.0, 2.5, 3.5, Double.POSITIVE_INFINITY}) {
                int[] expected = IntStream.range(0, n).filter(i -> !(d[off + i] <= floor)).toArray();
                assertArrayEquals(expected, positions(s, d, off, n, floor), "scalar, floor " + floor);
                assertArrayEquals(expected, positions(v, d, off, n, floor), "vector, floor " + floor);
                float ff = (float) floor;
                int[] expectedF = IntStream.range(0, n).filter(i -> !(f[off + i] <= ff)).toArray();
                assertArrayEquals(expectedF, positions(s, f, off, n, ff), "scalar float, floor " + floor);
                assertArrayEquals(expectedF, positions(v, f, off, n, ff), "vector float, floor " + floor);
            }
        }
    }

    private static int[] positions(SimdOps ops, double[] a, int off, int n, double floor) {
        int[] idx = new int[n];
        return Arrays.copyOf(idx, ops.indicesAbove(a, off, n, floor, idx));
    }

    private static int[] positions(SimdOps ops, float[] a, int off, int n, float floor) {
        int[] idx = new int[n];
        return Arrays.copyOf(idx, ops.indicesAbove(a, off, n, floor, idx));
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
