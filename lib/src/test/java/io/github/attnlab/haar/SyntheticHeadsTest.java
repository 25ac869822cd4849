package io.github.attnlab.haar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticHeadsTest {

    @Test
    void headsAreDeterministicRowStochasticAndOfTheirKind() {
        SyntheticHeads a = SyntheticHeads.generate(40, 10, 4, 3);
        SyntheticHeads b = SyntheticHeads.generate(40, 10, 4, 3);
        for (int h = 0; h < 10; h++) {
            assertArrayEquals(a.scores(h)[7], b.scores(h)[7], 0, "same seed, same heads");
            assertEquals(SyntheticHeads.Kind.values()[h % 5], a.kind(h));
            for (double[] row : a.probabilities(h)) {
                double s = 0;
                for (double p : row) {
                    assertTrue(p >= 0);
                    s += p;
                }
                assertEquals(1, s, 1e-12);
            }
        }
        // a first-token head puts most of every query's mass on token 0
        double[][] p = a.probabilities(2);
        for (double[] row : p) {
            assertTrue(row[0] > 0.1, "first-token head: " + row[0]);
        }
        assertEquals("h02-first_token", a.name(2));
        int[] seg = a.segments();
        assertEquals(0, seg[0]);
        assertEquals(3, seg[39]);
    }

    @Test
    void networksWithTheSameSeedReadTheSameText() {
        List<SyntheticHeads.Kind> onlyTopical = List.of(SyntheticHeads.Kind.TOPICAL, SyntheticHeads.Kind.TOPICAL);
        List<SyntheticHeads.Kind> onlyUniform = List.of(SyntheticHeads.Kind.UNIFORM);
        SyntheticHeads x = SyntheticHeads.generate(30, onlyTopical, 3, 8);
        SyntheticHeads y = SyntheticHeads.generate(30, onlyUniform, 3, 8);
        assertArrayEquals(x.segments(), y.segments());
        assertEquals(2, x.heads());
        assertEquals(1, y.heads());
        var e = assertThrows(IllegalArgumentException.class, () -> SyntheticHeads.generate(1, 3, 1, 0));
        assertTrue(e.getMessage().contains("tokens = 1 is outside [2, "), e.getMessage());
    }

    @Test
    void softmaxRowsAreShiftInvariant() {
        double[][] s = {{1, 2, 3}, {-1000, 0, 1000}};
        double[][] p = SyntheticHeads.softmaxRows(s);
        assertEquals(Math.exp(1) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), p[0][0], 1e-15);
        assertEquals(1.0, p[1][2], 0);
    }
}
