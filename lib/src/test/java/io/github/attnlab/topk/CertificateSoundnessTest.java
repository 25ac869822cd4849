package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every certificate is at least the exact tail mass, computed in 60-digit arithmetic. */
class CertificateSoundnessTest {

    private static final List<TailBound> BOUNDS = List.of(TailBound.EXACT, TailBound.SINGLE_GAP, TailBound.GAP_ONLY,
            TailBound.DYADIC, TailBound.blocks(1), TailBound.blocks(3), TailBound.blocks(16));

    private static void checkAllK(double[] s, String where) {
        RankedRow row = new RankedRow().rank(s);
        BigDecimal[] w = ExactTail.weights(s);
        for (int k = 1; k <= s.length; k++) {
            BigDecimal exact = ExactTail.tau(w, Math.min(k, w.length));
            for (TailBound b : BOUNDS) {
                double u = b.upper(row, k);
                assertTrue(ExactTail.atLeast(u, exact),
                        where + ", k = " + k + ": " + b.name() + " bound " + u + " < exact tau " + exact);
                assertTrue(u <= 1, where + ": bound above 1");
            }
            // the estimate itself is within a few ulps of the exact value
            double tau = row.tailMass(k);
            assertEquals(exact.doubleValue(), tau, 1e-13 * exact.doubleValue() + 4 * Double.MIN_VALUE, where);
        }
    }

    @Test
    void randomRows() {
        Random r = new Random(42);
        for (int t = 0; t < 300; t++) {
            double[] s = Instances.row(r, 40);
            checkAllK(s, "instance " + t);
        }
    }

    @Test
    void tightCases() {
        // equal tail logits make the single-gap and block bounds exact: rounding decides soundness
        double[] flatTail = new double[64];
        java.util.Arrays.fill(flatTail, 0.1);
        flatTail[0] = 3.7;
        checkAllK(flatTail, "flat tail");
        double[] allEqual = new double[33];
        java.util.Arrays.fill(allEqual, -1.3);
        checkAllK(allEqual, "all equal");
        checkAllK(new double[] {5}, "one key");
        // a tail that underflows entirely: tau is about 1e-330, not 0
        checkAllK(new double[] {0, -760, -800, -1e4}, "underflowing tail");
        checkAllK(new double[] {0, -700, -700.5, -701}, "tiny tail");
        checkAllK(new double[] {1e300, 1e300 - 1e285, -1e300}, "huge logits");
    }

    @Test
    void certifiedKIsSmallestAndSound() {
        Random r = new Random(99);
        for (int t = 0; t < 200; t++) {
            double[] s = Instances.row(r, 60);
            double eps = Math.pow(10, -1 - 3 * r.nextDouble());
            RankedRow row = new RankedRow().rank(s);
            int k = row.certifiedK(eps);
            if (row.unmasked() == 0) {
                assertEquals(0, k);
                continue;
            }
            assertTrue(row.tailMassUpper(k) <= eps || k == row.unmasked());
            assertTrue(k == 1 || row.tailMassUpper(k - 1) > eps, "not the smallest k");
            BigDecimal exact = ExactTail.tau(ExactTail.weights(s), k);
            assertTrue(new BigDecimal(eps).compareTo(exact) >= 0, "certified k leaves exact tau " + exact + " > " + eps);
            for (TailBound b : List.of(TailBound.SINGLE_GAP, TailBound.DYADIC, TailBound.blocks(4))) {
                int kb = row.certifiedK(eps, b);
                assertTrue(kb >= k, b.name() + " certified fewer keys than the exact sum");
                assertTrue(new BigDecimal(eps).compareTo(ExactTail.tau(ExactTail.weights(s), kb)) >= 0);
            }
        }
    }
}
