package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 certified $k_\varepsilon$ without sorting ({@link KSelect}): sound against the exact tail mass of the
 * same logits (60-digit oracle, {@link ExactTail}) on random rows and on every floating-point regime that broke
 * certificates (subnormal and underflowing tails, huge gaps, huge logits, ties, masks), and as tight as the sorting
 * {@link RankedRow} on the widened row up to the rounding of the sums.
 */
class KSelectTest {

    private static final double[] BUDGETS = {0.5, 0.1, 0.01, 1e-3, 1e-8, 1e-300, Double.MIN_VALUE};
    /** Rows whose k may differ from the sorting certificate's (rounding of differently ordered sums). */
    private static final double MISMATCH_RATE = 0.02;

    static float[] toFloat(double[] s) {
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            double x = s[i];
            f[i] = x == Double.NEGATIVE_INFINITY ? Float.NEGATIVE_INFINITY
                    : (float) Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, x));
        }
        return f;
    }

    static double[] widen(float[] f) {
        double[] s = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            s[i] = f[i];
        }
        return s;
    }

    private static float[] gaussian(Random r, int n, double scale) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (scale * r.nextGaussian());
        }
        if (r.nextInt(3) == 0) {
            for (int m = r.nextInt(n); m > 0; m--) {
                f[r.nextInt(n)] = Float.NEGATIVE_INFINITY;
            }
            f[r.nextInt(n)] = 1f;
        }
        if (r.nextInt(4) == 0) {
            for (int i = 0; i < n; i++) {
                f[i] = Math.round(f[i]); // ties
            }
        }
        return f;
    }

    /** Checks soundness at every budget, and returns how many answers differ from the sorting certificate. */
    private static int check(float[] f, String where, KSelect sel) {
        return check(widen(f), f, where, sel);
    }

    /** {@link #check(float[], String, KSelect)} of a double row, on {@link KSelect}'s double path. */
    private static int check(double[] s, String where, KSelect sel) {
        return check(s, null, where, sel);
    }

    /** The float row {@code f} when it is not null (then {@code s} is it widened), else the double row {@code s}. */
    private static int check(double[] s, float[] f, String where, KSelect sel) {
        RankedRow row = new RankedRow().rank(s);
        BigDecimal[] tau = ExactTail.taus(ExactTail.weights(s), s.length);
        int differ = 0;
        for (double eps : BUDGETS) {
            int k = f != null ? sel.certifiedK(f, eps) : sel.certifiedK(s, eps);
            double u = sel.tailMassUpper();
            assertTrue(k >= 1 && k <= row.unmasked(), where + ": k = " + k);
            assertTrue(u <= eps && ExactTail.atLeast(u, tau[k - 1]), where + ", eps = " + eps + ": k = " + k
                    + " certified " + u + " below the exact tail " + tau[k - 1]);
            assertTrue(new BigDecimal(eps).compareTo(tau[k - 1]) >= 0, where + ": exact tail above eps");
            int sorted = row.certifiedK(eps);
            if (k != sorted) {
                differ++;
                assertTrue(Math.abs(k - sorted) <= Math.max(2, s.length / 100), where + ", eps = " + eps + ": k = "
                        + k + " against " + sorted + " from sorting");
            }
        }
        return differ;
    }

    @Test
    void randomRowsAreSoundAndAsTightAsSorting() {
        Random r = new Random(1616);
        KSelect sel = new KSelect();
        int differ = 0;
        int answers = 0;
        for (int t = 0; t < 120; t++) {
            int n = 1 + r.nextInt(t % 10 == 0 ? 3000 : 400);
            differ += check(gaussian(r, n, Math.pow(10, -1 + 2.5 * r.nextDouble())), "row " + t, sel);
            answers += BUDGETS.length;
        }
        assertTrue(differ <= MISMATCH_RATE * answers, differ + " of " + answers + " answers differ from sorting");
    }

    @Test
    void doubleRowsAreSoundAndAsTightAsSorting() {
        Random r = new Random(1617);
        KSelect sel = new KSelect();
        int differ = 0;
        int answers = 0;
        for (int t = 0; t < 120; t++) {
            int n = 1 + r.nextInt(t % 10 == 0 ? 3000 : 400);
            double[] s = new double[n];
            double scale = Math.pow(10, -1 + 2.5 * r.nextDouble());
            for (int i = 0; i < n; i++) {
                s[i] = scale * r.nextGaussian(); // not float32 values
            }
            if (r.nextInt(3) == 0) {
                for (int m = r.nextInt(n); m > 0; m--) {
                    s[r.nextInt(n)] = Double.NEGATIVE_INFINITY;
                }
                s[r.nextInt(n)] = 1;
            }
            differ += check(s, "double row " + t, sel);
            answers += BUDGETS.length;
        }
        assertTrue(differ <= MISMATCH_RATE * answers, differ + " of " + answers + " answers differ from sorting");
        for (int t = 0; t < 20; t++) {
            check(Regimes.subnormalTail(r), "double subnormal tail " + t, sel);
            check(Regimes.hugeGaps(r), "double huge gaps " + t, sel);
        }
        double[] huge = new double[300];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = 1e300 * r.nextGaussian();
        }
        huge[3] = Double.MAX_VALUE;
        huge[4] = -Double.MAX_VALUE; // M - s overflows to +Infinity
        check(huge, "huge double logits", sel);
        double[] ties = new double[1000];
        java.util.Arrays.fill(ties, 2.5);
        assertEquals(991, sel.certifiedK(ties, 0.01), "n(1 - eps) keys of a uniform row");
        int[] k = new int[3];
        double[] rows = new double[3 * 101];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = r.nextGaussian();
        }
        TopKRows.certifiedK(rows, 3, 101, 0.05, k, sel);
        for (int i = 0; i < 3; i++) {
            assertEquals(new KSelect().certifiedK(rows, i * 101, 101, 0.05), k[i]);
        }
        rows[101 + 17] = Double.NaN;
        assertEquals("logits[1][17] is NaN", assertThrows(IllegalArgumentException.class,
                () -> TopKRows.certifiedK(rows, 3, 101, 0.05, k, new KSelect())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KSelect().certifiedK(new double[0], 0.1))
                .getMessage().endsWith("= 0 must be at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KSelect().certifiedK((double[]) null, 0.1))
                .getMessage().contains("logits"));
    }

    @Test
    void adversarialRowsAreSound() {
        Random r = new Random(17);
        KSelect sel = new KSelect();
        for (int t = 0; t < 20; t++) {
            check(toFloat(Regimes.subnormalTail(r)), "subnormal tail " + t, sel);
            check(toFloat(Regimes.hugeGaps(r)), "huge gaps " + t, sel);
        }
        float[] huge = new float[300];
        float[] tiny = new float[300];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = (float) (1e37 * r.nextGaussian());
            tiny[i] = (float) (1e-42 * r.nextGaussian());
        }
        huge[3] = Float.MAX_VALUE;
        huge[4] = -Float.MAX_VALUE;
        check(huge, "huge logits", sel);
        check(tiny, "subnormal logits", sel);
        float[] ties = new float[1000];
        java.util.Arrays.fill(ties, 2.5f);
        check(ties, "all tied", sel);
        assertEquals(991, sel.certifiedK(ties, 0.01), "n(1 - eps) keys of a uniform row");
        float[] one = {Float.NEGATIVE_INFINITY, -3f, Float.NEGATIVE_INFINITY};
        assertEquals(1, sel.certifiedK(one, 1e-300));
        assertEquals(0.0, sel.tailMassUpper(), 0.0);
    }

    @Test
    void theBatchMatchesRowByRowAndNamesBadRows() {
        Random r = new Random(3);
        int rows = 7;
        int cols = 301;
        float[] flat = new float[rows * cols];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) (2 * r.nextGaussian());
        }
        int[] k = new int[rows];
        TopKRows.certifiedK(flat, rows, cols, 0.05, k, new KSelect());
        for (int i = 0; i < rows; i++) {
            assertEquals(new KSelect().certifiedK(flat, i * cols, cols, 0.05), k[i]);
        }
        flat[cols + 17] = Float.NaN;
        assertEquals("logits[1][17] is NaN", assertThrows(IllegalArgumentException.class,
                () -> TopKRows.certifiedK(flat, rows, cols, 0.05, k, new KSelect())).getMessage());
        flat[cols + 17] = Float.POSITIVE_INFINITY;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KSelect().certifiedK(flat, cols, cols, 0.05))
                .getMessage().startsWith("logits[17] is +Infinity"));
        float[] masked = new float[9];
        java.util.Arrays.fill(masked, Float.NEGATIVE_INFINITY);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KSelect().certifiedK(masked, 0.05))
                .getMessage().startsWith("logits: all 9 logits are -Infinity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KSelect().certifiedK(flat, 0, 5, 1.0))
                .getMessage().contains("eps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KSelect().certifiedK(flat, 0, 0, 0.1))
                .getMessage().endsWith("= 0 must be at least 1"));
    }
}
