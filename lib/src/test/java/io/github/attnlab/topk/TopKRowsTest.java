package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batch form agrees with the row-by-row form, and refuses malformed matrices. */
class TopKRowsTest {

    @Test
    void batchEqualsRowByRow() {
        Random r = new Random(5);
        double[][] m = new double[37][53];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * r.nextGaussian();
            }
        }
        m[3][7] = Double.NEGATIVE_INFINITY;
        java.util.Arrays.fill(m[5], 0, 52, Double.NEGATIVE_INFINITY);
        TopKRows rows = TopKRows.of(m);
        TopKRows.Certified c = rows.certify(0.05);
        TopKRows.Kept kept = rows.keep(9);
        for (int i = 0; i < m.length; i++) {
            assertEquals(TopK.of(m[i]).certify(0.05).k(), c.k()[i], "row " + i);
            assertEquals(TopK.of(m[i]).keep(9).tailMass(), kept.tailMass()[i], 0, "row " + i);
        }
        assertEquals(1, c.k()[5], "a row with one unmasked key certifies with k = 1");
        float[][] f = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            f[i] = new float[m[i].length];
            for (int j = 0; j < f[i].length; j++) {
                f[i][j] = (float) m[i][j];
            }
        }
        int[] flatOut = new int[m.length];
        double[] flat = new double[m.length * 53];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < 53; j++) {
                flat[i * 53 + j] = f[i][j];
            }
        }
        TopKRows.certifiedK(flat, m.length, 53, 0.05, flatOut, new RankedRow());
        assertArrayEquals(TopKRows.of(f).certify(0.05).k(), flatOut);
    }

    @Test
    void malformedMatrices() {
        assertEquals("logits is ragged: row 0 has 3 entries, row 1 has 2", assertThrows(IllegalArgumentException.class,
                () -> TopKRows.of(new double[][] {{1, 2, 3}, {1, 2}})).getMessage());
        assertEquals("logits[1][0] is NaN", assertThrows(IllegalArgumentException.class,
                () -> TopKRows.of(new double[][] {{1}, {Double.NaN}})).getMessage());
        assertEquals("logits has no rows",
                assertThrows(IllegalArgumentException.class, () -> TopKRows.of(new double[0][])).getMessage());
        assertEquals("i = 2 is outside [0, 0]",
                assertThrows(IllegalArgumentException.class, () -> TopKRows.of(new double[][] {{1}}).row(2)).getMessage());
    }
}
