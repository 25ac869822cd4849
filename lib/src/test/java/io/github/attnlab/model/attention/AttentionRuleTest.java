package io.github.attnlab.model.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.patterns.AttentionPattern;
import io.github.attnlab.spectral.partition.Partition;
import org.junit.jupiter.api.Test;

/** The rules' arguments and the per-layer and per-head assignment. */
class AttentionRuleTest {

    private static void refused(String message, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(message), x.getMessage());
    }

    @Test
    void epsOutsideTheOpenUnitIntervalIsRefused() {
        for (double eps : new double[] {0, 1, -0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            refused("eps = " + eps + " is outside (0, 1)", () -> AttentionRule.certifiedTopK(eps));
            refused("eps = " + eps, () -> AttentionRule.blockSearch(eps, 8));
        }
        assertEquals(0.01, ((AttentionRule.CertifiedTopK) AttentionRule.certifiedTopK(0.01)).eps());
    }

    @Test
    void kBelowOneIsRefused() {
        refused("k = 0 must be at least 1", () -> AttentionRule.topK(0));
        refused("k = -3 must be at least 1", () -> AttentionRule.topK(-3));
        refused("blockSize = 0", () -> AttentionRule.blockSearch(0.1, 0));
        refused("blockSize = 0", () -> AttentionRule.blockSparse(0));
        refused("parts = 0", () -> AttentionRule.blockSparseByAttention(0));
    }

    @Test
    void alphaBelowOneAndBadTemperaturesAreRefused() {
        refused("alpha = 0.5 is outside [1, Infinity)", () -> AttentionRule.entmax(0.5, 1));
        refused("alpha = NaN", () -> AttentionRule.entmax(Double.NaN, 1));
        refused("temperature = 0.0", () -> AttentionRule.sparsemax(0));
        refused("temperature = -1.0", () -> AttentionRule.entmax(1.5, -1));
        refused("temperature = Infinity", () -> AttentionRule.entmax(1.5, Double.POSITIVE_INFINITY));
        assertFalse(AttentionRule.entmax(1, 1).truncatesSoftmax());
    }

    @Test
    void thresholdAndSourcesAreChecked() {
        refused("theta = 0.0", () -> AttentionRule.threshold(0));
        refused("theta = 1.0", () -> AttentionRule.threshold(1));
        refused("pattern is null", () -> AttentionRule.pattern(null));
        refused("mask is null", () -> AttentionRule.mask(null));
        refused("partition is null", () -> AttentionRule.blockSparse((Partition) null));
        refused("exactly one of", () -> new AttentionRule.BlockSparse(null, 4, 2));
        refused("exactly one of", () -> new AttentionRule.BlockSparse(null, 0, 0));
    }

    @Test
    void everyRuleSaysWhetherItTruncatesAndPrints() {
        AttentionRule[] rules = {AttentionRule.dense(), AttentionRule.topK(4), AttentionRule.certifiedTopK(0.01),
            AttentionRule.blockSearch(0.01, 8), AttentionRule.threshold(0.01), AttentionRule.sparsemax(1),
            AttentionRule.entmax(1.5, 0.5), AttentionRule.pattern(AttentionPattern.causal()),
            AttentionRule.blockSparse(16), AttentionRule.blockSparseByAttention(4)};
        boolean[] truncates = {true, true, true, true, true, false, false, true, true, true};
        boolean[] every = {true, true, true, false, true, true, true, false, false, true};
        for (int i = 0; i < rules.length; i++) {
            assertEquals(truncates[i], rules[i].truncatesSoftmax(), rules[i].toString());
            assertEquals(every[i], rules[i].scoresEveryKey(), rules[i].toString());
            assertFalse(rules[i].toString().isBlank());
        }
        assertEquals("sparsemax (T = 1.0)", rules[5].toString());
    }

    @Test
    void perHeadOverridesPerLayerOverridesAll() {
        AttentionRule all = AttentionRule.topK(8);
        AttentionRule layer = AttentionRule.certifiedTopK(0.1);
        AttentionRule head = AttentionRule.dense();
        AttentionRules r = AttentionRules.all(all).withLayer(2, layer).withHead(2, 5, head).withHead(0, 1, layer);
        assertEquals(all, r.rule(0, 0));
        assertEquals(layer, r.rule(0, 1));
        assertEquals(layer, r.rule(2, 0));
        assertEquals(head, r.rule(2, 5));
        AttentionRules again = r.withLayer(2, all);  // a later layer rule drops that layer's head overrides
        assertEquals(all, again.rule(2, 5));
        assertEquals(layer, again.rule(0, 1));
        assertEquals(head, r.rule(2, 5));            // the original is unchanged
        assertTrue(AttentionRules.dense().allDense());
        assertFalse(r.allDense());
        assertTrue(r.toString().contains("L2H5: dense softmax"), r.toString());
        r.checkFits(3, 6);
        refused("layer = 2 is outside [0, 1]", () -> r.checkFits(2, 12));
        refused("head = 5 is outside [0, 4]", () -> r.checkFits(3, 5));
        refused("layer = -1", () -> r.withLayer(-1, all));
        refused("rule is null", () -> r.withHead(0, 0, null));
    }
}
