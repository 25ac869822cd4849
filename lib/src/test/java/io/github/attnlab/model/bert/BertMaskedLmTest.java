package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.data.AttentionDatasets;
import io.github.attnlab.model.data.Corpus;
import io.github.attnlab.model.text.BertTokenizer;
import io.github.attnlab.model.text.Encoding;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bert-base-uncased: masked-LM distributions, masking, evaluation and head removal on the real weights. */
class BertMaskedLmTest {

    /** A distribution's probabilities sum to 1 up to the double rounding of 30,522 terms. */
    private static final double SUM_TOL = 1e-9;
    /** exp(log p) of the log-sum-exp against the fill-mask probability: a few double roundings. */
    private static final double PROB_RTOL = 1e-12;

    static Bert bert;
    /** A short passage of Moby-Dick, chapter 42 (cheap forward passes on both SIMD paths). */
    static Encoding passage;
    /** The passage with positions 3, 10 and 20 masked, and the full model's distributions there. */
    static MaskedPassage masked;
    static MaskedLm full;

    @BeforeAll
    static void load() {
        bert = Bert.load();
        String chapter = Corpus.find(AttentionDatasets.open().corpus("moby-dick"), "moby-dick/chapter_42").text();
        passage = bert.passages(chapter, 32).get(0);
        assertTrue(passage.length() > 24 && passage.tokens().stream().filter(BertTokenizer.SPECIAL::contains).count() == 2);
        masked = bert.mask(passage, 3, 10, 20);
        full = bert.maskedLm(masked.masked());
    }

    @Test
    void everyMaskIsPredictedInOnePass() {
        MaskedLm m = bert.maskedLm("Paris is the capital of [MASK] and Berlin is the capital of [MASK].");
        assertArrayEquals(new int[] {6, 13}, m.positions());
        assertEquals("france", m.top(0, 1).get(0).token(), m.toString());
        assertEquals("germany", bert.tokenizer().vocabulary().token(m.argmax(1)), m.toString());
        assertTrue(m.probability(0, m.argmax(0)) > 0.5 && m.probability(1, m.argmax(1)) > 0.5, m.toString());
        for (int i = 0; i < m.size(); i++) {
            double sum = Arrays.stream(m.logProbabilities()[i]).map(Math::exp).sum();
            assertEquals(1, sum, SUM_TOL);
            List<FillMask.Prediction> top = m.top(i, 3);
            assertTrue(top.get(0).probability() >= top.get(1).probability() && top.get(1).probability() >= top.get(2).probability());
        }
    }

    @Test
    void aSingleMaskGivesTheFillMaskDistribution() {
        String text = "Hello I'm a [MASK] model.";
        MaskedLm m = bert.maskedLm(text);
        FillMask fm = bert.fillMask(text, 5);
        assertEquals(1, m.size());
        for (FillMask.Prediction p : fm.predictions()) {
            assertEquals(p.probability(), m.probability(0, p.id()), PROB_RTOL * p.probability());
        }
        assertEquals(fm.predictions(), m.top(0, 5));
    }

    @Test
    void maskingDrawsFifteenPercentOfTheOrdinaryTokensReproducibly() {
        List<Encoding> passages = List.of(passage, bert.encode("the whale ."));
        List<MaskedPassage> a = bert.mask(passages, 0.15, 7);
        assertEquals(a.toString(), bert.mask(passages, 0.15, 7).toString());
        assertNotEquals(a.toString(), bert.mask(passages, 0.15, 8).toString());
        assertEquals(Math.round(0.15 * (passage.length() - 2)), a.get(0).size());
        assertEquals(1, a.get(1).size());   // max(1, round(0.15 * 3))
        for (MaskedPassage mp : a) {
            int[] ids = mp.original().ids();
            int[] y = mp.targets();
            int[] pos = mp.positions();
            for (int i = 0; i < pos.length; i++) {
                assertFalse(BertTokenizer.SPECIAL.contains(mp.original().tokens().get(pos[i])));
                assertEquals("[MASK]", mp.masked().tokens().get(pos[i]));
                assertEquals(ids[pos[i]], y[i]);
            }
        }
    }

    /** Each of the c ordinary positions is drawn with probability m / c; 3000 draws, 5 standard errors. */
    @Test
    void maskedPositionsAreUniform() {
        int draws = 3000;
        int[] count = new int[passage.length()];
        List<MaskedPassage> all = bert.mask(java.util.Collections.nCopies(draws, passage), 0.15, 3);
        for (MaskedPassage mp : all) {
            for (int p : mp.positions()) {
                count[p]++;
            }
        }
        int c = passage.length() - 2;
        double q = Math.round(0.15 * c) / (double) c;
        double se = Math.sqrt(q * (1 - q) / draws);
        assertEquals(0, count[0]);
        assertEquals(0, count[passage.length() - 1]);
        for (int t = 1; t < passage.length() - 1; t++) {
            assertEquals(q, count[t] / (double) draws, 5 * se, "position " + t);
        }
    }

    @Test
    void evaluationCountsTopOnePredictionsAndLogLikelihoods() {
        Encoding e = bert.encode("paris is the capital of france .");
        MaskedLmScore s = bert.evaluate(List.of(bert.mask(e, 6), masked));
        MaskedLm lm = full;
        int[] y = masked.targets();
        assertEquals(4, s.tokens());
        assertEquals(bert.tokenizer().vocabulary().id("france"), s.predictions()[0]);
        double correct = 1;
        for (int i = 0; i < 3; i++) {
            assertEquals(lm.logProbability(i, y[i]), s.logLikelihoods()[i + 1]);
            correct += lm.argmax(i) == y[i] ? 1 : 0;
        }
        assertEquals(correct / 4, s.accuracy());
        MaskedLmScore.PairedDifference zero = s.minus(s);
        assertEquals(0, zero.accuracy());
        assertEquals(0, zero.logLikelihoodStandardError());
    }

