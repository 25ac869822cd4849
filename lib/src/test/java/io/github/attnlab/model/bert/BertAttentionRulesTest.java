package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.attention.AttentionRule;
import io.github.attnlab.model.attention.AttentionRun;
import io.github.attnlab.model.attention.Measurement;
import io.github.attnlab.model.data.AttentionDatasets;
import io.github.attnlab.model.data.Corpus;
import io.github.attnlab.model.text.Encoding;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Attention rules inside bert-base-uncased on a short passage of Moby-Dick (chapter 42). */
class BertAttentionRulesTest {

    static Bert bert;
    static Encoding passage;
    static List<MaskedPassage> masked;

    @BeforeAll
    static void load() {
        bert = Bert.load();
        String chapter = Corpus.find(AttentionDatasets.open().corpus("moby-dick"), "moby-dick/chapter_42").text();
        passage = bert.passages(chapter, 32).get(0);
        masked = List.of(bert.mask(passage, 3, 10, 20));
    }

    @Test
    void theDenseRuleIsBitIdenticalToTheForwardPass() {
        Bert dense = bert.withAttention(AttentionRule.dense());
        assertArrayEquals(bert.lastHiddenState(passage), dense.lastHiddenState(passage));
        assertArrayEquals(bert.attention(passage).probabilitiesArray(), dense.attention(passage).probabilitiesArray());
        MaskedLm want = bert.maskedLm(masked.get(0).masked());
        ProbedEvaluation e = AttentionProbe.of(dense).evaluate(masked);
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.logProbabilities()[i], e.predictions().get(0).logProbabilities()[i]);
        }
        PredictionShift self = e.against(AttentionProbe.of(bert).measuring(Measurement.TIME).evaluate(masked));
        assertEquals(0, self.meanKl());
        assertEquals(1, self.topOneAgreement());
        assertEquals(0, e.maxTailMass());
        assertEquals(passage.length(), e.meanKeysKept());
    }

    @Test
    void certifiedTopKHoldsItsBudgetOnEveryRowAndMovesPredictionsLittle() {
        double eps = 0.01;
        Bert sparse = bert.withAttention(AttentionRule.certifiedTopK(eps));
        ProbedEvaluation e = AttentionProbe.of(sparse).evaluate(masked);
        AttentionRun run = e.runs().get(0);
        assertTrue(run.maxTailMass() <= eps, run.toString());
        assertEquals(0, run.boundViolations(), run.toString());
        assertTrue(run.meanKeysKept() < passage.length(), run.toString());
        MaskedLm direct = sparse.maskedLm(masked.get(0).masked());
        for (int i = 0; i < direct.size(); i++) {
            assertArrayEquals(direct.logProbabilities()[i], e.predictions().get(0).logProbabilities()[i],
                    "the probe's predictions are the sparse model's");
        }
        PredictionShift s = e.against(AttentionProbe.of(bert).measuring(Measurement.TIME).evaluate(masked));
        assertTrue(s.meanKl() > 0 && s.meanKl() < 0.1, s.toString());
        assertTrue(e.perLayer().png() != null && e.perHead().png() != null);
    }

    @Test
    void evaluationsRunInPartsJoinToTheWhole() {
        List<MaskedPassage> two = List.of(masked.get(0), bert.mask(passage, 5, 6));
        AttentionProbe probe = AttentionProbe.of(bert.withAttention(AttentionRule.topK(8))).measuring(Measurement.TIME);
        ProbedEvaluation whole = probe.evaluate(two);
        ProbedEvaluation joined = ProbedEvaluation.concat(List.of(probe.evaluate(two.subList(0, 1)),
                probe.evaluate(two.subList(1, 2))));
        assertArrayEquals(whole.score().logLikelihoods(), joined.score().logLikelihoods());
        assertEquals(two, joined.passages());
        assertEquals(5, joined.score().tokens());
    }
}
