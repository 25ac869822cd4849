package io.github.attnlab.model.view;

import static io.github.attnlab.model.view.ViewFixtures.colored;
import static io.github.attnlab.model.view.ViewFixtures.count;
import static io.github.attnlab.model.view.ViewFixtures.dark;
import static io.github.attnlab.model.view.ViewFixtures.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.spectral.partition.Partition;
import io.github.attnlab.tree.PartitionTree;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The view's pictures, its data against the definitions of the supports, its HTML and its argument checks. */
class AttentionViewTest {

    /** Certified top-k tail mass may exceed ε by float32 rounding of the stored probabilities only. */
    private static final double MASS_TOL = 1e-5;
    /** Enough pixels to be text or lines, far above anti-aliasing noise (measured: thousands). */
    private static final int SOME_PIXELS = 150;

    private static final int LEFT0 = ViewPainter.PAD;
    private static final int LEFT1 = ViewPainter.PAD + ViewPainter.COLUMN;
    private static final int RIGHT0 = ViewPainter.PAD + ViewPainter.COLUMN + ViewPainter.GAP;
    private static final int RIGHT1 = RIGHT0 + ViewPainter.COLUMN;

    @Test
    void pngShowsTokensOnBothSidesAndLinesBetween() {
        AttentionTensor t = tensor(1, 2, 3, 16, 2.0);
        BufferedImage img = t.view(1, 2).png();
        int bottom = ViewPainter.height(16);
        assertEquals(ViewPainter.width(), img.getWidth());
        assertEquals(bottom, img.getHeight());
        assertTrue(dark(img, LEFT0, ViewPainter.TOP, LEFT1, bottom) > SOME_PIXELS, "query tokens");
        assertTrue(dark(img, RIGHT0, ViewPainter.TOP, RIGHT1, bottom) > SOME_PIXELS, "key tokens");
        assertTrue(colored(img, LEFT1 + 10, ViewPainter.TOP, RIGHT0 - 10, bottom) > 10 * SOME_PIXELS, "lines");
        // no line reaches P >= 1: the same picture without lines
        BufferedImage none = t.view(1, 2).minWeight(1.0).png();
        assertEquals(0, colored(none, LEFT1 + 10, ViewPainter.TOP, RIGHT0 - 10, bottom));
        assertTrue(dark(none, RIGHT0, ViewPainter.TOP, RIGHT1, bottom) > SOME_PIXELS);
    }

    @Test
    void overlaysColourTheirSupportOnly() {
        AttentionTensor t = tensor(2, 1, 2, 20, 3.0);
        int bottom = ViewPainter.height(20);
        BufferedImage plain = t.view(0, 1).png();
        BufferedImage topk = t.view(0, 1).topk(0.05).png();
        BufferedImage entmax = t.view(0, 1).entmax(1.5).png();
        int x0 = LEFT1 + 10;
        int x1 = RIGHT0 - 10;
        assertEquals(0, count(plain, x0, ViewPainter.TOP, x1, bottom, ViewPainter.TOPK, 20));
        assertTrue(count(topk, x0, ViewPainter.TOP, x1, bottom, ViewPainter.TOPK, 20) > SOME_PIXELS);
        assertEquals(0, count(topk, x0, ViewPainter.TOP, x1, bottom, ViewPainter.ENTMAX, 20));
        assertTrue(count(entmax, x0, ViewPainter.TOP, x1, bottom, ViewPainter.ENTMAX, 20) > SOME_PIXELS);
    }

