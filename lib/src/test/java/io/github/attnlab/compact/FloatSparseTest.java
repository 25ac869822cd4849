package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 sparsemax and entmax of the row API are the double ones of the widened scores: the same threshold,
 * bit for bit, and every probability the double one rounded to float; on seeded random rows (masks, ties, scales
 * from 0.1 to 30) and adversarial ones, at an offset, on the path of this test run.
 */
class FloatSparseTest {

    /** A float operation and its double reference. */
    private record Pair(String name, FloatRow f, FloatNormalizers.DoubleRow d) {
    }

    private interface FloatRow {
        double apply(float[] s, float[] out, int off, int len);
    }

    private static List<Pair> pairs() {
        return List.of(
                new Pair("sparsemax", Normalizers::sparsemax, Normalizers::sparsemax),
                new Pair("sparsemaxPivot", Normalizers::sparsemaxPivot, Normalizers::sparsemaxPivot),
                new Pair("entmax15", Normalizers::entmax15, Normalizers::entmax15),
                new Pair("entmaxBisect(1.5)", (s, o, f, l) -> Normalizers.entmaxBisect(1.5, s, o, f, l),
                        (s, o, f, l) -> Normalizers.entmaxBisect(1.5, s, o, f, l)),
                new Pair("entmaxBisect(4/3)", (s, o, f, l) -> Normalizers.entmaxBisect(4.0 / 3, s, o, f, l),
                        (s, o, f, l) -> Normalizers.entmaxBisect(4.0 / 3, s, o, f, l)),
                new Pair("entmaxBisect(1.25)", (s, o, f, l) -> Normalizers.entmaxBisect(1.25, s, o, f, l),
                        (s, o, f, l) -> Normalizers.entmaxBisect(1.25, s, o, f, l)),
                new Pair("entmaxBisect(2.5)", (s, o, f, l) -> Normalizers.entmaxBisect(2.5, s, o, f, l),
                        (s, o, f, l) -> Normalizers.entmaxBisect(2.5, s, o, f, l)));
    }

    @Test
    void floatRowsGiveTheDoubleThresholdAndRoundedProbabilities() {
        Random r = new Random(1603);
        for (int t = 0; t < 150; t++) {
            float[] f = FloatSoftmaxTest.toFloat(RandomRows.row(r, t % 10 == 0 ? 5000 : 300));
            check(f, "row " + t);
        }
        float[] huge = new float[257];
        float[] tiny = new float[257];
        float[] ties = new float[257];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = (float) (1e30 * r.nextGaussian());
            tiny[i] = (float) (1e-42 * r.nextGaussian());
            ties[i] = 1.5f;
        }
        huge[9] = Float.NEGATIVE_INFINITY;
        check(huge, "huge");
        check(tiny, "subnormal");
        check(ties, "ties");
    }

    private static void check(float[] f, String what) {
        int n = f.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = f[i];
        }
        float[] row = new float[n + 3];
        System.arraycopy(f, 0, row, 3, n);
        for (Pair p : pairs()) {
            double[] pd = new double[n];
            double tauD = p.d.apply(z, pd, 0, n);
            float[] out = new float[n + 3];
            double tauF = p.f.apply(row, out, 3, n);
            assertEquals(tauD, tauF, 0.0, what + ", " + p.name + ": threshold");
            for (int i = 0; i < n; i++) {
                assertEquals((float) pd[i], out[3 + i], 0.0f, what + ", " + p.name + ": p[" + i + "]");
                if (f[i] == Float.NEGATIVE_INFINITY) {
                    assertEquals(0f, out[3 + i], 0.0f, what + ", " + p.name + ": a masked key");
                }
            }
        }
    }

    @Test
    void badInputIsRefusedNamingTheArgument() {
        float[] s = new float[40];
        s[17] = Float.NaN;
        for (Pair p : pairs()) {
            assertEquals("scores[17] is NaN", assertThrows(IllegalArgumentException.class,
                    () -> p.f.apply(s, new float[40], 0, 40)).getMessage(), p.name);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> p.f.apply(new float[4], new float[3], 0, 4))
                    .getMessage().startsWith("out"), p.name);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> p.f.apply(s, s, 0, 0))
                    .getMessage().endsWith("= 0 must be at least 1"), p.name);
        }
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Normalizers.entmaxBisect(0.5, new float[3], new float[3], 0, 3)).getMessage().startsWith("alpha"));
    }
}
