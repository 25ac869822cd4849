package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.attention.AttentionRule;
import io.github.attnlab.model.attention.AttentionRules;
import io.github.attnlab.model.attention.AttentionRun;
import io.github.attnlab.model.attention.Measurement;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.patterns.AttentionPattern;
import io.github.attnlab.patterns.Direction;
import io.github.attnlab.patterns.Patterns;
import io.github.attnlab.patterns.SparsityPattern;
import io.github.attnlab.simd.SimdOps;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attention rules inside the forward pass of seeded random tiny models (3 layers, 12 heads of size 2). */
class SparseAttentionTest {

    private static final int LAYERS = 3;
    private static final int INSTANCES = 12;

    @TempDir
    Path dir;

    private Bert tiny(long seed) throws Exception {
        return TinyModel.load(dir, TinyModel.onnx(LAYERS, 24, 48, seed, "", (n, v) -> v));
    }

    private static String text(Random rnd) {
        StringBuilder b = new StringBuilder();
        for (int i = 6 + rnd.nextInt(TinyModel.POSITIONS - 7); i > 0; i--) {
            b.append(rnd.nextBoolean() ? "hello " : "world ");
        }
        return b.toString();
    }

    @Test
    void theDenseRuleAndTopNAreBitIdenticalToTheModelsOwnPass() throws Exception {
        for (int s = 0; s < INSTANCES; s++) {
            Random rnd = new Random(s);
            Bert full = tiny(s);
            if (s % 3 == 0) {
                full = full.withoutHeads(rnd.nextInt(LAYERS * TinyModel.HEADS));
            }
            Encoding e = full.encode(text(rnd));
            float[] want = full.lastHiddenState(e);
            AttentionTensor a = full.attention(e);
            for (AttentionRule r : new AttentionRule[] {AttentionRule.dense(), AttentionRule.topK(e.length()),
                AttentionRule.topK(1000)}) {
                Bert same = full.withAttention(r);
                assertArrayEquals(want, same.lastHiddenState(e), "instance " + s + ", " + r);
                assertArrayEquals(a.probabilitiesArray(), same.attention(e).probabilitiesArray(), "instance " + s);
                assertArrayEquals(a.scoresArray(), same.attention(e).scoresArray(), "instance " + s);
            }
            for (SimdOps ops : new SimdOps[] {SimdOps.scalar(), SimdOps.vector().orElse(SimdOps.scalar())}) {
                assertArrayEquals(want, full.withSimd(ops).withAttention(AttentionRule.dense()).lastHiddenState(e));
            }
            assertFalse(Arrays.equals(want, full.withAttention(AttentionRule.topK(2)).lastHiddenState(e)),
                    "instance " + s + ": top-2 changed nothing");
        }
    }

    @Test
    void aRuleInOneLayerChangesNothingBeforeIt() throws Exception {
        for (int s = 0; s < INSTANCES; s++) {
            Random rnd = new Random(100 + s);
            int layer = rnd.nextInt(LAYERS);
            int head = rnd.nextInt(TinyModel.HEADS);
            Bert full = tiny(s);
            Encoding e = full.encode(text(rnd));
            AttentionTensor a = full.attention(e);
            Bert oneHead = full.withAttention(layer, head, AttentionRule.topK(1));
            AttentionTensor b = oneHead.attention(e);
            for (int l = 0; l < LAYERS; l++) {
                for (int h = 0; h < TinyModel.HEADS; h++) {
                    boolean sameScores = Arrays.deepEquals(a.scores(l, h), b.scores(l, h));
                    boolean sameWeights = Arrays.deepEquals(a.probabilities(l, h), b.probabilities(l, h));
                    assertEquals(l <= layer, sameScores, "instance " + s + ": L" + l + "H" + h);
                    assertEquals(l < layer || l == layer && h != head, sameWeights, "instance " + s + ": L" + l + "H" + h);
                }
            }
            assertEquals(AttentionRule.topK(1), oneHead.attentionRules().rule(layer, head));
            assertEquals(AttentionRule.dense(), oneHead.attentionRules().rule(layer, (head + 1) % TinyModel.HEADS));
            assertTrue(oneHead.toString().contains("top-1"), oneHead.toString());
        }
    }

    @Test
    void aPatternZeroesExactlyTheMaskedWeightsInsideTheModel() throws Exception {
        Bert full = tiny(7);
        Encoding e = full.encode("hello world hello hello world world hello");
        int n = e.length();
        AttentionTensor a = full.withAttention(AttentionRule.pattern(AttentionPattern.causal())).attention(e);
        for (int l = 0; l < LAYERS; l++) {
            for (int h = 0; h < TinyModel.HEADS; h++) {
                for (int q = 0; q < n; q++) {
                    double[] p = a.probabilities(l, h, q);
                    for (int k = 0; k < n; k++) {
                        assertEquals(k <= q, p[k] > 0, "L" + l + "H" + h + " (" + q + ", " + k + ")");
                    }
                }
            }
        }
        Bert wrong = full.withAttention(AttentionRule.mask(AttentionMask.causal(n + 1)));
        assertThrows(IllegalArgumentException.class, () -> wrong.lastHiddenState(e));
    }

