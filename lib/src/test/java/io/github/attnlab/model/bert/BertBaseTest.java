package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.data.AttentionDatasets;
import io.github.attnlab.model.data.Corpus;
import io.github.attnlab.model.text.Encoding;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bert-base-uncased against published values and known properties of its attention. */
class BertBaseTest {

    /** Half a unit in the fourth decimal: the precision the model card prints. */
    private static final double PRINTED = 0.5e-4;
    /** Row sums of float probabilities over at most 128 keys. */
    private static final double ROW_SUM_TOL = 1e-6;
    /** softmax(s) recomputed in double against the stored float probabilities (2-3 float roundings). */
    private static final double SOFTMAX_RTOL = 2e-6;

    static Bert bert;
    static Encoding passage;
    /** The passage's attention, computed once (a forward pass costs seconds on the scalar path). */
    static AttentionTensor att;

    @BeforeAll
    static void load() {
        bert = Bert.load();
        String chapter1 = Corpus.find(AttentionDatasets.open().corpus("moby-dick"), "moby-dick/chapter_1").text();
        passage = bert.passages(chapter1, 128).get(0);
        att = bert.attention(passage);
    }

    @Test
    void fillMaskReproducesTheModelCard() {
        FillMask fm = bert.fillMask("Hello I'm a [MASK] model.");
        assertEquals(List.of("fashion", "role", "new", "super", "fine"), fm.tokens(), fm.toString());
        double[] card = {0.1073, 0.0877, 0.0534, 0.0467, 0.0271};
        for (int i = 0; i < card.length; i++) {
            assertEquals(card[i], fm.predictions().get(i).probability(), PRINTED, fm.toString());
        }
    }

    @Test
    void attentionRowsAreSoftmaxesOfTheScores() {
        assertEquals(128, att.length());
        assertTrue(att.maxRowSumError() <= ROW_SUM_TOL, "row sums: " + att.maxRowSumError());
        for (int l = 0; l < 12; l += 3) {
            for (int h = 0; h < 12; h += 5) {
                for (int q = 0; q < 128; q += 31) {
                    double[] s = att.scores(l, h, q);
                    double[] p = att.probabilities(l, h, q);
                    double max = java.util.Arrays.stream(s).max().orElseThrow();
                    double z = java.util.Arrays.stream(s).map(x -> Math.exp(x - max)).sum();
                    for (int k = 0; k < s.length; k++) {
                        double want = Math.exp(s[k] - max) / z;
                        assertEquals(want, p[k], SOFTMAX_RTOL * want + 1e-30, "P[" + l + "][" + h + "][" + q + "][" + k + "]");
                    }
                }
            }
        }
    }

    /**
     * Clark et al. (2019), "What does BERT look at?": in the middle layers most heads attend mostly to
     * [SEP]. Here: in layers 7, 8 and 9 (1-based) [SEP] is, for every head, the key receiving the most
     * attention on average over the queries, and it receives at least 35 % of it on average.
     */
    @Test
    void middleLayersAttendToSep() {
        double mass = 0;
        for (int l = 6; l <= 8; l++) {
            for (int h = 0; h < 12; h++) {
                double[] perKey = new double[att.length()];
                for (int q = 0; q < att.length(); q++) {
                    double[] p = att.probabilities(l, h, q);
                    for (int k = 0; k < p.length; k++) {
                        perKey[k] += p[k] / att.length();
                    }
                }
                int top = 0;
                for (int k = 1; k < perKey.length; k++) {
                    top = perKey[k] > perKey[top] ? k : top;
                }
                assertEquals("[SEP]", att.tokens().get(top), "layer " + (l + 1) + " head " + (h + 1));
                mass += att.meanMassOn(l, h, "[SEP]") / 36;
            }
        }
        assertTrue(mass >= 0.35, "mean mass on [SEP] in layers 7-9: " + mass);
    }

    /** The exported queries and keys give back the scores: s = Q K^T / sqrt(d), float products vs double. */
    @Test
    void queryKeysReproduceTheScores() {
        QueryKeys qk = bert.queryKeys(passage);
        for (int l = 0; l < 12; l += 5) {
            for (int h = 0; h < 12; h += 7) {
                double[][] q = qk.queries(l, h);
                double[][] k = qk.keys(l, h);
                double[][] s = att.scores(l, h);
                for (int i = 0; i < 128; i += 9) {
                    for (int j = 0; j < 128; j++) {
                        double dot = 0;
                        double abs = 0;
                        for (int c = 0; c < 64; c++) {
                            dot += q[i][c] * k[j][c];
                            abs += Math.abs(q[i][c] * k[j][c]);
                        }
                        assertEquals(dot * qk.scale(), s[i][j], 64 * 1.2e-7 * abs * qk.scale() + 1e-6);
                    }
                }
            }
        }
    }

    @Test
    void inputsLongerThan512PositionsAreRefused() {
        String text = "whale ".repeat(600);
        var e = assertThrows(IllegalArgumentException.class, () -> bert.attention(text));
        assertEquals("the input has 602 tokens ([CLS] and [SEP] included) but bert-base-uncased takes at most 512"
                + " positions; split it with passages(text, 512)", e.getMessage());
        List<Encoding> parts = bert.passages(text, 512);
        assertEquals(2, parts.size());
        assertEquals(512, parts.get(0).length());
        assertEquals(92, parts.get(1).length());
        var m = assertThrows(IllegalArgumentException.class, () -> bert.fillMask("no mask here"));
        assertTrue(m.getMessage().startsWith("fill-mask needs exactly one [MASK] in the text, found 0"), m.getMessage());
    }

    @Test
    void passagesNeverCutInsideAWord() {
        String chapter = Corpus.find(AttentionDatasets.open().corpus("moby-dick"), "moby-dick/chapter_42").text();
        List<Encoding> parts = bert.passages(chapter, 64);
        int total = 0;
        for (Encoding e : parts) {
            assertTrue(e.length() <= 64);
            assertEquals("[CLS]", e.tokens().get(0));
            assertTrue(!e.tokens().get(1).startsWith("##"), e.toString());
            total += e.length() - 2;
        }
        assertEquals(bert.tokenizer().tokenize(chapter).size(), total);
    }

    @Test
    void theThreeModelsShareOneVocabulary() {
        Bert small = Bert.load(PretrainedModel.BGE_SMALL_EN_V15);
        assertEquals(bert.tokenizer().vocabulary().tokens(), small.tokenizer().vocabulary().tokens());
        assertEquals(30522, bert.config().vocabulary());
    }
}
