package io.github.attnlab.spectral.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import org.junit.jupiter.api.Test;

class SparsificationStudyTest {

    private static final AttentionTensor T = Tensors.random(24, 2, 3, 9);

    @Test
    void fosterRayleighAndTheSamplingTheoremHold() {
        SparsificationStudy s = SparsificationStudy.of(T, new int[][] {{0, 0}, {0, 1}}, 0.5, new int[] {300, 1200, 4800},
                new int[] {2, 6, 12}, 5);
        assertEquals((int) Math.ceil(4 * 24 * Math.log(24) / 0.25), s.theoremSamples());
        assertEquals(2, s.heads().size());
        assertEquals(6, s.budgets().size());
        for (HeadSparsification h : s.heads().rows()) {
            assertTrue(h.fosterResidual() < 1e-8, h.toString());
            assertTrue(h.rayleighIncrease() >= -1e-12, h.toString());
            assertTrue(h.theoremEpsilon() <= 0.5, h.toString());
            assertTrue(h.rateSlope() < -0.25 && h.rateSlope() > -0.8, "the q^(-1/2) rate: " + h);
        }
        for (BudgetComparison b : s.budgets().rows()) {
            assertTrue(b.lostTopK() >= 0 && b.lostTopK() < 1 && b.edgeFraction() > 0 && b.edgeFraction() <= 1, b.toString());
        }
        assertTrue(s.chart() != null);
    }

    @Test
    void sameSeedSameStudy() {
        int[][] lh = {{0, 1}};
        SparsificationStudy a = SparsificationStudy.of(T, lh, 0.5, new int[] {100, 400}, new int[] {3}, 2);
        SparsificationStudy b = SparsificationStudy.of(T, lh, 0.5, new int[] {100, 400}, new int[] {3}, 2);
        assertEquals(a.heads().rows(), b.heads().rows());
        assertEquals(a.budgets().rows(), b.budgets().rows());
    }

    @Test
    void refusesBadArguments() {
        int[][] lh = {{0, 0}};
        assertThrows(IllegalArgumentException.class, () -> SparsificationStudy.of(T, lh, 0.5, new int[] {100, 100},
                new int[] {3}, 1));
        assertThrows(IllegalArgumentException.class, () -> SparsificationStudy.of(T, lh, 1.5, new int[] {100, 200},
                new int[] {3}, 1));
        assertThrows(IllegalArgumentException.class, () -> SparsificationStudy.of(T, new int[][] {{0, 2}}, 0.5,
                new int[] {100, 200}, new int[] {3}, 1));
        assertThrows(IllegalArgumentException.class, () -> SparsificationStudy.of(T, lh, 0.5, new int[] {100, 200},
                new int[] {3, 3}, 1));
        assertThrows(IllegalArgumentException.class, () -> SparsificationStudy.of(T, lh, 0.5, new int[] {100, 200},
                new int[] {24}, 1));
    }
}
