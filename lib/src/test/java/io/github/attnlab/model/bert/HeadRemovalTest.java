package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.text.Encoding;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Head removal on seeded random tiny models (3 layers, 12 heads of size 2) against references made by
 * hand in the weight files: a removed head's context $C_h = P_h V_h$ is zero exactly when its value
 * columns $W_v^{(h)}, b_v^{(h)}$ are zero, and its contribution $C_h W_o^{(h)}$ is zero exactly when its
 * $d$ rows of $W_o$ are zero. Both references are loaded through the public API from edited files.
 */
class HeadRemovalTest {

    private static final int LAYERS = 3;
    private static final int HIDDEN = 24;
    private static final int INTERMEDIATE = 48;
    private static final int D = HIDDEN / TinyModel.HEADS;
    private static final int INSTANCES = 30;

    @TempDir
    Path dir;

    /** Zeroes the value kernel's columns and bias entries of the removed heads. */
    private static BiFunction<String, float[], float[]> zeroValues(boolean[][] removed) {
        return (name, v) -> {
            int l = layerOf(name, "attention.self.value.");
            if (l < 0) {
                return v;
            }
            float[] out = v.clone();
            int rows = name.endsWith("weight") ? HIDDEN : 1;
            for (int r = 0; r < rows; r++) {
                for (int h = 0; h < TinyModel.HEADS; h++) {
                    if (removed[l][h]) {
                        Arrays.fill(out, r * HIDDEN + h * D, r * HIDDEN + h * D + D, 0f);
                    }
                }
            }
            return out;
        };
    }

    /** Zeroes the rows of the attention output kernel that multiply the removed heads' contexts. */
    private static BiFunction<String, float[], float[]> zeroOutputRows(boolean[][] removed) {
        return (name, v) -> {
            int l = layerOf(name, "attention.output.dense.weight");
            if (l < 0) {
                return v;
            }
            float[] out = v.clone();
            for (int h = 0; h < TinyModel.HEADS; h++) {
                if (removed[l][h]) {
                    Arrays.fill(out, h * D * HIDDEN, (h + 1) * D * HIDDEN, 0f);
                }
            }
            return out;
        };
    }

    private static int layerOf(String tensor, String part) {
        for (int l = 0; l < LAYERS; l++) {
            if (tensor.startsWith("encoder.layer." + l + "." + part)) {
                return l;
            }
        }
        return -1;
    }

    /** About 30% of the heads; every fourth instance also a whole layer, every ninth every head. */
    private static boolean[][] randomHeads(Random rnd, int instance) {
        boolean[][] removed = new boolean[LAYERS][TinyModel.HEADS];
        int wholeLayer = instance % 4 == 0 ? rnd.nextInt(LAYERS) : -1;
        for (int l = 0; l < LAYERS; l++) {
            for (int h = 0; h < TinyModel.HEADS; h++) {
                removed[l][h] = instance % 9 == 0 || l == wholeLayer || rnd.nextDouble() < 0.3;
            }
        }
        return removed;
    }

    /** 2 to 14 words: with [CLS] and [SEP], at most the 16 positions. */
    private static String randomText(Random rnd) {
        StringBuilder b = new StringBuilder();
        for (int i = 2 + rnd.nextInt(TinyModel.POSITIONS - 3); i > 0; i--) {
            b.append(rnd.nextBoolean() ? "hello " : "world ");
        }
        return b.toString();
    }

    private byte[] model(long seed, BiFunction<String, float[], float[]> edit) {
        return TinyModel.onnx(LAYERS, HIDDEN, INTERMEDIATE, seed, "", edit);
    }

    @Test
    void removingHeadsEqualsZeroingTheirValuesOrOutputRowsByHand() throws Exception {
        for (int s = 0; s < INSTANCES; s++) {
            Random rnd = new Random(s);
            boolean[][] removed = randomHeads(rnd, s);
            Bert full = TinyModel.load(dir, model(s, (n, v) -> v));
            Encoding e = full.encode(randomText(rnd));
            float[] pruned = full.withoutHeads(removed).lastHiddenState(e);
            float[] byValues = TinyModel.load(dir, model(s, zeroValues(removed))).lastHiddenState(e);
            float[] byRows = TinyModel.load(dir, model(s, zeroOutputRows(removed))).lastHiddenState(e);
            assertArrayEquals(byValues, pruned, "instance " + s + ": zero value columns");
            assertArrayEquals(byRows, pruned, "instance " + s + ": zero rows of W_o");
            assertFalse(Arrays.equals(full.lastHiddenState(e), pruned), "instance " + s + ": removal changed nothing");
            AttentionTensor want = TinyModel.load(dir, model(s, zeroValues(removed))).attention(e);
            AttentionTensor got = full.withoutHeads(removed).attention(e);
            for (int l = 0; l < LAYERS; l++) {
                for (int h = 0; h < TinyModel.HEADS; h++) {
                    assertTrue(Arrays.deepEquals(want.scores(l, h), got.scores(l, h)), "instance " + s + ": L" + l + "H" + h);
                }
            }
        }
    }

