package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** docs/papers/A.md §A.4–6: the exact identity and both output bounds. */
class HeadTailTest {

    /**
     * Agreement of error and tau*||mu_tail - mu_head|| relative to the size of the values: the direct
     * error is a difference of two nearly equal vectors, so it is accurate to u * |v|, not to u * error.
     */
    private static final double IDENTITY_RTOL = 1e-13;

    @Test
    void identityHoldsAndBoundsDominate() {
        Random r = new Random(2025);
        for (int t = 0; t < 1000; t++) {
            double[] s = Instances.row(r, 120);
            int d = 1 + r.nextInt(70);
            double[][] v = new double[s.length][d];
            for (double[] row : v) {
                for (int j = 0; j < d; j++) {
                    row[j] = r.nextGaussian() * 3;
                }
            }
            int k = 1 + r.nextInt(s.length);
            HeadTail h = TopK.of(s).withValues(v).headTail(k);
            double scale = 0;
            for (double[] row : v) {
                for (double x : row) {
                    scale = Math.max(scale, Math.abs(x));
                }
            }
            scale *= Math.sqrt(d);
            String where = "instance " + t + " (n = " + s.length + ", k = " + k + ")";
            assertEquals(h.error(), h.decomposition(), IDENTITY_RTOL * scale, where);
            assertTrue(h.error() <= h.diameterBound(), where + ": diameter bound");
            assertTrue(h.error() <= h.varianceBound(), where + ": variance bound " + h);

            // Attn from a naive softmax, independently of the ranked engine
            double[] p = TopK.of(s).probabilities();
            for (int j = 0; j < d; j++) {
                double a = 0;
                for (int i = 0; i < s.length; i++) {
                    a += p[i] * v[i][j];
                }
                assertEquals(a, h.attention()[j], 1e-12 * (1 + Math.abs(a)) * 10, where + ": Attn[" + j + "]");
            }
            // Attn = (1 - tau) mu_head + tau mu_tail
            for (int j = 0; j < d; j++) {
                double mix = (1 - h.tailMass()) * h.muHead()[j] + h.tailMass() * h.muTail()[j];
                assertEquals(h.attention()[j], mix, 1e-11 * (1 + Math.abs(mix)), where);
            }
        }
    }

    @Test
    void keepingEverythingIsExact() {
        double[][] v = {{1, 0}, {0, 1}, {2, 2}};
        HeadTail h = TopK.of(1, 2, 3).withValues(v).headTail(3);
        assertEquals(0, h.error(), 1e-15);
        assertEquals(0, h.tailMass(), 0);
        assertEquals(0, h.diameterBound(), 0);
        assertEquals(h.muHead()[0], h.muTail()[0], 0, "empty tail: mu_tail is defined as mu_head");
    }
}
