package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets an IllegalArgumentException naming the problem; masking follows the documented rules. */
class TopKInputTest {

    private static void fails(String message, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertEquals(message, x.getMessage());
    }

    @Test
    void badLogits() {
        fails("logits[2] is NaN", () -> TopK.of(1, 2, Double.NaN));
        fails("logits[0] is +Infinity (a logit is finite, or -Infinity to mask a key)",
                () -> TopK.of(Double.POSITIVE_INFINITY, 1));
        fails("logits: len = 0 must be at least 1", () -> TopK.of(new double[0]));
        fails("logits is null", () -> TopK.of((double[]) null));
        fails("logits[1] is NaN", () -> new RankedRow().rank(new double[] {0, Double.NaN}));
    }

    @Test
    void badKAndEps() {
        TopK t = TopK.of(1, 2, 3);
        fails("k = 0 is outside [1, 3]", () -> t.keep(0));
        fails("k = 4 is outside [1, 3]", () -> t.keep(4));
        fails("eps = 0.0 is outside (0, 1)", () -> t.certify(0));
        fails("eps = 1.0 is outside (0, 1)", () -> t.certify(1));
        fails("eps = NaN is outside (0, 1)", () -> t.certify(Double.NaN));
        fails("block size = 0 must be at least 1", () -> TailBound.blocks(0));
    }

    @Test
    void badValues() {
        TopK t = TopK.of(1, 2, 3);
        fails("values.length = 2, need 3", () -> t.withValues(new double[2][4]));
        fails("values is ragged: row 0 has 4 entries, row 1 has 3",
                () -> t.withValues(new double[][] {{1, 2, 3, 4}, {1, 2, 3}, {1, 2, 3, 4}}));
        fails("values[2][0] is NaN", () -> t.withValues(new double[][] {{1}, {2}, {Double.NaN}}));
        assertThrows(IllegalStateException.class, () -> t.headTail(1));
    }

    @Test
    void maskedKeysCarryNoMass() {
        double ninf = Double.NEGATIVE_INFINITY;
        TopKResult masked = TopK.of(0.5, ninf, 2.0, ninf, -1.0).keep(2);
        TopKResult plain = TopK.of(0.5, 2.0, -1.0).keep(2);
        assertEquals(plain.tailMass(), masked.tailMass(), 0);
        assertEquals(plain.singleGap(), masked.singleGap(), 0);
        assertEquals(3, masked.unmasked());
        assertArrayEquals(new int[] {2, 0}, masked.keys());
        assertEquals(0, TopK.of(0.5, ninf, 2.0).keep(3).tailMass(), 0, "k beyond the unmasked keys keeps them all");
    }

    @Test
    void fullyMaskedRowIsRefused() {
        double ninf = Double.NEGATIVE_INFINITY;
        String message = "logits: all 3 logits are -Infinity; a row needs at least one unmasked key (drop the row, or"
                + " unmask a key)";
        fails(message, () -> TopK.of(ninf, ninf, ninf));
        fails(message, () -> new RankedRow().rank(new double[] {ninf, ninf, ninf}));
        fails("logits[1]: all 2 logits are -Infinity; a row needs at least one unmasked key (drop the row, or unmask"
                + " a key)", () -> TopKRows.of(new double[][] {{0, 1}, {ninf, ninf}}));
    }

    @Test
    void inputsAreCopied() {
        double[] s = {1, 2, 3};
        TopK t = TopK.of(s);
        s[0] = 100;
        assertArrayEquals(new int[] {2}, t.keep(1).keys());
    }
}
