package io.github.attnlab.spectral.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.plot.Table;
import org.junit.jupiter.api.Test;

class HeadGapTest {

    @Test
    void cheegersSandwichHoldsOnEveryHeadOfRandomTensors() {
        for (long seed = 1; seed <= 5; seed++) {
            Table<HeadGap> gaps = HeadGap.of("p" + seed, Tensors.random(16, 3, 4, seed));
            assertEquals(3, gaps.size());
            for (HeadGap g : gaps.rows()) {
                assertTrue(g.connected(), g.toString());
                assertTrue(g.lambda2() > 0 && g.lambda2() <= 2, g.toString());
                assertTrue(g.cheegerViolation() <= 1e-9, g.toString());
                assertEquals("p" + seed, g.passage());
            }
        }
    }

    @Test
    void nearlyDisconnectedBlocksHaveASmallGapAndASmallCut() {
        HeadGap g = HeadGap.of("b", Tensors.interleavedBlocks(16, 2, 1e-4)).get(0);
        assertTrue(g.lambda2() < 1e-3, g.toString());
        assertTrue(g.sweepConductance() < 1e-3, g.toString());
        assertTrue(g.cheegerViolation() <= 1e-9, g.toString());
        HeadGap open = HeadGap.of("b", Tensors.interleavedBlocks(16, 2, 0.5)).get(0);
        assertTrue(open.lambda2() > 100 * g.lambda2(), open + " vs " + g);
    }

    @Test
    void refusesMissingLabels() {
        assertThrows(IllegalArgumentException.class, () -> HeadGap.of(null, Tensors.random(4, 1, 1, 1)));
        assertFalse(new HeadGap("m", "p", 0, 0, 0.2, 0.7, true).cheegerViolation() <= 0,
                "phi = 0.7 > sqrt(2 * 0.2) violates the upper side");
        assertFalse(new HeadGap("m", "p", 0, 0, 0.2, 0.05, true).cheegerViolation() <= 0,
                "phi = 0.05 < 0.2 / 2 violates the lower side");
    }
}
