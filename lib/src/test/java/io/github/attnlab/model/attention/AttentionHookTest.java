package io.github.attnlab.model.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.topk.KeyBlocks;
import io.github.attnlab.topk.TopK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rules on seeded random heads: dense bits, top-k, certificates, thresholds and their measured errors. */
class AttentionHookTest {

    /** Sizes that exercise the SIMD tails. */
    private static final int[] SIZES = {1, 2, 7, 8, 9, 31, 64, 130};
    /** A float softmax row sums to 1 within a few float roundings per key. */
    private static final double ROW_SUM_TOL = 2e-6;

    private static List<Heads> heads(long seed) {
        Random r = new Random(seed);
        List<Heads> out = new ArrayList<>();
        for (int n : SIZES) {
            out.add(new Heads(r, n, 1 + r.nextInt(24), 0.5 + 3 * r.nextDouble()));
        }
        return out;
    }

    private static int[] kept(float[] p, int q, int n) {
        return java.util.stream.IntStream.range(0, n).filter(j -> p[q * n + j] > 0).toArray();
    }

    @Test
    void denseRuleWritesTheModelsOwnSoftmaxBits() {
        for (Heads h : heads(1)) {
            float[] want = new float[h.n * h.n];
            for (int q = 0; q < h.n; q++) {
                SimdOps.get().softmax(h.s, q * h.n, h.n, want, q * h.n);
            }
            assertArrayEquals(want, h.apply(Heads.hook(AttentionRule.dense(), Measurement.NONE)), "n = " + h.n);
            assertArrayEquals(want, h.apply(Heads.hook(AttentionRule.topK(h.n), Measurement.NONE)), "top-n, n = " + h.n);
            assertArrayEquals(want, h.apply(Heads.hook(AttentionRule.topK(h.n + 5), Measurement.ERRORS)),
                    "top-(n+5), n = " + h.n);
        }
    }

    @Test
    void topKKeepsTheKLargestScoresAndRenormalises() {
        Random r = new Random(2);
        for (Heads h : heads(2)) {
            int k = 1 + r.nextInt(h.n);
            float[] p = h.apply(Heads.hook(AttentionRule.topK(k), Measurement.NONE));
            for (int q = 0; q < h.n; q++) {
                int[] keep = kept(p, q, h.n);
                assertEquals(k, keep.length, "n = " + h.n + ", query " + q);
                double sum = 0;
                float lowestKept = Float.POSITIVE_INFINITY;
                for (int j : keep) {
                    sum += p[q * h.n + j];
                    lowestKept = Math.min(lowestKept, h.s[q * h.n + j]);
                }
                assertEquals(1, sum, ROW_SUM_TOL);
                for (int j = 0; j < h.n; j++) {
                    if (p[q * h.n + j] == 0) {
                        assertTrue(h.s[q * h.n + j] <= lowestKept, "a dropped key outranks a kept one");
                    }
                }
            }
        }
    }

    @Test
    void certifiedTopKKeepsTheSmallestCertifiedKAndTauStaysBelowEps() {
        for (double eps : new double[] {1e-4, 0.001, 0.01, 0.1, 0.5}) {
            for (Heads h : heads(3)) {
                AttentionHook hook = Heads.hook(AttentionRule.certifiedTopK(eps), Measurement.ERRORS);
                float[] p = h.apply(hook);
                AttentionRun run = hook.run("synthetic", 1);
                for (int q = 0; q < h.n; q++) {
                    TopK row = TopK.of(h.scores(q));
                    int[] keep = kept(p, q, h.n);
                    assertEquals(row.certify(eps).k(), keep.length, "eps " + eps + ", n = " + h.n);
                    double tau = row.tailMassOf(keep);
                    assertTrue(tau <= eps, "tau = " + tau + " > eps = " + eps);
                    assertEquals(tau, run.tailMass()[q], 1e-12 * Math.max(tau, 1e-300) + 1e-300);
                    assertEquals(keep.length, run.keysKept()[q]);
                    assertEquals(h.n, run.keysScored()[q]);
                }
                assertTrue(run.maxTailMass() <= eps);
                assertEquals(0, run.boundViolations(), "eps " + eps + ", n = " + h.n);
                AttentionHook tauOnly = Heads.hook(AttentionRule.certifiedTopK(eps), Measurement.TAU);
                h.apply(tauOnly);
                AttentionRun cheap = tauOnly.run("synthetic", 1);
                assertArrayEquals(run.tailMass(), cheap.tailMass());
                assertTrue(Double.isNaN(cheap.error()[0]) && Double.isNaN(cheap.varianceBound()[0]));
            }
        }
    }

