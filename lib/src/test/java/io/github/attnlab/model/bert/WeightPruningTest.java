package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * Magnitude pruning of the attention weights on seeded random tiny models (2 layers, 12 heads of size 2), against
 * references pruned by hand in the weight files (by sorting each block's magnitudes, independently of the library's
 * quickselect) and loaded through the public API.
 */
class WeightPruningTest {

    private static final int LAYERS = 2;
    private static final int HIDDEN = 24;
    private static final int INTERMEDIATE = 48;
    private static final int D = HIDDEN / TinyModel.HEADS;
    private static final int INSTANCES = 12;
    private static final String[] MATRICES = {"attention.self.query.weight", "attention.self.key.weight",
        "attention.self.value.weight", "attention.output.dense.weight"};

    @TempDir
    Path dir;

    /** Keeps the ceil(density * size) largest magnitudes among the given indices of {@code v}. */
    private static void keepBySorting(float[] v, int[] idx, double density) {
        int keep = (int) Math.ceil(density * idx.length - 1e-9);
        Integer[] order = Arrays.stream(idx).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Float.compare(Math.abs(v[b]), Math.abs(v[a])));
        for (int r = keep; r < order.length; r++) {
            v[order[r]] = 0f;
        }
    }

    /** The hand-pruned file: each stored [in, out] attention matrix, per matrix or per head. */
    private static BiFunction<String, float[], float[]> pruneByHand(double density, PruningGranularity g) {
        return (name, v) -> {
            int m = -1;
            for (int i = 0; i < MATRICES.length; i++) {
                m = name.endsWith(MATRICES[i]) ? i : m;
            }
            if (m < 0) {
                return v;
            }
            float[] out = v.clone();
            if (g == PruningGranularity.MATRIX) {
                keepBySorting(out, java.util.stream.IntStream.range(0, out.length).toArray(), density);
                return out;
            }
            for (int a = 0; a < TinyModel.HEADS; a++) {
                int head = a;
                int[] idx = m < 3
                        ? java.util.stream.IntStream.range(0, HIDDEN * D).map(i -> (i / D) * HIDDEN + head * D + i % D).toArray()
                        : java.util.stream.IntStream.range(head * D * HIDDEN, (head + 1) * D * HIDDEN).toArray();
                keepBySorting(out, idx, density);
            }
            return out;
        };
    }

    private byte[] model(long seed, BiFunction<String, float[], float[]> edit) {
        return TinyModel.onnx(LAYERS, HIDDEN, INTERMEDIATE, seed, "", edit);
    }

    private static String randomText(Random rnd) {
        StringBuilder b = new StringBuilder();
        for (int i = 3 + rnd.nextInt(10); i > 0; i--) {
            b.append(rnd.nextBoolean() ? "hello " : "world ");
        }
        return b.toString();
    }

    @Test
    void pruningEqualsPruningTheWeightFilesByHand() throws Exception {
        double[] densities = {0.5, 0.1, 0.02, 0.003};
        for (int s = 0; s < INSTANCES; s++) {
            Random rnd = new Random(s);
            double density = densities[s % densities.length];
            PruningGranularity g = s % 2 == 0 ? PruningGranularity.MATRIX : PruningGranularity.HEAD;
            Bert full = TinyModel.load(dir, model(s, (n, v) -> v));
            Bert hand = TinyModel.load(dir, model(s, pruneByHand(density, g)));
            Bert pruned = full.withPrunedAttentionWeights(density, g);
            Encoding e = full.encode(randomText(rnd));
            String at = "instance " + s + ", density " + density + ", " + g;
            assertArrayEquals(hand.lastHiddenState(e), pruned.lastHiddenState(e), at);
            assertFalse(Arrays.equals(full.lastHiddenState(e), pruned.lastHiddenState(e)), at + ": nothing changed");
            AttentionTensor want = hand.attention(e);
            AttentionTensor got = pruned.attention(e);
            assertArrayEquals(want.scoresArray(), got.scoresArray(), at);
            int blocks = g == PruningGranularity.MATRIX ? LAYERS * 4 : LAYERS * 4 * TinyModel.HEADS;
            int blockSize = g == PruningGranularity.MATRIX ? HIDDEN * HIDDEN : HIDDEN * D;
            assertEquals((long) blocks * (long) Math.ceil(density * blockSize - 1e-9), pruned.attentionWeights(), at);
            assertEquals(4L * LAYERS * HIDDEN * HIDDEN, full.attentionWeights());
        }
    }

    @Test
    void densityOneChangesNoBitAndRemovedHeadsAreNotCounted() throws Exception {
        Bert full = TinyModel.load(dir, model(3, (n, v) -> v));
        Encoding e = full.encode("hello world hello");
        assertArrayEquals(full.lastHiddenState(e), full.withPrunedAttentionWeights(1).lastHiddenState(e));
        Bert fewer = full.withoutHeads(0, 1, 13);
        assertEquals(full.attentionWeights() * 21 / 24, fewer.attentionWeights());
        Bert both = fewer.withPrunedAttentionWeights(0.25, PruningGranularity.HEAD);
        assertEquals(21L * 4 * (HIDDEN * D / 4), both.attentionWeights());
        assertEquals(3, both.removedHeadCount());
    }

    @Test
    void aDensityOutsideTheUnitIntervalIsRefused() throws Exception {
        Bert full = TinyModel.load(dir, model(4, (n, v) -> v));
        for (double bad : new double[] {0, -0.1, 1.5, Double.NaN}) {
            var ex = assertThrows(IllegalArgumentException.class, () -> full.withPrunedAttentionWeights(bad));
            assertEquals("density = " + bad + " is outside (0, 1]", ex.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> full.withPrunedAttentionWeights(0.5, null));
    }

    @Test
    void quickselectFindsTheKthLargestWithTies() {
        Random r = new Random(5);
        for (int i = 0; i < 500; i++) {
            int n = 1 + r.nextInt(200);
            float[] x = new float[n];
            for (int j = 0; j < n; j++) {
                x[j] = r.nextInt(4) == 0 ? r.nextInt(3) : (float) r.nextGaussian();
            }
            int k = 1 + r.nextInt(n);
            float[] sorted = x.clone();
            Arrays.sort(sorted);
            assertEquals(sorted[n - k], WeightPruning.kthLargest(x.clone(), k), "n = " + n + ", k = " + k);
        }
    }

    @Test
    void tiesAtTheThresholdKeepExactlyTheQuota() {
        float[] a = {1, 2, 2, 2, 3, 0, 2, 1};
        WeightPruning.keepLargest(a, 0, 2, 4, 4, 0.5);
        assertArrayEquals(new float[] {0, 2, 2, 2, 3, 0, 0, 0}, a);
    }

    @Test
    void attentionChangeIsZeroAgainstItselfAndTheMeanTvOtherwise() throws Exception {
        Bert full = TinyModel.load(dir, model(6, (n, v) -> v));
        Encoding e = full.encode("hello world world hello");
        AttentionTensor a = full.attention(e);
        AttentionTensor b = full.withPrunedAttentionWeights(0.1).attention(e);
        assertEquals(0, AttentionChange.of(a, a, "same").max());
        AttentionChange c = AttentionChange.of(a, b, "pruned");
        int n = a.length();
        for (int l = 0; l < LAYERS; l++) {
            for (int h = 0; h < TinyModel.HEADS; h++) {
                double s = 0;
                for (int q = 0; q < n; q++) {
                    double[] p = a.probabilities(l, h, q);
                    double[] r = b.probabilities(l, h, q);
                    for (int k = 0; k < n; k++) {
                        s += 0.5 * Math.abs(p[k] - r[k]) / n;
                    }
                }
                assertEquals(s, c.tv()[l][h], 1e-6, "L" + l + "H" + h);
            }
        }
        assertTrue(c.mean() > 0);
        var ex = assertThrows(IllegalArgumentException.class,
                () -> AttentionChange.of(a, full.attention(full.encode("hello")), "other"));
        assertTrue(ex.getMessage().startsWith("the two attention tensors differ"));
    }
}
