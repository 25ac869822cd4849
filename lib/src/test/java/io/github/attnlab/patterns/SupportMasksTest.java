package io.github.attnlab.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.topk.TopKRows;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

/** Data-driven masks by hand, patterns of a (synthetic) attention tensor, graphs and pictures. */
class SupportMasksTest {

    private static final double NEG = Double.NEGATIVE_INFINITY;

    @Test
    void topKByHand() {
        double[][] s = {{0.1, 3, 3, -1}, {NEG, 0, 5, NEG}, {2, 2, 2, 2}, {1, 0, -1, 4}};
        AttentionMask m = SupportMasks.topK(s, 2);
        assertEquals(ReachTest.BitSetOf.of(1, 2), m.keys(0), "tie broken to the lower index");
        assertEquals(ReachTest.BitSetOf.of(1, 2), m.keys(1), "-Infinity never kept");
        assertEquals(ReachTest.BitSetOf.of(0, 1), m.keys(2));
        assertEquals(ReachTest.BitSetOf.of(0, 3), m.keys(3));
        assertEquals("k[1] = 3 is outside [1, 2]", assertThrows(IllegalArgumentException.class,
                () -> SupportMasks.topK(s, new int[] {1, 3, 1, 1})).getMessage());
        assertEquals("scores[0][2] is NaN", assertThrows(IllegalArgumentException.class,
                () -> SupportMasks.topK(new double[][] {{0, 1, Double.NaN}, {0, 1, 2}, {0, 1, 2}}, 1)).getMessage());
        assertEquals("scores[0].length = 3, need 2", assertThrows(IllegalArgumentException.class,
                () -> SupportMasks.topK(new double[][] {{0, 1, 2}, {0, 1, 2}}, 1)).getMessage());
    }

    @Test
    void entmaxSupportByHand() {
        // sparsemax: [0, 0, 2] keeps only the top (margin 2 >= 1); [0, 0.5, 1]: tau = 0.25 keeps {1, 2};
        // softmax (alpha = 1) keeps every unmasked key
        double[][] s = {{0, 0, 2}, {0, 0.5, 1}, {NEG, 0, 0}};
        AttentionMask sp = SupportMasks.entmax(s, 2);
        assertEquals(ReachTest.BitSetOf.of(2), sp.keys(0));
        assertEquals(ReachTest.BitSetOf.of(1, 2), sp.keys(1));
        assertEquals(ReachTest.BitSetOf.of(1, 2), sp.keys(2));
        assertEquals(ReachTest.BitSetOf.of(0, 1, 2), SupportMasks.entmax(s, 1).keys(0));
    }

    @Test
    void certifiedTopKKeepsEachRowsCertifiedK() {
        Random r = new Random(3);
        double[][] s = new double[30][30];
        for (double[] row : s) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 3 * r.nextGaussian();
            }
        }
        int[] k = TopKRows.of(s).certify(0.05).k();
        AttentionMask m = SupportMasks.certifiedTopK(s, 0.05);
        for (int i = 0; i < 30; i++) {
            assertEquals(Math.max(1, k[i]), m.keys(i).cardinality());
            assertEquals(SupportMasks.topK(s, Math.max(1, k[i])).keys(i), m.keys(i));
        }
    }

    static AttentionTensor tensor(Random r, int layers, int heads, int n) {
        float[] sc = new float[layers * heads * n * n];
        for (int i = 0; i < sc.length; i++) {
            sc[i] = (float) r.nextGaussian();
        }
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add("t" + i);
        }
        return AttentionTensor.of("synthetic", tokens, layers, heads, sc, sc.clone());
    }

    @Test
    void patternsOfATensorUniteHeadsLayerByLayer() {
        AttentionTensor t = tensor(new Random(8), 3, 2, 10);
        SparsityPattern all = Patterns.topK(t, 2);
        assertEquals(3, all.period());
        assertEquals(Kind.TOP_K, all.kind());
        for (int l = 0; l < 3; l++) {
            for (int q = 0; q < 10; q++) {
                BitSet u = SupportMasks.topK(t.scores(l, 0), 2).keys(q);
                u.or(SupportMasks.topK(t.scores(l, 1), 2).keys(q));
                assertEquals(u, all.keys(10, l, q));
                assertEquals(SupportMasks.topK(t.scores(l, 1), 2).keys(q), Patterns.topK(t, 1, 2).keys(10, l, q));
                assertEquals(SupportMasks.entmax(t.scores(l, 0), 1.5).keys(q),
                        Patterns.entmaxSupport(t, 0, 1.5).keys(10, l, q));
            }
        }
        assertEquals("n = 11, but top-2 of synthetic (union of heads) is defined on 10 tokens only",
                assertThrows(IllegalArgumentException.class, () -> all.mask(11, 0)).getMessage());
        assertEquals("head = 2 is outside [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> Patterns.topK(t, 2, 2)).getMessage());
        assertTrue(all.at(10).conditions().toString().startsWith("top-2 of synthetic"));
    }

    @Test
    void graphsCarryEveryConnection() {
        PatternLayers s = Patterns.strided(3, Direction.BIDIRECTIONAL).at(10);
        Graph<Integer, DefaultEdge> g1 = s.graph(1);
        assertEquals(s.connections(1), g1.edgeSet().size());
        assertTrue(g1.containsEdge(1, 4), "key 1 -> query 4 (4 - 1 = 3)");
        assertTrue(g1.containsEdge(4, 4), "self-loop");
        Graph<Integer, DefaultEdge> u = s.unionGraph();
        assertEquals(s.union().connections(), u.edgeSet().size());
        assertTrue(s.union().connections() < s.connections(0) + s.connections(1), "layers share their self-loops");
    }

    @Test
    void figuresDrawExactAndBinnedDensities() {
        MaskFigure f = Patterns.window(1).at(8).figure();
        assertEquals(1.0, f.density(0, 3, 4));
        assertEquals(0.0, f.density(0, 3, 5));
        MaskFigure big = Patterns.dense().at(1000).figure();
        assertEquals(1.0, big.density(0, 249, 249), 1e-6, "cells of 4 x 4 pairs: 1000 = 250 x 4");
        MaskFigure causal = Patterns.causal().at(512).figure();
        assertEquals(0.5 + 0.5 / 2, causal.density(0, 0, 0), 1e-6, "2 x 2 cell on the diagonal: 3 of 4 pairs");
        assertEquals(560, Patterns.strided().at(64).figure().png(560, 480).getWidth());
        // blocks {0, 2} and {1, 3}: in the order 0, 2, 1, 3 they sit on the diagonal
        MaskFigure ordered = MaskFigure.of("blocks", Patterns.blocks(new io.github.attnlab.spectral.partition.Partition(2,
                new int[] {0, 1, 0, 1})).mask(4, 0), new int[] {0, 2, 1, 3});
        assertEquals(1.0, ordered.density(0, 0, 1));
        assertEquals(0.0, ordered.density(0, 0, 2));
        assertEquals("order is not a permutation: 1 appears twice", assertThrows(IllegalArgumentException.class,
                () -> MaskFigure.of("x", AttentionMask.dense(3), new int[] {1, 1, 0})).getMessage());
        assertTrue(Patterns.star().at(20).conditions().png().getHeight() > 0);
    }
}
