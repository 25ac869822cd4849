package io.github.attnlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The row contract: what is accepted, what is refused, and the messages. */
class LogitRowTest {

    private static final double NEG = Double.NEGATIVE_INFINITY;

    @Test
    void countsUnmaskedKeys() {
        assertEquals(2, LogitRow.validate("s", new double[] {1, NEG, -3}));
        assertEquals(1, LogitRow.validate("s", new double[] {9, 1, NEG, -3}, 2, 2));
        assertEquals(3, LogitRow.validate("s", new float[] {1f, 2f, -1e30f}));
    }

    @Test
    void refusesWithNamedPositions() {
        assertEquals("s[1] is NaN", message(() -> LogitRow.validate("s", new double[] {0, Double.NaN})));
        assertEquals("s[0] is +Infinity (a logit is finite, or -Infinity to mask a key)",
                message(() -> LogitRow.validate("s", new double[] {Double.POSITIVE_INFINITY})));
        assertEquals("s: all 2 logits are -Infinity; a row needs at least one unmasked key (drop the row, or unmask"
                + " a key)", message(() -> LogitRow.validate("s", new double[] {NEG, NEG})));
        assertEquals("s is null", message(() -> LogitRow.validate("s", (double[]) null)));
        assertEquals("s: len = 0 must be at least 1", message(() -> LogitRow.validate("s", new double[0])));
        assertEquals("s: off = 2, len = 2 give [2, 4), which is not inside an array of length 3",
                message(() -> LogitRow.validate("s", new double[3], 2, 2)));
        assertEquals("scores[1][0] is NaN",
                message(() -> LogitRow.validateRows("scores", new double[][] {{1}, {Double.NaN}})));
        assertEquals("scores is ragged: row 0 has 1 entries, row 1 has 2",
                message(() -> LogitRow.validateRows("scores", new double[][] {{1}, {1, 2}})));
        assertEquals("s[0] is NaN", message(() -> LogitRow.validate("s", new float[] {Float.NaN})));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