    @Test
    void supportsAreCertifiedUpperSetsOfScoresInTheWindow() {
        Random r = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 8 + r.nextInt(40);
            AttentionTensor t = tensor(100 + trial, 2, 2, n, 0.5 + 3 * r.nextDouble());
            int from = r.nextInt(n / 2);
            int to = from + 1 + r.nextInt(n - from);
            double eps = 0.01 + 0.2 * r.nextDouble();
            ViewData d = ViewData.compute(t, new int[] {1}, from, to, 0.02, eps, 1.5);
            for (int h = 0; h < 2; h++) {
                for (int q = from; q < to; q++) {
                    double[] s = t.scores(1, h, q);
                    double[] p = t.probabilities(1, h, q);
                    int[] kept = d.topk[0][h][q - from];
                    int size = d.topkSize[0][h][q - from];
                    assertTrue(kept.length / 2 <= size && size <= n);
                    assertUpperSet(s, kept, from, to, size);
                    double tail = 1;
                    for (int k : topKeys(s, size)) {
                        tail -= p[k];
                    }
                    assertTrue(tail <= eps + MASS_TOL, "certified tail " + tail + " > eps " + eps);
                    for (int j = 0; j < kept.length; j += 2) {
                        assertEquals(Math.round(1000 * p[kept[j] + from]), kept[j + 1]);
                    }
                    assertUpperSet(s, d.entmax[0][h][q - from], from, to, d.entmaxSize[0][h][q - from]);
                    int[] lines = d.lines[0][h][q - from];
                    for (int j = 0; j < lines.length; j += 2) {
                        assertTrue(p[lines[j] + from] >= 0.02);
                    }
                }
            }
        }
    }

    /** The window's part of the {@code size} highest scores: every kept key outranks every dropped one. */
    private static void assertUpperSet(double[] s, int[] pairs, int from, int to, int size) {
        boolean[] in = new boolean[s.length];
        for (int j = 0; j < pairs.length; j += 2) {
            in[pairs[j] + from] = true;
        }
        int[] top = topKeys(s, size);
        for (int k = from; k < to; k++) {
            final int key = k;
            boolean expected = Arrays.stream(top).anyMatch(x -> x == key);
            if (expected != in[k] && s[k] != s[top[Math.max(0, size - 1)]]) {
                throw new AssertionError("key " + k + " support " + in[k] + ", among the top " + size + ": " + expected);
            }
        }
    }

    private static int[] topKeys(double[] s, int k) {
        return java.util.stream.IntStream.range(0, s.length).boxed()
                .sorted((a, b) -> Double.compare(s[b], s[a])).limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void treeOrderAndBlocksFollowTheirInputs() {
        AttentionTensor t = tensor(4, 1, 1, 10, 1.0);
        int[] order = {9, 3, 5, 0, 1, 8, 2, 7, 6, 4};
        AttentionView v = t.view().tokens(2, 8).tree(PartitionTree.dyadic(order));
        // window tokens 2..7 in the tree's order: 3, 5, 2, 7, 6, 4
        assertArrayEquals(new int[] {2, 0, 5, 1, 4, 3}, v.positions());
        int[] labels = {0, 0, 1, 1, 1, 2, 2, 0, 1, 2};
        assertArrayEquals(new int[] {1, 1, 1, 2, 2, 0}, v.partition(new Partition(3, labels)).blocks());
        String html = v.partition(new Partition(3, labels)).html();
        assertTrue(html.contains("\"order\":[2,0,5,1,4,3]"));
        assertTrue(html.contains("\"blocks\":[1,1,1,2,2,0]"));
    }

    @Test
    void htmlIsSelfContained() {
        AttentionTensor t = tensor(5, 2, 2, 12, 2.0);
        String html = t.view(1, 0).topk(0.1).entmax(2).html();
        for (int i = 1; i < 11; i++) {
            assertTrue(html.contains("word" + i), "token " + i);
        }
        // namespace names (xmlns) are identifiers, never fetched
        String stripped = html.replaceAll("xmlns(:\\w+)?=['\"][^'\"]*['\"]", "").replace("\"http://www.w3.org/2000/svg\"", "");
        for (String forbidden : new String[] {"http:", "https:", "src=", "<link", "@import", "url(", "fetch("}) {
            assertFalse(stripped.contains(forbidden), forbidden);
        }
        assertTrue(html.contains("<svg"), "static SVG");
        assertTrue(html.contains("\"overlay\":\"ENTMAX\""), "the last overlay set is shown first");
        assertEquals(2, html.split("<script", -1).length - 1, "the data and the script");
    }

    @Test
    void htmlEmbedsAllLayersOnlyWithinBudget() {
        assertArrayEquals(new int[] {0, 1, 2}, tensor(6, 3, 2, 10, 1.0).view(1, 0).embeddedLayers());
        AttentionTensor big = tensor(7, 12, 12, 96, 1.0);
        assertArrayEquals(new int[] {4}, big.view(4, 0).embeddedLayers());
        assertArrayEquals(new int[] {0, 4, 11}, big.view(4, 0).layers(11, 0).embeddedLayers());
        assertEquals(12, big.view(4, 0).tokens(0, 20).embeddedLayers().length);
    }

    @Test
    void badArgumentsAreNamed() {
        AttentionTensor t = tensor(8, 2, 3, 6, 1.0);
        assertEquals("layer = 2 is outside [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> t.view(2, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.view(0, 3));
        assertThrows(IllegalArgumentException.class, () -> t.view().tokens(3, 3));
        assertThrows(IllegalArgumentException.class, () -> t.view().tokens(0, 7));
        assertThrows(IllegalArgumentException.class, () -> t.view().topk(0));
        assertThrows(IllegalArgumentException.class, () -> t.view().entmax(1));
        assertThrows(IllegalArgumentException.class, () -> t.view().overlay(LineOverlay.TOPK));
        assertThrows(IllegalArgumentException.class, () -> t.view().partition(new Partition(2, new int[5])));
        assertThrows(IllegalArgumentException.class, () -> t.view().tree(PartitionTree.dyadic(5)));
        assertThrows(IllegalArgumentException.class, () -> t.view().layers());
        assertThrows(IllegalArgumentException.class, () -> t.view().minWeight(0));
        assertEquals("AttentionView[test-model, layer 1 head 2, tokens 0..6 of 6, top-k ε = 0.05]",
                t.view(1, 2).topk(0.05).toString());
    }
}