    @Test
    void blockSearchScoresPartOfTheKeysAndTauStaysBelowEps() {
        int scoredLess = 0;
        for (double eps : new double[] {0.001, 0.05, 0.3}) {
            for (Heads h : heads(4)) {
                for (AttentionRule.KeyGrouping g : AttentionRule.KeyGrouping.values()) {
                    AttentionHook hook = Heads.hook(AttentionRule.blockSearch(eps, 4, g), Measurement.ERRORS);
                    float[] p = h.apply(hook);
                    AttentionRun run = hook.run("synthetic", 1);
                    KeyBlocks index = KeyBlocks.contiguous(h.block(1), 4);
                    for (int q = 0; q < h.n; q++) {
                        double[] logits = index.logits(h.block(0)[q], 1 / Math.sqrt(h.d));
                        double tau = TopK.of(logits).tailMassOf(kept(p, q, h.n));
                        assertTrue(tau <= eps, "tau = " + tau + " > eps = " + eps + " (" + g + ")");
                        assertTrue(run.tailMass()[q] <= eps);
                        assertTrue(run.keysScored()[q] <= h.n && run.keysKept()[q] <= run.keysScored()[q]);
                        scoredLess += run.keysScored()[q] < h.n ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(scoredLess > 0, "the search never scored fewer keys than all");
    }

    @Test
    void thresholdKeepsTheKeysAboveThetaAndRefusesARowLeftEmpty() {
        for (Heads h : heads(5)) {
            double theta = 0.5 / h.n;
            float[] dense = h.apply(Heads.hook(AttentionRule.dense(), Measurement.NONE));
            float[] p = h.apply(Heads.hook(AttentionRule.threshold(theta), Measurement.NONE));
            for (int i = 0; i < p.length; i++) {
                assertEquals(dense[i] >= theta, p[i] > 0, "entry " + i + " of n = " + h.n);
            }
        }
        Heads flat = new Heads(new Random(6), 16, 4, 0.01);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> flat.apply(Heads.hook(AttentionRule.threshold(0.5), Measurement.NONE), 0, 0));
        assertTrue(e.getMessage().contains("layer 0, head 0, query 0 with no key"), e.getMessage());
    }

    @Test
    void entmaxIsTheNormaliserOfTheScaledScores() {
        for (double alpha : new double[] {1, 1.25, 1.5, 2}) {
            for (Heads h : heads(7)) {
                double temperature = 0.5;
                AttentionHook hook = Heads.hook(AttentionRule.entmax(alpha, temperature), Measurement.ERRORS_AND_DIAMETER);
                float[] p = h.apply(hook);
                AttentionRun run = hook.run("synthetic", 1);
                for (int q = 0; q < h.n; q++) {
                    double[] z = h.scores(q);
                    for (int j = 0; j < h.n; j++) {
                        z[j] /= temperature;
                    }
                    double[] want = new double[h.n];
                    io.github.attnlab.compact.Normalizers.entmax(alpha, z, want, 0, h.n);
                    for (int j = 0; j < h.n; j++) {
                        assertEquals((float) want[j], p[q * h.n + j], "alpha " + alpha + ", n = " + h.n);
                    }
                    assertEquals(Arrays.stream(want).filter(x -> x > 0).count(), run.keysKept()[q]);
                    assertTrue(run.error()[q] <= run.diameterBound()[q], "TV * diam(V) bounds the error");
                }
            }
        }
    }

    @Test
    void measuredErrorsMatchTheHeadTailDecompositionAndStayBelowTheBounds() {
        Random r = new Random(8);
        int rows = 0;
        for (Heads h : heads(8)) {
            int k = 1 + r.nextInt(h.n);
            AttentionHook hook = Heads.hook(AttentionRule.topK(k), Measurement.ERRORS_AND_DIAMETER);
            h.apply(hook);
            AttentionRun run = hook.run("synthetic", 1);
            double[][] v = h.block(2);
            for (int q = 0; q < h.n; q++, rows++) {
                io.github.attnlab.topk.HeadTail ht = TopK.of(h.scores(q)).withValues(v).headTail(k);
                double scale = 1e-12 * (1 + Arrays.stream(v).mapToDouble(x -> Math.sqrt(Arrays.stream(x).map(y -> y * y).sum())).max().getAsDouble());
                assertEquals(ht.error(), run.error()[q], scale, "exact error, n = " + h.n);
                assertEquals(ht.tailMass(), run.tailMass()[q], 1e-12);
                assertTrue(run.error()[q] <= run.varianceBound()[q] && run.error()[q] <= run.diameterBound()[q]);
                assertEquals(ht.varianceBound(), run.varianceBound()[q], 1e-9 * ht.varianceBound() + scale);
                assertEquals(ht.diameterBound(), run.diameterBound()[q], 1e-9 * ht.diameterBound() + scale);
            }
            assertEquals(0, run.boundViolations());
        }
        assertTrue(rows > 200);
    }

    @Test
    void oneHookServesOnePass() {
        AttentionHook hook = Heads.hook(AttentionRule.dense(), Measurement.TIME);
        Random r = new Random(9);
        new Heads(r, 8, 4, 1).apply(hook);
        assertThrows(IllegalStateException.class, () -> new Heads(r, 9, 4, 1).apply(hook));
        assertThrows(IllegalStateException.class, () -> Heads.hook(AttentionRule.dense(), Measurement.NONE).run("m", 1));
        assertThrows(IllegalStateException.class, () -> Heads.hook(AttentionRule.dense(), Measurement.TIME).run("m", 1));
        assertThrows(IllegalArgumentException.class,
                () -> AttentionHook.of(AttentionRules.dense().withLayer(3, AttentionRule.dense()), 2, 1, Measurement.NONE));
    }

    @Test
    void badBuffersAreRefusedNotIndexedOutOfBounds() {
        Heads h = new Heads(new Random(10), 8, 4, 1);
        AttentionHook hook = Heads.hook(AttentionRule.dense(), Measurement.NONE);
        float[] p = new float[64];
        assertThrows(IllegalArgumentException.class, () -> hook.head(1, 0, 8, 4, h.qkv, 12, 0, 4, 8, h.s, p));
        assertThrows(IllegalArgumentException.class, () -> hook.head(0, 0, 8, 4, h.qkv, 12, 0, 4, 9, h.s, p));
        assertThrows(IllegalArgumentException.class, () -> hook.head(0, 0, 9, 4, h.qkv, 12, 0, 4, 8, h.s, p));
        assertThrows(IllegalArgumentException.class, () -> hook.head(0, 0, 8, 4, h.qkv, 12, 0, 4, 8, null, p));
        assertThrows(IllegalArgumentException.class, () -> hook.head(0, 0, 8, 4, h.qkv, 12, 0, 4, 8, h.s, new float[63]));
        hook.head(0, 0, 8, 4, h.qkv, 12, 0, 4, 8, h.s.clone(), p);
    }

    @Test
    void aRuleScoringItsOwnKeysNamesTheProjectionsWhenTheyAreNotFinite() {
        float[] qkv = {Float.NaN, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1};
        AttentionHook hook = AttentionHook.of(AttentionRules.all(AttentionRule.blockSearch(0.1, 2)), 1, 1,
                Measurement.NONE);
        String m = assertThrows(IllegalArgumentException.class,
                () -> hook.head(0, 0, 2, 2, qkv, 6, 0, 2, 4, new float[4], new float[4])).getMessage();
        assertTrue(m.startsWith("qkv, the projections of query 0: "), m);
    }
}
