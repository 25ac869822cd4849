package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TV between two rows: against top-k's own tail mass (restricting to the top k is one particular second row). */
class TotalVariationTest {

    @Test
    void restrictingToTheTopKGivesTheTailMass() {
        Random r = new Random(31);
        for (int i = 0; i < 200; i++) {
            int n = 1 + r.nextInt(300);
            double[] s = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = 3 * r.nextGaussian();
            }
            int k = 1 + r.nextInt(n);
            TopKResult top = TopK.of(s).keep(k);
            double[] restricted = new double[n];
            Arrays.fill(restricted, Double.NEGATIVE_INFINITY);
            for (int key : top.keys()) {
                restricted[key] = s[key];
            }
            assertEquals(top.tailMass(), TotalVariation.ofLogits(s, restricted), 1e-12, "n = " + n + ", k = " + k);
            assertEquals(TotalVariation.ofLogits(restricted, s), TotalVariation.ofLogits(s, restricted), 0);
        }
    }

    @Test
    void floatRowsSumInDouble() {
        float[] p = {0.5f, 0.25f, 0.25f, 0.9f, 0.1f};
        float[] q = {0.25f, 0.25f, 0.5f};
        assertEquals(0.25, TotalVariation.between(p, 0, q, 0, 3), 1e-12);
        assertEquals(0.4, TotalVariation.between(p, 3, new float[] {0.5f, 0.5f}, 0, 2), 1e-7);
    }

    @Test
    void badRowsAreRefused() {
        assertEquals("the two rows have lengths 2 and 3",
                assertThrows(IllegalArgumentException.class, () -> TotalVariation.between(new double[2], new double[3])).getMessage());
        assertEquals("q[1] is negative: -0.1", assertThrows(IllegalArgumentException.class,
                () -> TotalVariation.between(new double[] {0.5, 0.5}, new double[] {1.1, -0.1})).getMessage());
        assertEquals("s[0] is NaN", assertThrows(IllegalArgumentException.class,
                () -> TotalVariation.ofLogits(new double[] {Double.NaN}, new double[] {0})).getMessage());
    }
}