    /** QueryKeys.values is the value projection: zero exactly for the heads whose value columns were zeroed. */
    @Test
    void valuesAreTheValueProjection() throws Exception {
        Random rnd = new Random(77);
        boolean[][] zeroed = new boolean[LAYERS][TinyModel.HEADS];
        for (int h = 0; h < TinyModel.HEADS; h += 3) {
            zeroed[0][h] = true;
        }
        Encoding e = TinyModel.load(dir, model(5, (n, v) -> v)).encode(randomText(rnd));
        QueryKeys full = TinyModel.load(dir, model(5, (n, v) -> v)).queryKeys(e);
        QueryKeys edited = TinyModel.load(dir, model(5, zeroValues(zeroed))).queryKeys(e);
        for (int h = 0; h < TinyModel.HEADS; h++) {
            double[][] v = edited.values(0, h);
            assertEquals(e.length(), v.length);
            assertEquals(D, v[0].length);
            boolean allZero = Arrays.stream(v).allMatch(row -> Arrays.stream(row).allMatch(x -> x == 0));
            assertEquals(zeroed[0][h], allZero, "head " + h);
            if (!zeroed[0][h]) {
                assertTrue(Arrays.deepEquals(full.values(0, h), v), "head " + h + ": values of an untouched head");
            }
            assertTrue(Arrays.deepEquals(full.queries(0, h), edited.queries(0, h)), "head " + h + ": queries");
            assertTrue(Arrays.deepEquals(full.keys(0, h), edited.keys(0, h)), "head " + h + ": keys");
        }
    }

    @Test
    void removingNoHeadChangesNoBit() throws Exception {
        for (int s = 0; s < INSTANCES; s++) {
            Random rnd = new Random(s);
            Bert full = TinyModel.load(dir, model(s, (n, v) -> v));
            Encoding e = full.encode(randomText(rnd));
            AttentionTensor a = full.attention(e);
            for (Bert same : new Bert[] {full.withoutHeads(new boolean[LAYERS][TinyModel.HEADS]), full.withoutHeads(),
                full.withoutHeads(0, 17).withAllHeads()}) {
                assertEquals(0, same.removedHeadCount());
                assertArrayEquals(full.lastHiddenState(e), same.lastHiddenState(e), "instance " + s);
                AttentionTensor b = same.attention(e);
                for (int l = 0; l < LAYERS; l++) {
                    for (int h = 0; h < TinyModel.HEADS; h++) {
                        assertTrue(Arrays.deepEquals(a.probabilities(l, h), b.probabilities(l, h)));
                    }
                }
            }
        }
    }

    /**
     * Removing a head of layer $l$ changes nothing up to layer $l$'s attention (the head's own map
     * included: it is computed, then its output dropped), and changes every later layer's.
     */
    @Test
    void removalActsFromTheHeadsOutputOn() throws Exception {
        for (int s = 0; s < INSTANCES; s++) {
            Random rnd = new Random(s);
            int layer = rnd.nextInt(LAYERS - 1);
            int head = rnd.nextInt(TinyModel.HEADS);
            Bert full = TinyModel.load(dir, model(s, (n, v) -> v));
            Encoding e = full.encode(randomText(rnd));
            AttentionTensor a = full.attention(e);
            AttentionTensor b = full.withoutHeads(layer * TinyModel.HEADS + head).attention(e);
            for (int l = 0; l < LAYERS; l++) {
                boolean same = true;
                for (int h = 0; h < TinyModel.HEADS; h++) {
                    same &= Arrays.deepEquals(a.scores(l, h), b.scores(l, h));
                }
                assertEquals(l <= layer, same, "instance " + s + ": layer " + l + " after removing L" + layer + "H" + head);
            }
        }
    }
}
