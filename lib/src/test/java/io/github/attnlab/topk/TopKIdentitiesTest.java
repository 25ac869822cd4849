package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * docs/papers/A.md §A.1–2 from their definitions, on many seeded instances: TV, KL and the identity
 * TV = 1 - e^{-KL} (the notebook A01 states the paper's items; the identity is our code's invariant, tested here).
 */
class TopKIdentitiesTest {

    private static final int INSTANCES = 2000;
    /** Absolute agreement of two double computations of a probability mass. */
    private static final double MASS_TOL = 1e-13;
    /** Relative agreement of two double computations of a small tail mass. */
    private static final double RELATIVE_TOL = 1e-12;

    @Test
    void tvIsTheTailMassAndKlGivesIt() {
        Random r = new Random(20251122);
        for (int t = 0; t < INSTANCES; t++) {
            double[] s = Instances.row(r, 300);
            TopK top = TopK.of(s);
            int k = 1 + r.nextInt(s.length);
            TopKResult res = top.keep(k);
            double[] p = top.probabilities();
            // P-hat: P restricted to the kept keys and renormalised, from the definition.
            double[] q = new double[s.length];
            double head = 0;
            for (int i : res.keys()) {
                head += p[i];
            }
            for (int i : res.keys()) {
                q[i] = p[i] / head;
            }
            double tv = 0;
            double kl = 0;
            for (int i = 0; i < s.length; i++) {
                tv += Math.abs(p[i] - q[i]) / 2;
                if (q[i] > 0) {
                    kl += q[i] * Math.log(q[i] / p[i]);
                }
            }
            String where = "instance " + t + " (n = " + s.length + ", k = " + k + ")";
            assertEquals(tv, res.tailMass(), MASS_TOL, where + ": TV = tail mass");
            assertEquals(1 - head, res.tailMass(), MASS_TOL, where + ": tail mass = 1 - Z_H/Z");
            assertEquals(kl, res.kl(), MASS_TOL * Math.max(1, res.kl()) * s.length, where + ": KL from its definition");
            assertEquals(res.tailMass(), res.tvFromKl(), RELATIVE_TOL * res.tailMass() + Double.MIN_NORMAL, where + ": TV = 1 - e^-KL");
            // the identity with both sides from their definitions, independently of the engine: the sums over the
            // n keys round to about n u, and 1 - e^-KL moves by at most the error of KL
            assertEquals(tv, -Math.expm1(-kl), MASS_TOL * Math.max(1, kl) * s.length,
                    where + ": TV = 1 - e^-KL from the definitions");
            assertTrue(res.tailMass() <= res.tailMassUpper(), where);
        }
    }

    @Test
    void keptKeysAreTheLargestLogits() {
        Random r = new Random(7);
        for (int t = 0; t < 500; t++) {
            double[] s = Instances.row(r, 200);
            int k = 1 + r.nextInt(s.length);
            int[] keys = TopK.of(s).keep(k).keys();
            double smallestKept = Double.POSITIVE_INFINITY;
            boolean[] kept = new boolean[s.length];
            for (int i : keys) {
                kept[i] = true;
                smallestKept = Math.min(smallestKept, s[i]);
                assertTrue(s[i] > Double.NEGATIVE_INFINITY, "a masked key was kept");
            }
            for (int i = 0; i < s.length; i++) {
                if (!kept[i]) {
                    assertTrue(s[i] <= smallestKept, "key " + i + " outranks a kept key");
                }
            }
        }
    }

    @Test
    void aHandComputedRow() {
        // weights 3, 2, 1: Z = 6
        TopKResult r = TopK.of(Math.log(2), Math.log(3), 0).keep(1);
        assertEquals(0.5, r.tailMass(), 1e-15);
        assertEquals(Math.log(2), r.kl(), 1e-15);
        assertEquals(4.0 / 7, r.singleGap(), 1e-14);    // (n-k) e^{s(2)} = 4 against Z_H = 3
        assertEquals(1.0, r.gapOnly(), 0.0);            // (2/1) * 2/3 = 4/3, capped at 1
        assertEquals(0.5, r.multiGap(), 1e-14);         // blocks {2}, {1}: exact here
        assertEquals(1, r.keys()[0]);
        assertEquals(1.0 / 6, TopK.of(Math.log(2), Math.log(3), 0).keep(2).tailMass(), 1e-15);
        assertEquals(0.0, TopK.of(Math.log(2), Math.log(3), 0).keep(3).tailMass(), 0.0);
    }
}
