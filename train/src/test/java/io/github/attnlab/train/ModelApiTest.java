package io.github.attnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.train.task.AlgorithmicTask;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ablation against hand-zeroed weights, weight sparsity counts, weights round trip, attention rows. */
class ModelApiTest {

    private static final AlgorithmicTask COPY = AlgorithmicTask.copy(6);
    private static final double SAME = 1e-6;

    private static Transformer model() {
        return Transformer.init(ModelConfig.decoder(COPY.vocabulary()).withWidth(16, 24).withHeads(4), 3);
    }

    private static void assertClose(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], SAME);
        }
    }

    @Test
    void removingAHeadEqualsZeroingItsRowsOfTheOutputProjection() {
        Transformer m = model();
        Example e = COPY.sample(new Random(1), 5);
        int dh = m.config().headDim();
        double[][] wo = m.weights("layer1.wo");
        for (int r = 2 * dh; r < 3 * dh; r++) {
            java.util.Arrays.fill(wo[r], 0);
        }
        double[][] ablated = m.withoutHead(1, 2).predict(e);
        assertClose(m.withWeights("layer1.wo", wo).predict(e), ablated);
        assertNotEquals(m.predict(e)[9][0], ablated[9][0]);
        assertEquals(1, m.withoutHead(1, 2).ablated());
    }

    @Test
    void removingANeuronEqualsZeroingItsRowOfTheSecondMatrix() {
        Transformer m = model();
        Example e = COPY.sample(new Random(2), 5);
        double[][] w2 = m.weights("layer0.w2");
        java.util.Arrays.fill(w2[7], 0);
        assertClose(m.withWeights("layer0.w2", w2).predict(e), m.withoutNeuron(0, 7).predict(e));
    }

    @Test
    void weightsRoundTripAndStayImmutable() {
        Transformer m = model();
        double[][] w = m.weights("out");
        w[0][0] = 42;
        assertNotEquals(42, m.weights("out")[0][0]);
        assertEquals(42, m.withWeights("out", w).weights("out")[0][0]);
        assertTrue(m.parameterNames().contains("layer1.wqkv"));
        assertEquals(m.matrixWeights(), m.nonZeroWeights());
    }

    @Test
    void weightSparsityKeepsTheScheduledFractionOfEachMatrix() {
        WeightSparsity s = WeightSparsity.anneal(0.05, 20);
        assertEquals(1, s.fraction(0));
        assertEquals(0.05, s.fraction(20), 1e-15);
        assertEquals(Math.sqrt(0.05), s.fraction(10), 1e-12);
        TrainingRun r = Training.of(model().config(), COPY, 4).steps(25).batch(4).sparsity(s).run();
        Transformer m = r.model();
        long bound = 0;
        for (String name : List.of("embed", "layer0.wqkv", "layer0.wo", "layer0.w1", "layer0.w2", "layer1.wqkv",
                "layer1.wo", "layer1.w1", "layer1.w2", "out")) {
            double[][] w = m.weights(name);
            long nz = 0;
            for (double[] row : w) {
                for (double v : row) {
                    nz += v != 0 ? 1 : 0;
                }
            }
            long k = (long) Math.ceil(0.05 * w.length * w[0].length - 1e-9);
            assertEquals(k, nz, name);
            bound += k;
        }
        assertEquals(bound, m.nonZeroWeights());
        assertEquals(bound, r.nonZero()[24]);
    }

    @Test
    void keepTopBreaksTiesTowardsTheLowerIndex() {
        float[] w = {3, -1, 2, -3, 1, 3};
        float[] scratch = new float[6];
        assertEquals(3, WeightSparsity.keepTop(w, 0, 6, 0.5, scratch));
        assertArrayEquals(new float[] {3, 0, 0, -3, 0, 3}, w);
        float[] v = {1, 1, 1, 1};
        assertEquals(2, WeightSparsity.keepTop(v, 0, 4, 0.5, new float[4]));
        assertArrayEquals(new float[] {1, 1, 0, 0}, v);
    }

    @Test
    void attentionRowsAreDistributionsOverVisibleKeys() {
        for (AttentionNormalizer nz : GradientCheckTest.normalizers()) {
            Transformer m = Transformer.init(model().config().withNormalizer(nz).withPositions(PositionEncoding.ALIBI), 4);
            double[][][][] a = m.attention(COPY.sample(new Random(3), 6));
            for (double[][][] layer : a) {
                for (double[][] head : layer) {
                    for (int i = 0; i < head.length; i++) {
                        double s = 0;
                        for (int j = 0; j < head[i].length; j++) {
                            assertTrue(head[i][j] >= 0 && (j <= i || head[i][j] == 0), nz.name());
                            s += head[i][j];
                        }
                        assertEquals(1, s, 1e-9, nz.name());
                    }
                }
            }
        }
    }

    @Test
    void learnedAlphaStaysInItsRangeAndMoves() {
        ModelConfig c = model().config().withNormalizer(AttentionNormalizer.learnedEntmax(1.5));
        double[][] before = Transformer.init(c, 3).alphas();
        double[][] after = Training.of(c, COPY, 4).steps(30).batch(4).learningRate(3e-2).run().model().alphas();
        boolean moved = false;
        for (int l = 0; l < after.length; l++) {
            for (int h = 0; h < after[l].length; h++) {
                assertEquals(1.5, before[l][h], 1e-6);
                assertTrue(after[l][h] > 1 && after[l][h] < 2);
                moved |= Math.abs(after[l][h] - 1.5) > 1e-4;
            }
        }
        assertTrue(moved);
    }

    @Test
    void periodicPatternsApplyLayerByLayer() {
        // paper E's patterns cycle over layers: even layers see a window of 2, odd layers every third key (and itself)
        io.github.attnlab.patterns.AttentionPattern p = new io.github.attnlab.patterns.AttentionPattern() {
            public io.github.attnlab.patterns.AttentionMask mask(int n, int layer) {
                boolean[][] a = new boolean[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] = layer == 0 ? Math.abs(i - j) <= 1 : (j % 3 == 0 || i == j);
                    }
                }
                return io.github.attnlab.patterns.AttentionMask.of(a);
            }

            public int period() {
                return 2;
            }
        };
        ModelConfig c = ModelConfig.decoder(COPY.vocabulary()).withLayers(4).withPattern(p);
        Transformer m = Training.of(c, COPY, 4).steps(3).batch(4).run().model();
        double[][][][] a = m.attention(COPY.sample(new Random(4), 4));
        for (int l = 0; l < 4; l++) {
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    boolean visible = j <= i && (l % 2 == 0 ? Math.abs(i - j) <= 1 : (j % 3 == 0 || i == j));
                    if (!visible) {
                        assertEquals(0, a[l][0][i][j], "layer " + l + " query " + i + " key " + j);
                    }
                }
            }
        }
    }
}
