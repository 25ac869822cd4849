package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Certified search holds against the exact tail mass of the kept set, computed in 60 digits from the
 * exact logits $c\langle q, k_j\rangle$ (no rounding) and from the logits as {@link KeyBlocks#logits}
 * computes them, in the regimes that broke it: block bounds far above every logit ($e^x$ overflows),
 * keys so large that the dot products lose digits, and logits so large that the bound on that loss
 * exceeds the exponent range.
 */
class KeyBlocksRegimesTest {

    private static void check(Regimes.Search p, String where, Tally tally) {
        tally.rows++;
        KeyBlocks index = p.index();
        SearchResult res = index.search(p.query(), p.scale(), p.eps());
        double t = res.tailMassUpper();
        String at = where + " " + res;
        int[] kept = res.keys();
        // positive whenever a key is left out: the oracle rounds terms below e^{-100000} to 0
        tally.check(!Double.isNaN(t) && t <= p.eps() && res.k() >= 1 && (kept.length == p.keys().length || t > 0),
                () -> at + ": certificate not in (0, eps]");
        BigDecimal[] exactLogits = new BigDecimal[p.keys().length];
        for (int j = 0; j < exactLogits.length; j++) {
            exactLogits[j] = ExactTail.logit(p.query(), p.keys()[j], p.scale());
        }
        BigDecimal exact = ExactTail.tauOf(exactLogits, kept);
        tally.check(!Double.isNaN(t) && ExactTail.atLeast(t, exact),
                () -> at + ": exact tau(H) of the real logits " + exact.round(MathContext.DECIMAL64));
        BigDecimal computed = ExactTail.tauOf(index.logits(p.query(), p.scale()), kept);
        tally.check(!Double.isNaN(t) && ExactTail.atLeast(t, computed),
                () -> at + ": exact tau(H) of the computed logits " + computed.round(MathContext.DECIMAL64));
    }

    @Test
    void theIssuesExampleIsCertifiedNotNaN() {
        Regimes.Search p = Regimes.overflowExample();
        SearchResult res = p.index().search(p.query(), p.scale(), p.eps());
        assertFalse(Double.isNaN(res.tailMassUpper()), res.toString());
        // logits 0, 0, -40: keeping one key of the two at 0 drops half the mass
        assertTrue(res.k() == 2 && res.tailMassUpper() <= p.eps(), res.toString());
    }

    @Test
    void overflowingBlockBounds(TestReporter reporter) {
        Random r = new Random(720);
        Tally tally = new Tally();
        check(Regimes.overflowExample(), "the issue's example", tally);
        for (int t = 0; t < 200; t++) {
            check(Regimes.overflowingBounds(r), "overflowing bounds " + t, tally);
        }
        tally.assertNone("overflowing block bounds", reporter);
    }

    @Test
    void largeMagnitudeKeys(TestReporter reporter) {
        Random r = new Random(1_000_000);
        Tally tally = new Tally();
        for (int t = 0; t < 100; t++) {
            check(Regimes.largeKeys(r), "large keys " + t, tally);
        }
        tally.assertNone("large-magnitude keys", reporter);
    }

    @Test
    void hugeLogits(TestReporter reporter) {
        Random r = new Random(21);
        Tally tally = new Tally();
        for (int t = 0; t < 120; t++) {
            check(Regimes.hugeLogits(r), "huge logits " + t, tally);
        }
        tally.assertNone("huge logits", reporter);
    }
}