    @Test
    void removingNoHeadChangesNoBitOfTheRealModel() {
        MaskedLm none = bert.withoutHeads(new boolean[12][12]).maskedLm(masked.masked());
        assertTrue(Arrays.deepEquals(full.logProbabilities(), none.logProbabilities()));
        MaskedLmScore b = bert.withoutHeads().evaluate(List.of(masked));
        int[] y = masked.targets();
        for (int i = 0; i < y.length; i++) {
            assertEquals(full.logProbability(i, y[i]), b.logLikelihoods()[i]);
            assertEquals(full.argmax(i), b.predictions()[i]);
        }
    }

    /** A whole layer, or the whole network, without attention still runs: finite, normalised distributions. */
    @Test
    void removingWholeLayersStillRuns() {
        boolean[][] layer5 = new boolean[12][12];
        Arrays.fill(layer5[5], true);
        boolean[][] all = new boolean[12][12];
        for (boolean[] row : all) {
            Arrays.fill(row, true);
        }
        for (boolean[][] removed : new boolean[][][] {layer5, all}) {
            Bert pruned = bert.withoutHeads(removed);
            double[][] lp = pruned.maskedLm(masked.masked()).logProbabilities();
            for (double[] row : lp) {
                assertTrue(Arrays.stream(row).allMatch(Double::isFinite));
                assertEquals(1, Arrays.stream(row).map(Math::exp).sum(), SUM_TOL);
            }
            assertFalse(Arrays.deepEquals(full.logProbabilities(), lp));
            assertTrue(Arrays.deepEquals(removed, pruned.removedHeads()));
        }
        assertEquals(144, bert.withoutHeads(all).removedHeadCount());
        assertTrue(bert.withoutHeads(layer5).toString().contains("12 of 144 heads removed [L5H0, L5H1"),
                bert.withoutHeads(layer5).toString());
    }

    @Test
    void removalsAccumulate() {
        Bert a = bert.withoutHeads(3, 140).withoutHeads(5);
        boolean[][] want = new boolean[12][12];
        want[0][3] = true;
        want[0][5] = true;
        want[11][8] = true;
        assertTrue(Arrays.deepEquals(want, a.removedHeads()));
        assertEquals(3, a.withoutHeads(want).removedHeadCount());
        assertEquals(0, a.withAllHeads().removedHeadCount());
        assertEquals(0, bert.removedHeadCount());
    }

    @Test
    void badInputIsNamed() {
        assertEquals("removed heads has 11 rows, but bert-base-uncased has 12 layers",
                assertThrows(IllegalArgumentException.class, () -> bert.withoutHeads(new boolean[11][12])).getMessage());
        assertEquals("removed heads must not be null",
                assertThrows(IllegalArgumentException.class, () -> bert.withoutHeads((boolean[][]) null)).getMessage());
        boolean[][] ragged = new boolean[12][12];
        ragged[4] = new boolean[13];
        assertEquals("removed heads[4] has 13 entries, but bert-base-uncased has 12 heads per layer",
                assertThrows(IllegalArgumentException.class, () -> bert.withoutHeads(ragged)).getMessage());
        assertEquals("heads[1] = 144 is outside [0, 144) (flat index layer * 12 + head)",
                assertThrows(IllegalArgumentException.class, () -> bert.withoutHeads(0, 144)).getMessage());
        assertEquals("heads[2] = 7 (L0H7) is listed twice",
                assertThrows(IllegalArgumentException.class, () -> bert.withoutHeads(7, 8, 7)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> bert.maskedLm("no mask"))
                .getMessage().startsWith("the input has no [MASK] to predict"));
        assertEquals("position 0 holds [CLS], a special token, which is never masked",
                assertThrows(IllegalArgumentException.class, () -> bert.mask(passage, 0, 3)).getMessage());
        assertEquals("positions must be strictly ascending: positions[1] = 3 follows 3",
                assertThrows(IllegalArgumentException.class, () -> bert.mask(passage, 3, 3)).getMessage());
        int n = passage.length();
        assertEquals("positions[0] = " + n + " is outside [0, " + n + ")",
                assertThrows(IllegalArgumentException.class, () -> bert.mask(passage, n)).getMessage());
        assertEquals("positions is empty: no position is masked",
                assertThrows(IllegalArgumentException.class, () -> bert.mask(passage)).getMessage());
        for (double rate : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertEquals("mask rate = " + rate + " is outside (0, 1]",
                    assertThrows(IllegalArgumentException.class, () -> bert.mask(List.of(passage), rate, 1)).getMessage());
        }
        assertEquals("no passage to evaluate", assertThrows(IllegalArgumentException.class, () -> bert.evaluate(List.of())).getMessage());
        Encoding small = bert.encode("the white whale .");
        MaskedLmScore s = bert.evaluate(List.of(bert.mask(small, 1)));
        MaskedLmScore t = bert.evaluate(List.of(bert.mask(small, 1, 2)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.minus(t)).getMessage()
                .startsWith("the two scores are not on the same masked tokens"));
        Bert minilm = Bert.load(PretrainedModel.ALL_MINILM_L6_V2);
        assertEquals("all-MiniLM-L6-v2 has no masked-LM head; the masked LM needs bert-base-uncased",
                assertThrows(IllegalStateException.class, () -> minilm.maskedLm("a [MASK]")).getMessage());
    }
}