    @Test
    void aPaperEPatternCyclesOverTheModelsLayersWithItsPeriod() throws Exception {
        Bert full = tiny(8);
        Encoding e = full.encode("hello world world hello world hello hello world hello");
        int n = e.length();
        // STRIDED (l = 3, period 2) with [CLS] and [SEP] as global tokens: layers 0 and 2 share a mask, layer 1 differs
        SparsityPattern p = Patterns.union(Patterns.strided(3, Direction.BIDIRECTIONAL), Patterns.globals(1, 1));
        assertEquals(2, p.period());
        AttentionTensor a = full.withAttention(AttentionRule.pattern(p)).attention(e);
        for (int l = 0; l < LAYERS; l++) {
            AttentionMask m = p.mask(n, l % 2);
            for (int h = 0; h < TinyModel.HEADS; h++) {
                for (int q = 0; q < n; q++) {
                    double[] w = a.probabilities(l, h, q);
                    for (int k = 0; k < n; k++) {
                        assertEquals(m.allows(q, k), w[k] > 0, "L" + l + "H" + h + " (" + q + ", " + k + ")");
                    }
                }
            }
        }
        assertFalse(p.mask(n, 0).allows(1, 4), "the local layer has no key 3 away");
        assertTrue(p.mask(n, 1).allows(1, 4), "the strided layer has");
        AttentionRun run = AttentionProbe.of(full.withAttention(AttentionRule.pattern(p))).measuring(Measurement.TIME).run(e);
        double connections = (p.connections(n, 0) * 2 + p.connections(n, 1)) / (double) (LAYERS * n);
        assertEquals(connections, run.meanKeysKept(), 1e-12, "keys kept per query: the pattern's connections");
    }

    @Test
    void certifiedRulesKeepTauBelowEpsInEveryRowOfTheModel() throws Exception {
        for (int s = 0; s < 4; s++) {
            Bert full = tiny(s);
            Encoding e = full.encode(text(new Random(s)));
            for (AttentionRule r : new AttentionRule[] {AttentionRule.certifiedTopK(0.05), AttentionRule.blockSearch(0.05, 2)}) {
                AttentionRun run = AttentionProbe.of(full.withAttention(r)).run(e);
                assertEquals(e.length(), run.n());
                assertEquals(LAYERS, run.layers());
                assertTrue(run.maxTailMass() <= 0.05, r + ": max tau " + run.maxTailMass());
                assertEquals(0, run.boundViolations());
                assertTrue(run.forwardSeconds() > 0 && run.attentionShare() > 0 && run.attentionShare() < 1);
            }
            AttentionRun dense = AttentionProbe.of(full).measuring(Measurement.TIME).run(e);
            assertEquals(e.length(), dense.meanKeysKept());
            assertTrue(Double.isNaN(dense.maxTailMass()));
        }
    }

    @Test
    void badRulesAndIndicesAreRefused() throws Exception {
        Bert full = tiny(1);
        assertThrows(IllegalArgumentException.class, () -> full.withAttention(LAYERS, AttentionRule.dense()));
        assertThrows(IllegalArgumentException.class, () -> full.withAttention(0, TinyModel.HEADS, AttentionRule.dense()));
        assertThrows(IllegalArgumentException.class, () -> full.withAttention((AttentionRule) null));
        assertThrows(IllegalArgumentException.class,
                () -> full.withAttention(AttentionRules.dense().withHead(0, 99, AttentionRule.dense())));
        assertThrows(IllegalArgumentException.class, () -> AttentionProbe.of(full).measuring(Measurement.NONE));
        Encoding e = full.encode("hello world hello world");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> full.withAttention(AttentionRule.threshold(0.99)).lastHiddenState(e));
        assertTrue(x.getMessage().contains("with no key"), x.getMessage());
    }

    @Test
    void propagationInjectsOneLayerAtATime() throws Exception {
        Bert full = tiny(3);
        List<Encoding> passages = List.of(full.encode(text(new Random(1))), full.encode(text(new Random(2))));
        ErrorPropagation p = ErrorPropagation.of(full, AttentionRule.topK(2), passages);
        assertEquals(LAYERS, p.layers());
        for (int l = 0; l < LAYERS; l++) {
            assertTrue(p.injected()[l] > 0 && p.output()[l] > 0, p.toString());
            assertTrue(p.keptFraction()[l] < 1, p.toString());
        }
        assertEquals(1, p.amplification()[LAYERS - 1], 1e-12, "the last layer's error is the output error");
        ErrorPropagation none = ErrorPropagation.of(full, AttentionRule.dense(), passages);
        for (int l = 0; l < LAYERS; l++) {
            assertEquals(0, none.injected()[l]);
            assertEquals(0, none.output()[l]);
            assertTrue(Double.isNaN(none.amplification()[l]));
        }
    }
}
