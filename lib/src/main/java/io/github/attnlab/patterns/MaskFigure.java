package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.Style;
import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A picture of masks: query $k$ downwards, key $j$ to the right, one colour per layer (overlaps mix). Above
 * {@value #MAX_CELLS} tokens, cells of $b \times b$ pairs are drawn with the fraction of allowed pairs as the
 * colour's strength. Immutable.
 */
public final class MaskFigure implements Figure {

    /** The most cells drawn along each axis. */
    public static final int MAX_CELLS = 256;

    private final String title;
    private final int n;
    private final int bin;
    private final int cells;
    private final float[][] density;

    private MaskFigure(String title, int n, int bin, int cells, float[][] density) {
        this.title = title;
        this.n = n;
        this.bin = bin;
        this.cells = cells;
        this.density = density;
    }

    /** A picture of one mask. */
    public static MaskFigure of(String title, AttentionMask mask) {
        Check.notNull("mask", mask);
        return of(title, mask.size(), new long[][] {Combine.words(mask)});
    }

    /**
     * A picture of a mask with queries and keys in the given order: cell $(p, q)$ shows whether query
     * {@code order[p]} may attend to key {@code order[q]} (e.g. {@code Partition.order()}, which makes blocks
     * diagonal).
     */
    public static MaskFigure of(String title, AttentionMask mask, int[] order) {
        Check.notNull("mask", mask);
        Check.notNull("order", order);
        int n = mask.size();
        Check.size("order.length", order.length, n);
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            Check.index("order[" + i + "]", order[i], n);
            if (seen[order[i]]) {
                throw new IllegalArgumentException("order is not a permutation: " + order[i] + " appears twice");
            }
            seen[order[i]] = true;
        }
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[order[p]] = p;
        }
        long[] src = Combine.words(mask);
        int w = Words.words(n);
        long[] words = new long[n * w];
        for (int p = 0; p < n; p++) {
            for (int j : Words.indices(src, order[p] * w, w)) {
                Words.set(words, p * w, position[j]);
            }
        }
        return of(title, n, new long[][] {words});
    }

    static MaskFigure of(String title, int n, long[][] layers) {
        int bin = (n + MAX_CELLS - 1) / MAX_CELLS;
        int cells = (n + bin - 1) / bin;
        int w = Words.words(n);
        float[][] d = new float[layers.length][cells * cells];
        for (int l = 0; l < layers.length; l++) {
            for (int k = 0; k < n; k++) {
                for (int j : Words.indices(layers[l], k * w, w)) {
                    d[l][(k / bin) * cells + j / bin] += 1f;
                }
            }
            for (int r = 0; r < cells; r++) {
                for (int c = 0; c < cells; c++) {
                    int rows = Math.min(n, (r + 1) * bin) - r * bin;
                    int cols = Math.min(n, (c + 1) * bin) - c * bin;
                    d[l][r * cells + c] /= rows * cols;
                }
            }
        }
        return new MaskFigure(title, n, bin, cells, d);
    }

    /** The fraction of allowed pairs in cell (row, col) of layer {@code layer}. */
    public double density(int layer, int row, int col) {
        Check.index("layer", layer, density.length);
        Check.index("row", row, cells);
        Check.index("col", col, cells);
        return density[layer][row * cells + col];
    }

    @Override
    public JFreeChart chart() {
        int size = cells * cells;
        double[] x = new double[size];
        double[] y = new double[size];
        double[] z = new double[size];
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                int i = r * cells + c;
                x[i] = (c + 0.5) * bin - 0.5;
                y[i] = (r + 0.5) * bin - 0.5;
                z[i] = rgb(i);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("mask", new double[][] {x, y, z});
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(bin);
        renderer.setBlockHeight(bin);
        renderer.setPaintScale(new RgbScale());
        NumberAxis xAxis = new NumberAxis("key j");
        NumberAxis yAxis = new NumberAxis("query k");
        xAxis.setRange(-0.5, n - 0.5);
        yAxis.setRange(-0.5, n - 0.5);
        yAxis.setInverted(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        LegendItemCollection legend = new LegendItemCollection();
        for (int l = 0; l < density.length; l++) {
            legend.add(new LegendItem("layer " + (l + 1), color(l)));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(title + (bin > 1 ? " (cells of " + bin + "x" + bin + ")" : ""),
                JFreeChart.DEFAULT_TITLE_FONT, plot, density.length > 1);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** White, darkened towards each layer's colour by that layer's density (multiplicative, so overlaps mix). */
    private int rgb(int cell) {
        double r = 1;
        double g = 1;
        double b = 1;
        for (int l = 0; l < density.length; l++) {
            double f = density[l][cell] == 0 ? 0 : 0.25 + 0.75 * density[l][cell];
            Color c = color(l);
            r *= 1 - f * (1 - c.getRed() / 255.0);
            g *= 1 - f * (1 - c.getGreen() / 255.0);
            b *= 1 - f * (1 - c.getBlue() / 255.0);
        }
        return ((int) Math.round(255 * r) << 16) | ((int) Math.round(255 * g) << 8) | (int) Math.round(255 * b);
    }

    private static Color color(int layer) {
        return Style.color(layer);
    }

    /** Decodes the RGB value stored as the z coordinate. */
    private static final class RgbScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 0xFFFFFF;
        }

        @Override
        public Paint getPaint(double value) {
            return new Color((int) value);
        }
    }

    @Override
    public String toString() {
        return "MaskFigure[" + title + ", " + density.length + " layer(s), " + cells + "x" + cells + " cells]";
    }
}
