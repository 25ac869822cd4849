package io.github.attnlab.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.compact.ThresholdMethod;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Assumption 2: the closed forms against the numbers. */
class HardmaxLimitTest {

    /** Bisection to 1e-12 relative width, on thresholds themselves exact (sort) or bisected to 1e-15-ish. */
    private static final double T_STAR_RTOL = 1e-9;
    private static final double SOFTMAX_RTOL = 1e-12;

    static double[] randomWithMargin(Random r, int n, double margin) {
        double[] v = new double[n];
        int top = r.nextInt(n);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (j != top) {
                v[j] = r.nextGaussian();
                max = Math.max(max, v[j]);
            }
        }
        v[top] = max + margin;
        return v;
    }

    @Test
    void entmaxIsExactlyHardmaxFromTheClosedForm() {
        Random r = new Random(2);
        List<Normalizer> family = List.of(Normalizer.sparsemax(), Normalizer.sparsemax(ThresholdMethod.PIVOT),
                Normalizer.sparsemax(ThresholdMethod.BISECTION), Normalizer.entmax(1.5), Normalizer.entmax(1.25),
                Normalizer.entmax(1.75));
        for (int trial = 0; trial < 60; trial++) {
            double[] v = randomWithMargin(r, 2 + r.nextInt(40), 0.05 + 2 * r.nextDouble());
            for (Normalizer rho : family) {
                HardmaxLimit h = HardmaxLimit.of(rho, v);
                double alpha = ((io.github.attnlab.compact.Entmax) rho).alpha();
                double closed = 1 / ((alpha - 1) * h.margin());
                assertEquals(closed, h.closedForm(), 0.0);
                assertEquals(closed, h.exactFrom(), T_STAR_RTOL * closed, rho.name());
                assertTrue(h.exact(closed * (1 + 1e-6)), rho.name());
                assertFalse(h.exact(closed * (1 - 1e-6)), rho.name());
                assertEquals(0.0, h.error(2 * closed), 0.0);
            }
        }
    }

    @Test
    void sparsemaxErrorIsLinearBelowTheThresholdForTwoEntries() {
        // two entries, margin d: sparsemax(t v) = ((1 + t d)/2, (1 - t d)/2), error 1 - t d for t d < 1
        HardmaxLimit h = HardmaxLimit.of(Normalizer.sparsemax(), 0.3, 1.0);
        for (double t : new double[] {0.1, 0.5, 1.0, 1.4}) {
            assertEquals(1 - t * 0.7, h.error(t), 1e-12);
        }
    }

    @Test
    void softmaxErrorMatchesItsFormulaAndDecaysAtTheMargin() {
        Random r = new Random(4);
        for (int trial = 0; trial < 30; trial++) {
            double[] v = randomWithMargin(r, 2 + r.nextInt(30), 0.1 + r.nextDouble());
            HardmaxLimit h = HardmaxLimit.of(Normalizer.softmax(), v);
            for (double t : new double[] {0.5, 3, 20, 60}) {
                double off = 0;
                for (int j = 0; j < v.length; j++) {
                    off += j == h.top() ? 0 : Math.exp(-t * (v[h.top()] - v[j]));
                }
                double formula = 2 * off / (1 + off);
                assertEquals(formula, h.error(t), SOFTMAX_RTOL * formula + 1e-300);
            }
            assertEquals(Double.POSITIVE_INFINITY, h.closedForm());
        }
        // gaps 0.5 and 3: ln e = ln 2 - 0.5 t - ln(1 + e^{-0.5 t}) + O(e^{-2.5 t}); over the fitted points
        // (e <= 1e-3, so t >= 15) the last term bends the slope by at most 0.5 e^{-7.5} < 3e-4
        ScalingCurve c = HardmaxLimit.of(Normalizer.softmax(), 0, 2.5, 3).curve(10, 60, 51);
        assertEquals(0.5, c.rate(), 3e-4);
        assertTrue(c.rate() < 0.5, "the correction slows the decay");
    }

    @Test
    void normalisedReluKeepsMassOffTheTop() {
        HardmaxLimit h = HardmaxLimit.of(Normalizer.normalizedRelu(0.0), 1.0, 0.5, -2.0, 0.25);
        double limit = 2 * 0.75 / 1.75;
        assertEquals(limit, h.limit(), 1e-15);
        assertEquals(limit, h.error(1e8), 1e-12, "theta = 0: scale-invariant");
        HardmaxLimit shifted = HardmaxLimit.of(Normalizer.normalizedRelu(0.1), 1.0, 0.5, -2.0, 0.25);
        assertEquals(limit, shifted.error(1e9), 1e-8);
        assertTrue(Double.isNaN(shifted.closedForm()));
        HardmaxLimit squared = HardmaxLimit.of(Normalizer.normalizedRelu(2, 0.0), 1.0, 0.5, -2.0);
        assertEquals(2 * 0.25 / 1.25, squared.limit(), 1e-15);
        assertEquals(squared.limit(), squared.error(1e6), 1e-12);
    }

    @Test
    void refusesVectorsWithoutAUniqueTop() {
        assertEquals("v has no unique maximum: v[1] = 2.0 is tied with another entry",
                assertThrows(IllegalArgumentException.class,
                        () -> HardmaxLimit.of(Normalizer.softmax(), 0, 2, 2)).getMessage());
        assertEquals("v.length = 1 is outside [2, 2147483647]", assertThrows(IllegalArgumentException.class,
                () -> HardmaxLimit.of(Normalizer.softmax(), 1.0)).getMessage());
        assertEquals("v[0] is NaN", assertThrows(IllegalArgumentException.class,
                () -> HardmaxLimit.of(Normalizer.softmax(), Double.NaN, 1)).getMessage());
        assertEquals("t = 0.0 must be finite and > 0", assertThrows(IllegalArgumentException.class,
                () -> HardmaxLimit.of(Normalizer.softmax(), 0, 1).error(0)).getMessage());
    }
}
