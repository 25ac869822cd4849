package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
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
 *
 * <p>Colours: a matrix with entries of both signs (scores) is drawn on a blue-white-red scale centred at zero,
 * symmetric in $\pm\max|v|$, so white is 0; a matrix without negative entries (probabilities) on a white-to-red
 * scale from 0. {@link #boundaries(int)} draws the folders of the trees' coarsest levels as lines.
 */
public final class MatrixFigure implements Figure {

    private final double[][] m;
    private final String title;
    private final int[] rowOrder;
    private final int[] colOrder;
    private final double gamma;
    private final PartitionTree rowTree;
    private final PartitionTree colTree;
    private final int levels;

    private MatrixFigure(double[][] m, String title, int[] rowOrder, int[] colOrder, double gamma,
                         PartitionTree rowTree, PartitionTree colTree, int levels) {
        this.m = m;
        this.title = title;
        this.rowOrder = rowOrder;
        this.colOrder = colOrder;
        this.gamma = gamma;
        this.rowTree = rowTree;
        this.colTree = colTree;
        this.levels = levels;
    }

    /** The matrix in its own order. */
    public static MatrixFigure of(String title, double[][] m) {
        Check.finiteMatrix("m", m);
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return new MatrixFigure(c, title, identity(m.length), identity(m[0].length), 1, null, null, 0);
    }

    /** The same matrix with rows and columns in the leaf orders of the given trees. */
    public MatrixFigure organisedBy(PartitionTree rows, PartitionTree cols) {
        Check.notNull("rows", rows);
        Check.notNull("cols", cols);
        if (rows.size() != m.length || cols.size() != m[0].length) {
            throw new IllegalArgumentException("trees on " + rows.size() + " and " + cols.size() + " points for a "
                    + m.length + "x" + m[0].length + " matrix");
        }
        return new MatrixFigure(m, title, rows.order(), cols.order(), gamma, rows, cols, levels);
    }

    /**
     * The same figure with the boundaries of the folders of the {@code levels} coarsest levels of the trees
     * (depths 1 to {@code levels}) drawn as lines, thicker for coarser folders; needs {@link #organisedBy}.
     */
    public MatrixFigure boundaries(int levels) {
        if (levels < 0) {
            throw new IllegalArgumentException("levels = " + levels + " is negative");
        }
        if (levels > 0 && rowTree == null) {
            throw new IllegalArgumentException("folder boundaries need the trees: call organisedBy first");
        }
        return new MatrixFigure(m, title, rowOrder, colOrder, gamma, rowTree, colTree, levels);
    }

    /**
     * The same figure with the colours of $\mathrm{sign}(v) |v|^g$ instead of $v$ (the legend shows the
     * transformed values): $g = 1/2$ makes the small probabilities of an attention matrix visible.
     */
    public MatrixFigure gamma(double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma = " + gamma + " must be positive and finite");
        }
        return new MatrixFigure(m, title, rowOrder, colOrder, gamma, rowTree, colTree, levels);
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
        boolean diverging = lo < 0;
        if (diverging) {
            double a = Math.max(-lo, hi);
            lo = -a;
            hi = a;
        } else {
            lo = 0;
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("m", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        Scale scale = new Scale(lo, hi, diverging);
        renderer.setPaintScale(scale);
        NumberAxis x = new NumberAxis("column (tree order)");
        x.setRange(-0.5, c - 0.5);
        NumberAxis y = new NumberAxis("row (tree order)");
        y.setRange(-0.5, r - 0.5);
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        for (int level = levels; level >= 1; level--) {
            BasicStroke stroke = new BasicStroke(level == 1 ? 1.6f : level == 2 ? 1.0f : 0.6f);
            Color ink = level == 1 ? new Color(0x111111) : new Color(0x555555);
            for (double at : folderStarts(colTree, level)) {
                plot.addAnnotation(new XYLineAnnotation(at, -0.5, at, r - 0.5, stroke, ink));
            }
            for (double at : folderStarts(rowTree, level)) {
                plot.addAnnotation(new XYLineAnnotation(-0.5, at, c - 0.5, at, stroke, ink));
            }
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis());
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 4, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * The positions (between leaves) where the folders of the given depth begin and no coarser folder does
     * (the first position excluded).
     */
    private static double[] folderStarts(PartitionTree t, int depth) {
        java.util.Set<Integer> coarser = new java.util.HashSet<>();
        for (int v = 0; v < t.nodeCount(); v++) {
            if (t.depth(v) < depth) {
                coarser.add(t.folderStart(v));
            }
        }
        return java.util.stream.IntStream.range(0, t.nodeCount())
                .filter(v -> t.depth(v) == depth && !coarser.contains(t.folderStart(v)))
                .mapToDouble(v -> t.folderStart(v) - 0.5).distinct().toArray();
    }

    /** Blue-white-red from lo to hi (white at the middle, 0 when diverging), or white to red. */
    private record Scale(double lo, double hi, boolean diverging) implements PaintScale {
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
            if (!diverging) {
                t = 0.5 + t / 2;   // white -> dark red
            }
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
        return "MatrixFigure[" + title + ", " + rowOrder.length + "x" + colOrder.length + (gamma == 1 ? "" : ", gamma " + gamma)
                + (levels > 0 ? ", folder boundaries of " + levels + " levels" : "") + "]";
    }
}
