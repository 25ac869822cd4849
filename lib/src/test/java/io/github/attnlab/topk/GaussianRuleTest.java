package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** docs/papers/A.md §A.7: the rule's algebra, its limits, and Monte Carlo where the asymptotics apply. */
class GaussianRuleTest {

    @Test
    void ruleInvertsTheTailMass() {
        for (double sigma = 0.25; sigma <= 5; sigma += 0.25) {
            for (double eps : new double[] {1e-4, 0.01, 0.1, 0.5}) {
                double p = GaussianRule.keepFraction(sigma, eps);
                assertEquals(eps, GaussianRule.tailMass(sigma, p), 1e-12 * eps, "sigma " + sigma);
            }
        }
        // sigma -> 0: all logits equal, keeping the fraction 1 - eps leaves eps
        assertEquals(0.99, GaussianRule.keepFraction(1e-9, 0.01), 1e-8);
        // an independent value, from Python's statistics.NormalDist: 1 - cdf(1 + inv_cdf(0.1))
        assertEquals(0.6108563083546391, GaussianRule.keepFraction(1, 0.1), 1e-13);
    }

    @Test
    void monteCarloFollowsTheRuleAtModerateSigma() {
        GaussianRule.Simulation s = GaussianRule.simulate(4096, 1.0, 0.05, 60, 7);
        assertTrue(s.ruleRelativeError() < 0.005, s.toString());
        assertTrue(s.stdError() < 0.001, s.toString());
    }

    @Test
    void finiteNFormTendsToTheRule() {
        double rule = GaussianRule.keepFraction(2, 0.05);
        double small = Math.abs(GaussianRule.keepFraction(2, 0.05, 256) - rule);
        double large = Math.abs(GaussianRule.keepFraction(2, 0.05, 1 << 18) - rule);
        assertTrue(large < small, "finite-n deviation should shrink: " + small + " -> " + large);
        assertTrue(large < 1e-3 * 5, "at n = 2^18 the plug-in is within 0.005 of the rule: " + large);
    }

    @Test
    void fittedSigmaIgnoresMaskedKeys() {
        double ninf = Double.NEGATIVE_INFINITY;
        assertEquals(Math.sqrt(2.5), GaussianRule.fitSigma(new double[] {1, 2, ninf, 3, 4, 5}), 1e-15);
    }

    @Test
    void badInput() {
        assertEquals("sigma = -1.0 must be positive and finite",
                assertThrows(IllegalArgumentException.class, () -> GaussianRule.keepFraction(-1, 0.1)).getMessage());
        assertEquals("eps = 0.0 is outside (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> GaussianRule.keepFraction(1, 0)).getMessage());
        assertEquals("p = 1.5 is outside (0, 1]",
                assertThrows(IllegalArgumentException.class, () -> GaussianRule.tailMass(1, 1.5)).getMessage());
        assertEquals("fitting sigma needs at least 2 unmasked logits, got 1", assertThrows(
                IllegalArgumentException.class, () -> GaussianRule.fitSigma(new double[] {1, Double.NEGATIVE_INFINITY}))
                .getMessage());
    }
}
