package io.github.attnlab.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticAttentionTest {

    private static final double ROUNDING = 1e-12;

    @Test
    void headsAreRowStochasticReproducibleAndStructured() {
        SyntheticAttention s = SyntheticAttention.of(64).withLocality(4).withSegments(4, 2).withSeed(5);
        SyntheticAttention.Head h = s.generate();
        for (double[] row : h.attention()) {
            assertEquals(1.0, java.util.Arrays.stream(row).sum(), ROUNDING);
        }
        assertArrayEquals(h.attention()[7], s.generate().attention()[7], 0.0);
        double in = 0;
        double out = 0;
        double[][] a = h.attention();
        int[] seg = h.segment();
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) {
                if (seg[i] == seg[j]) {
                    in += a[i][j];
                } else {
                    out += a[i][j];
                }
            }
        }
        assertTrue(in > 2 * out, "segments attend within: " + in + " vs " + out);
    }

    @Test
    void outputAndItsErrorAgainstDenseProducts() {
        Random r = new Random(2);
        SyntheticAttention.Head h = SyntheticAttention.of(40).withSeed(9).generate();
        double[][] a = h.attention();
        double[][] v = h.values();
        WeightedGraph g = AttentionGraphs.directed(a);
        double[][] out = AttentionOutput.apply(g, v);
        for (int i = 0; i < 40; i++) {
            for (int t = 0; t < v[0].length; t++) {
                double s = 0;
                for (int j = 0; j < 40; j++) {
                    s += a[i][j] * v[j][t];
                }
                assertEquals(s, out[i][t], ROUNDING);
            }
        }
        assertEquals(0, AttentionOutput.relativeError(g, g, v), ROUNDING);
        assertTrue(AttentionOutput.relativeError(g, g.topKPerRow(1 + r.nextInt(5)), v) > 0);
    }

    @Test
    void heatmapDraws() {
        double[][] a = SyntheticAttention.of(32).generate().attention();
        int[] order = java.util.stream.IntStream.range(0, 32).map(i -> 31 - i).toArray();
        Heatmap h = Heatmap.reordered("reversed", a, order).logScale().withBoundaries(new int[] {16});
        BufferedImage img = h.png(200, 160);
        assertEquals(200, img.getWidth());
        assertTrue(h.svg(200, 160).contains("<svg"));
        assertTrue(h.toString().contains("32x32, log scale, 1 boundaries"), h.toString());
    }
}
