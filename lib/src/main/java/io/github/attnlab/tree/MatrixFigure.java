package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A matrix as a heat map, its rows and columns optionally put in the leaf order of partition trees:
 * an organised matrix looks smooth in the order of its trees (docs/papers/C.md §C.2). Immutable.
 */
public final class MatrixFigure implements Figure {

    private final double[][] m;
    private final String title;
    private final int[] rowOrder;
    private final int[] colOrder;
    private final double gamma;

    private MatrixFigure(double[][] m, String title, int[] rowOrder, int[] colOrder, double gamma) {
        this.m = m;
        this.title = title;
        this.rowOrder = rowOrder;
        this.colOrder = colOrder;
        this.gamma = gamma;
    }

    /** The matrix in its own order. */
    public static MatrixFigure of(String title, double[][] m) {
        Check.finiteMatrix("m", m);
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return new MatrixFigure(c, title, identity(m.length), identity(m[0].length), 1);
    }

    /** The same matrix with rows and columns in the leaf orders of the given trees. */
    public MatrixFigure organisedBy(PartitionTree rows, PartitionTree cols) {
        Check.notNull("rows", rows);
        Check.notNull("cols", cols);
        if (rows.size() != m.length || cols.size() != m[0].length) {
            throw new IllegalArgumentException("trees on " + rows.size() + " and " + cols.size() + " points for a "
                    + m.length + "x" + m[0].length + " matrix");
        }
        return new MatrixFigure(m, title, rows.order(), cols.order(), gamma);
    }

    /**
     * The same figure with the colours of $\mathrm{sign}(v) |v|^g$ instead of $v$ (the legend shows the
     * transformed values): $g = 1/2$ makes the small probabilities of an attention matrix visible.
     */
    public MatrixFigure gamma(double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma = " + gamma + " must be positive and finite");
        }
        return new MatrixFigure(m, title, rowOrder, colOrder, gamma);
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    @Override
    public JFreeChart chart() {
        int r = rowOrder.length;
        int c = colOrder.length;
        double[][] xyz = new double[3][r * c];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double raw = m[rowOrder[i]][colOrder[j]];
                double v = gamma == 1 ? raw : Math.signum(raw) * Math.pow(Math.abs(raw), gamma);
                int k = i * c + j;
                xyz[0][k] = j;
                xyz[1][k] = i;
                xyz[2][k] = v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("m", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        Scale scale = new Scale(lo, hi);
        renderer.setPaintScale(scale);
        NumberAxis x = new NumberAxis("column (tree order)");
        x.setRange(-0.5, c - 0.5);
        NumberAxis y = new NumberAxis("row (tree order)");
        y.setRange(-0.5, r - 0.5);
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis());
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 4, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A blue-white-red scale from lo to hi. */
    private record Scale(double lo, double hi) implements PaintScale {
        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double v) {
            double t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
            // dark blue -> white -> dark red
            if (t < 0.5) {
                double s = t / 0.5;
                return new Color((int) (30 + 225 * s), (int) (60 + 195 * s), (int) (140 + 115 * s));
            }
            double s = (t - 0.5) / 0.5;
            return new Color((int) (255 - 75 * s), (int) (255 - 225 * s), (int) (255 - 215 * s));
        }
    }

    @Override
    public String toString() {
        return "MatrixFigure[" + title + ", " + rowOrder.length + "x" + colOrder.length + (gamma == 1 ? "" : ", gamma " + gamma) + "]";
    }
}
