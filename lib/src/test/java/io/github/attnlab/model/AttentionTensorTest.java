package io.github.attnlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Indexing, copies, residuals and errors of the attention tensor, on random softmax rows. */
class AttentionTensorTest {

    private static final double ROW_TOL = 1e-6;

    /** A random tensor whose probability rows are softmaxes of its score rows. */
    static AttentionTensor random(long seed, int layers, int heads, List<String> tokens) {
        Random r = new Random(seed);
        int n = tokens.size();
        float[] s = new float[layers * heads * n * n];
        float[] p = new float[s.length];
        for (int row = 0; row < layers * heads * n; row++) {
            double z = 0;
            for (int k = 0; k < n; k++) {
                s[row * n + k] = (float) (3 * r.nextGaussian());
                z += Math.exp(s[row * n + k]);
            }
            for (int k = 0; k < n; k++) {
                p[row * n + k] = (float) (Math.exp(s[row * n + k]) / z);
            }
        }
        return AttentionTensor.of("test", tokens, layers, heads, s, p);
    }

    @Test
    void indexingIsLayerHeadQueryKey() {
        List<String> tokens = List.of("[CLS]", "a", "b", "[SEP]");
        Random r = new Random(1);
        for (int trial = 0; trial < 50; trial++) {
            AttentionTensor t = random(trial, 3, 2, tokens);
            int l = r.nextInt(3);
            int h = r.nextInt(2);
            int q = r.nextInt(4);
            float[] flat = t.scoresArray();
            double[] row = t.scores(l, h, q);
            for (int k = 0; k < 4; k++) {
                assertEquals(flat[((l * 2 + h) * 4 + q) * 4 + k], row[k], 0.0);
            }
            assertArrayEquals(row, t.scores(l, h)[q], 0.0);
            assertArrayEquals(t.probabilities(l, h, q), t.probabilities(l, h)[q], 0.0);
            assertTrue(t.maxRowSumError() <= ROW_TOL);
            double sep = 0;
            for (int qq = 0; qq < 4; qq++) {
                sep += t.probabilities(l, h, qq)[3] / 4;
            }
            assertEquals(sep, t.meanMassOn(l, h, "[SEP]"), 1e-12);
        }
    }

    @Test
    void accessorsCopyAndArgumentsAreChecked() {
        AttentionTensor t = random(3, 2, 2, List.of("x", "y", "x"));
        t.scoresArray()[0] = 99;
        t.scores(0, 0)[0][0] = 99;
        assertTrue(t.scores(0, 0, 0)[0] != 99);
        assertEquals(List.of(0, 2), t.positionsOf("x"));
        var e = assertThrows(IllegalArgumentException.class, () -> t.scores(2, 0, 0));
        assertEquals("layer = 2 is outside [0, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.probabilities(0, 0, 3));
        assertEquals("query = 3 is outside [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AttentionTensor.of("m", List.of("a", "b"), 1, 1, new float[3], new float[4]));
        assertTrue(e.getMessage().contains("needs 4 values, got 3 scores"), e.getMessage());
        assertEquals("AttentionTensor[test: 2 layers x 2 heads x 3 x 3, tokens x y x]", t.toString());
    }

    @Test
    void progressLinesCountAndEstimate() {
        Progress p = Progress.start("work", 4);
        assertTrue(p.line().startsWith("work  0/4 [........................]   0%"), p.line());
        String old = System.getProperty("attnlab.progress");
        System.setProperty("attnlab.progress", "off");
        try {
            Progress quiet = Progress.start("quiet", 3);
            quiet.step();
            quiet.step();
            assertEquals(2, quiet.done());
            assertTrue(quiet.line().startsWith("quiet  2/3 [################........]  67%"), quiet.line());
            assertTrue(quiet.line().contains("left"), quiet.line());
            quiet.step();
            quiet.step();
            assertEquals(3, quiet.done());
        } finally {
            if (old == null) {
                System.clearProperty("attnlab.progress");
            } else {
                System.setProperty("attnlab.progress", old);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Progress.start("bad", -1));
    }
}
