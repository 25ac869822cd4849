package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 softmax and log-sum-exp of the row API against the double ones on the same (widened) scores: seeded
 * random rows and adversarial ones (huge and subnormal logits, ties, masks, a fully masked chunk, long rows), on
 * the path of this test run.
 */
class FloatSoftmaxTest {

    /**
     * Relative agreement of a probability: the float argument $z_i - M$ (up to $88 \cdot 2^{-24}$ relative in the
     * exponential), the exponential's 2 ulp, the sum's fixed tree and the final product.
     */
    static final double RTOL = 2e-5;
    /** Absolute agreement: the float exponential is 0 below $e^{-87}$, about $1.6\cdot10^{-38}$. */
    static final double ATOL = 1e-37;
    /** Agreement of the log-partition: a relative error $\delta$ of $S$ moves $\log S$ by $\delta$. */
    static final double LSE_TOL = 2e-5;

    @Test
    void randomRowsAgreeWithTheDoubleSoftmax() {
        Random r = new Random(1601);
        for (int t = 0; t < 400; t++) {
            double[] z = RandomRows.row(r, t % 10 == 0 ? 20000 : 600);
            if (r.nextInt(5) == 0) {
                for (int i = 0; i < z.length; i++) {
                    z[i] *= 40; // scores spread past the float exponential's range
                }
            }
            check(toFloat(z), "row " + t);
        }
    }

    @Test
    void adversarialRowsAgreeWithTheDoubleSoftmax() {
        Random r = new Random(16);
        int n = 9001;
        float[] huge = new float[n];
        float[] tiny = new float[n];
        float[] ties = new float[n];
        float[] maskedChunk = new float[n];
        for (int i = 0; i < n; i++) {
            huge[i] = (float) (1e30 * r.nextGaussian());
            tiny[i] = (float) (1e-41 * r.nextGaussian());
            ties[i] = (float) Math.rint(r.nextGaussian());
            maskedChunk[i] = i < 8200 ? Float.NEGATIVE_INFINITY : (float) r.nextGaussian();
        }
        huge[7] = 3e38f;
        huge[8] = -3e38f;
        check(huge, "huge");
        check(tiny, "subnormal");
        check(ties, "ties");
        check(maskedChunk, "masked chunk");
        check(new float[] {Float.NEGATIVE_INFINITY, 2.5f}, "one unmasked");
        check(new float[] {-Float.MAX_VALUE, Float.MAX_VALUE}, "extremes");
    }

    private static void check(float[] f, String what) {
        int n = f.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = f[i];
        }
        double[] pd = new double[n];
        double lseD = Normalizers.softmax(z, pd, 0, n);
        float[] pf = new float[n + 2];
        float[] row = new float[n + 2];
        System.arraycopy(f, 0, row, 2, n);
        double lseF = Normalizers.softmax(row, pf, 2, n);
        assertEquals(lseD, lseF, LSE_TOL * Math.max(1, Math.abs(lseD)), what + ": log-partition");
        assertEquals(lseF, Normalizers.logSumExp(row, 2, n), 0.0, what + ": logSumExp is softmax's first pass");
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double p = pf[2 + i];
            sum += p;
            assertTrue(Math.abs(p - pd[i]) <= RTOL * pd[i] + ATOL, what + ": p[" + i + "] = " + p + ", double " + pd[i]);
            if (f[i] == Float.NEGATIVE_INFINITY) {
                assertEquals(0.0, p, 0.0, what + ": a masked key");
            }
        }
        assertEquals(1, sum, RTOL + 1e-6, what + ": the probabilities sum to 1");
        float[] inPlace = row.clone();
        assertEquals(lseF, Normalizers.softmax(inPlace, inPlace, 2, n), 0.0, what + ": in place");
        for (int i = 0; i < n; i++) {
            assertEquals(pf[2 + i], inPlace[2 + i], 0.0, what + ": in place p[" + i + "]");
        }
    }

    @Test
    void badRowsAreRefusedNamingTheArgument() {
        float[] s = new float[40];
        s[17] = Float.NaN;
        assertEquals("scores[17] is NaN", assertThrows(IllegalArgumentException.class,
                () -> Normalizers.softmax(s, new float[40], 0, 40)).getMessage());
        assertEquals("scores[15] is NaN", assertThrows(IllegalArgumentException.class,
                () -> Normalizers.logSumExp(s, 2, 38)).getMessage());
        float[] big = new float[9000];
        big[8999] = Float.POSITIVE_INFINITY;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Normalizers.softmax(big, big, 0, 9000))
                .getMessage().startsWith("scores[8999] is +Infinity"));
        float[] masked = new float[9000];
        java.util.Arrays.fill(masked, Float.NEGATIVE_INFINITY);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Normalizers.logSumExp(masked, 0, 9000))
                .getMessage().startsWith("scores: all 9000 logits are -Infinity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Normalizers.softmax(s, new float[3], 0, 0))
                .getMessage().endsWith("= 0 must be at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Normalizers.softmax(new float[4], new float[3], 0,
                4)).getMessage().startsWith("out"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Normalizers.logSumExp(null, 0, 1))
                .getMessage().contains("scores"));
    }

    static float[] toFloat(double[] z) {
        float[] f = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            f[i] = (float) z[i];
        }
        return f;
    }
}
