package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Certified search scores fewer keys, and its certificate holds against the exact tail mass. */
class KeyBlocksSearchTest {

    /** Keys in topical runs, as in a long context: each run of 16 keys near one of 12 centres. */
    private static double[][] keys(Random r, int n, int d) {
        double[][] centres = new double[12][d];
        for (double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = 2 * r.nextGaussian();
            }
        }
        double[][] k = new double[n][d];
        for (int i = 0; i < n; i++) {
            double[] c = centres[(i / 16 * 7) % centres.length];
            for (int j = 0; j < d; j++) {
                k[i][j] = c[j] + 0.5 * r.nextGaussian();
            }
        }
        return k;
    }

    @Test
    void certificatesHoldAgainstTheExactTailMass() {
        Random r = new Random(11);
        for (int t = 0; t < 60; t++) {
            int n = 1 + r.nextInt(400);
            int d = 1 + r.nextInt(24);
            double[][] k = keys(r, n, d);
            double[] q = k[r.nextInt(n)].clone();
            double scale = (0.2 + 2 * r.nextDouble()) / Math.sqrt(d);
            double eps = Math.pow(10, -1 - 2 * r.nextDouble());
            int b = 1 + r.nextInt(40);
            KeyBlocks index = t % 2 == 0 ? KeyBlocks.contiguous(k, b) : KeyBlocks.clustered(k, b);
            SearchResult res = index.search(q, scale, eps);
            double[] logits = index.logits(q, scale);
            int[] kept = res.keys();
            boolean[] in = new boolean[n];
            for (int i : kept) {
                in[i] = true;
            }
            // exact tau(H) in 60 digits
            double max = java.util.Arrays.stream(logits).max().orElseThrow();
            BigDecimal head = BigDecimal.ZERO;
            BigDecimal all = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal e = ExactTail.exp(new BigDecimal(logits[i]).subtract(new BigDecimal(max)));
                all = all.add(e);
                if (in[i]) {
                    head = head.add(e);
                }
            }
            BigDecimal exact = BigDecimal.ONE.subtract(head.divide(all, java.math.MathContext.DECIMAL128));
            String where = "instance " + t + " " + res;
            assertTrue(res.tailMassUpper() <= eps, where);
            assertTrue(ExactTail.atLeast(res.tailMassUpper() * (1 + 1e-30), exact), where + ": exact tau " + exact);
            assertTrue(res.keysScored() <= n && res.keysScored() >= res.k(), where);
            int oracle = TopK.of(logits).certify(eps).k();
            assertTrue(res.k() >= oracle, where + ": kept fewer keys than the exact certified k " + oracle);
            assertEquals(TopK.of(logits).tailMassOf(kept), exact.doubleValue(), 1e-12, where);
        }
    }

    @Test
    void peakedAttentionScoresFewKeys() {
        Random r = new Random(3);
        int n = 4096;
        int d = 32;
        double[][] k = keys(r, n, d);
        double[] q = new double[d];
        for (int j = 0; j < d; j++) {
            q[j] = 3 * k[100][j];
        }
        SearchResult res = KeyBlocks.contiguous(k, 16).search(q, 1 / Math.sqrt(d), 0.01);
        assertTrue(res.reduction() > 2, res.toString());
    }

    @Test
    void badInput() {
        KeyBlocks index = KeyBlocks.contiguous(new double[][] {{1, 2}, {3, 4}}, 1);
        assertEquals("query has 3 components, keys have 2",
                assertThrows(IllegalArgumentException.class, () -> index.search(new double[3], 1, 0.1)).getMessage());
        assertEquals("scale = 0.0 must be positive and finite",
                assertThrows(IllegalArgumentException.class, () -> index.search(new double[2], 0, 0.1)).getMessage());
        assertEquals("eps = 1.5 is outside (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> index.search(new double[2], 1, 1.5)).getMessage());
        assertEquals("query[1] is NaN", assertThrows(IllegalArgumentException.class,
                () -> index.search(new double[] {0, Double.NaN}, 1, 0.1)).getMessage());
        assertEquals("keys has no rows",
                assertThrows(IllegalArgumentException.class, () -> KeyBlocks.clustered(new double[0][], 4)).getMessage());
        assertEquals("kept[0] = 5 is outside [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> TopK.of(1, 2).tailMassOf(new int[] {5})).getMessage());
    }
}
