package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The documented rules for masks, infinities, NaN, α and bad arguments, with their messages. */
class SpecialValuesTest {

    private static final double NEG = Double.NEGATIVE_INFINITY;
    private static final double POS = Double.POSITIVE_INFINITY;

    @Test
    void nanIsRefusedWithItsPosition() {
        for (Normalizer nz : RandomRows.all()) {
            var e = assertThrows(IllegalArgumentException.class, () -> nz.apply(1, 2, Double.NaN, 4));
            assertEquals("scores[2] is NaN", e.getMessage(), nz.name());
        }
        double[] row = {0, 1, 2, Double.NaN, 3};
        var e = assertThrows(IllegalArgumentException.class, () -> Normalizers.sparsemax(row, new double[5], 1, 4));
        assertEquals("scores[2] is NaN", e.getMessage(), "positions are relative to the row's start");
    }

    @Test
    void allMaskedAndEmptyRowsAreRefused() {
        for (Normalizer nz : RandomRows.all()) {
            var e = assertThrows(IllegalArgumentException.class, () -> nz.apply(NEG, NEG, NEG));
            assertTrue(e.getMessage().startsWith("scores: all 3 logits are -Infinity"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> nz.apply(new double[0]));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Normalizers.softmax(new double[3], new double[3], 0, 0));
        assertEquals("scores: len = 0 must be at least 1", e.getMessage());
    }

    @Test
    void maskedKeysGetZeroAndTheRestIsTheUnmaskedResult() {
        double[] z = {0.5, NEG, -2, NEG, 0};
        double[] unmasked = {0.5, -2, 0};
        for (Normalizer nz : RandomRows.all()) {
            double[] p = nz.apply(z).probabilities();
            double[] q = nz.apply(unmasked).probabilities();
            assertArrayEquals(new double[] {q[0], 0, q[1], 0, q[2]}, p, 1e-15, nz.name());
        }
    }

    @Test
    void positiveInfinityIsRefused() {
        for (Normalizer nz : RandomRows.all()) {
            var e = assertThrows(IllegalArgumentException.class, () -> nz.apply(3, POS, NEG, POS, 1e300));
            assertEquals("scores[1] is +Infinity (a logit is finite, or -Infinity to mask a key)", e.getMessage());
        }
        double[] p = Normalizer.softmax().apply(1, 2).probabilities();
        var j = assertThrows(IllegalArgumentException.class,
                () -> Jacobians.softmax(new double[] {1, POS}, p, new double[2], new double[2], 0, 2));
        assertTrue(j.getMessage().startsWith("scores[1] is +Infinity"), j.getMessage());
    }

    @Test
    void alphaRules() {
        assertInstanceOf(Softmax.class, Normalizer.entmax(1));
        assertArrayEquals(Normalizer.softmax().apply(1, 2, 3).probabilities(), Normalizer.entmax(1).apply(1, 2, 3).probabilities(), 0.0,
                "alpha = 1 must be softmax, not uniform");
        var below = assertThrows(IllegalArgumentException.class, () -> Normalizer.entmax(0.5));
        assertTrue(below.getMessage().startsWith("alpha = 0.5 < 1 is refused"), below.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Normalizer.entmax(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Normalizer.entmax(POS));
        assertThrows(IllegalArgumentException.class, () -> new Entmax(1, ThresholdMethod.BISECTION));
        var sort = assertThrows(IllegalArgumentException.class, () -> Normalizer.entmax(1.7, ThresholdMethod.SORT));
        assertTrue(sort.getMessage().contains("alpha = 1.5 and 2 only"), sort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Normalizer.entmax(1.5, ThresholdMethod.PIVOT));
        assertEquals("sparsemax", Normalizer.entmax(2).name());
        assertEquals("1.5-entmax (bisection)", Normalizer.entmax(1.5, ThresholdMethod.BISECTION).name());
        assertEquals("1.333-entmax", Normalizer.entmax(4.0 / 3).name());
        Entmax e = new Entmax(1.5, ThresholdMethod.BISECTION);
        assertThrows(IllegalArgumentException.class, () -> e.alphaDerivative(Normalizer.sparsemax().apply(1, 2)));
    }

    @Test
    void normalizedReluFallsBackToUniformOverUnmaskedKeys() {
        Normalized r = Normalizer.normalizedRelu(5).apply(1, NEG, 2, 3);
        assertTrue(r.fallback());
        assertArrayEquals(new double[] {1.0 / 3, 0, 1.0 / 3, 1.0 / 3}, r.probabilities(), 1e-16);
        assertTrue(r.toString().endsWith("uniform fallback"), r.toString());
        double[] out = new double[4];
        assertEquals(0.0, Normalizers.normalizedRelu(1, 5, new double[] {1, NEG, 2, 3}, out, 0, 4), 0.0);
        Normalized ok = Normalizer.normalizedRelu(2.5).apply(1, NEG, 2, 3);
        assertTrue(!ok.fallback());
        assertArrayEquals(new double[] {0, 0, 0, 1}, ok.probabilities(), 1e-16);
        assertThrows(IllegalArgumentException.class, () -> Normalizer.normalizedRelu(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Normalizer.normalizedRelu(Double.NaN));
    }

    @Test
    void batchArgumentsAreChecked() {
        double[] z = {1, 2, 3};
        var alias = assertThrows(IllegalArgumentException.class, () -> Normalizers.entmax15(z, z, 0, 3));
        assertTrue(alias.getMessage().startsWith("out must not be the scores array"), alias.getMessage());
        var range = assertThrows(IllegalArgumentException.class, () -> Normalizers.softmax(z, new double[3], 1, 3));
        assertEquals("scores: off = 1, len = 3 give [1, 4), which is not inside an array of length 3", range.getMessage());
        double[] p = Normalizer.softmax().apply(z).probabilities();
        assertThrows(IllegalArgumentException.class, () -> Jacobians.softmax(z, p, p, p, 0, 3));
    }

    @Test
    void hugeFiniteScoresStayFinite() {
        for (Normalizer nz : RandomRows.all()) {
            double[] p = nz.apply(1e200, -1e200, 1e200 - 1e185, 0).probabilities();
            double s = 0;
            for (double x : p) {
                assertTrue(Double.isFinite(x) && x >= 0, nz + ": " + x);
                s += x;
            }
            assertEquals(1, s, 1e-15, nz.name());
        }
    }
}
