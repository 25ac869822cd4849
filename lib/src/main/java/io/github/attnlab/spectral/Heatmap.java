package io.github.attnlab.spectral;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * An immutable heat map of a matrix (row $i$ drawn downwards, column $j$ to the right), optionally
 * on a $\log_{10}$ scale and with block boundaries: an attention matrix before and after its
 * tokens are reordered by a partition.
 */
public final class Heatmap implements Figure {

    private final String title;
    private final double[][] values;
    private final boolean log;
    private final int[] boundaries;

    private Heatmap(String title, double[][] values, boolean log, int[] boundaries) {
        this.title = title;
        this.values = values;
        this.log = log;
        this.boundaries = boundaries;
    }

    /** A heat map of a rectangular finite matrix (copied). */
    public static Heatmap of(String title, double[][] matrix) {
        int r = Check.rectangular("matrix", matrix);
        double[][] copy = new double[r][];
        for (int i = 0; i < r; i++) {
            copy[i] = matrix[i].clone();
            for (int j = 0; j < copy[i].length; j++) {
                Check.finite("matrix", i, j, copy[i][j]);
            }
        }
        return new Heatmap(title, copy, false, new int[0]);
    }

    /** The matrix with rows and columns permuted: entry $(p, q)$ is $m_{order_p, order_q}$. */
    public static Heatmap reordered(String title, double[][] matrix, int[] order) {
        Check.notNull("order", order);
        int n = Check.square("matrix", matrix);
        if (order.length != n) {
            throw new IllegalArgumentException("order has length " + order.length + ", need " + n);
        }
        Check.permutation("order", order, n);
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i][j] = matrix[order[i]][order[j]];
            }
        }
        return of(title, p);
    }

    /** Colours by $\log_{10}(\max(v, 10^{-6}\max|v|))$. */
    public Heatmap logScale() {
        return new Heatmap(title, values, true, boundaries);
    }

    /** Draws lines before the given row/column positions (e.g. {@code Partition.blockStarts()}). */
    public Heatmap withBoundaries(int[] positions) {
        Check.notNull("positions", positions);
        return new Heatmap(title, values, log, positions.clone());
    }

    @Override
    public JFreeChart chart() {
        int rows = values.length;
        int cols = values[0].length;
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double floor = max > 0 ? 1e-6 * max : 1e-300;
        double[] x = new double[rows * cols];
        double[] y = new double[rows * cols];
        double[] z = new double[rows * cols];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int t = i * cols + j;
                x[t] = j;
                y[t] = i;
                z[t] = log ? Math.log10(Math.max(values[i][j], floor)) : values[i][j];
                lo = Math.min(lo, z[t]);
                hi = Math.max(hi, z[t]);
            }
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.WHITE);
        for (int s = 0; s <= 64; s++) {
            float f = s / 64f;
            scale.add(lo + (hi - lo) * f, new Color(1 - f * 0.9f, 1 - f * 0.75f, 1 - f * 0.35f));
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("matrix", new double[][] {x, y, z});
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        NumberAxis xAxis = new NumberAxis("key (column)");
        NumberAxis yAxis = new NumberAxis("query (row)");
        xAxis.setRange(-0.5, cols - 0.5);
        yAxis.setRange(-0.5, rows - 0.5);
        yAxis.setInverted(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        for (int b : boundaries) {
            plot.addDomainMarker(new ValueMarker(b - 0.5, Color.RED, new BasicStroke(1f)));
            plot.addRangeMarker(new ValueMarker(b - 0.5, Color.RED, new BasicStroke(1f)));
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis(log ? "log10 value" : "value");
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    @Override
    public String toString() {
        return "Heatmap[" + title + ", " + values.length + "x" + values[0].length + (log ? ", log scale" : "")
                + (boundaries.length > 0 ? ", " + boundaries.length + " boundaries" : "") + "]";
    }
}
