package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.Style;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A dendrogram of a {@link PartitionTree}: root at the top, leaves at the bottom in leaf order,
 * each folder drawn at its depth. Immutable; {@link #groups(int[])} colours the leaves by a
 * labelling of the points (for example the ground-truth groups of synthetic data), and
 * {@link #labels(java.util.List)} writes each point's name (for example its token) under its leaf.
 */
public final class TreeFigure implements Figure {


    private final PartitionTree tree;
    private final String title;
    private final int[] groups;
    private final String[] names;
    private final String[] leafLabels;

    private TreeFigure(PartitionTree tree, String title, int[] groups, String[] names, String[] leafLabels) {
        this.tree = tree;
        this.title = title;
        this.groups = groups;
        this.names = names;
        this.leafLabels = leafLabels;
    }

    /** The dendrogram of {@code tree}, with a default title. */
    public static TreeFigure of(PartitionTree tree) {
        Check.notNull("tree", tree);
        return new TreeFigure(tree, tree.toString(), null, null, null);
    }

    /** The same figure with another title. */
    public TreeFigure title(String t) {
        return new TreeFigure(tree, t, groups, names, leafLabels);
    }

    /**
     * The same figure with point {@code p} named {@code labels.get(p)} under its leaf (written vertically, in
     * leaf order; for example the tokens of a query or key tree).
     */
    public TreeFigure labels(java.util.List<String> labels) {
        Check.notNull("labels", labels);
        if (labels.size() != tree.size()) {
            throw new IllegalArgumentException("labels has " + labels.size() + " names for " + tree.size() + " points");
        }
        int[] order = tree.order();
        String[] byLeaf = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            byLeaf[i] = String.valueOf(labels.get(order[i]));
        }
        return new TreeFigure(tree, title, groups, names, byLeaf);
    }

    /**
     * The same figure with leaf {@code p} marked in the colour of {@code groups[p]} (labels from 0), the
     * legend naming group {@code g} {@code names[g]} when given.
     */
    public TreeFigure groups(int[] labels, String... groupNames) {
        Check.notNull("labels", labels);
        Check.notNull("groupNames", groupNames);
        if (labels.length != tree.size()) {
            throw new IllegalArgumentException("groups has " + labels.length + " labels for " + tree.size() + " points");
        }
        for (int p = 0; p < labels.length; p++) {
            if (labels[p] < 0) {
                throw new IllegalArgumentException("labels[" + p + "] = " + labels[p] + " is negative");
            }
        }
        return new TreeFigure(tree, title, labels.clone(), groupNames.length == 0 ? null : groupNames.clone(),
                leafLabels);
    }

    @Override
    public JFreeChart chart() {
        int nodes = tree.nodeCount();
        double[] x = new double[nodes];
        for (int v = nodes - 1; v >= 0; v--) {
            x[v] = tree.folderStart(v) + (tree.folderSize(v) - 1) / 2.0;
        }
        int depth = tree.depth();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        if (groups != null) {
            int max = java.util.Arrays.stream(groups).max().orElse(0);
            for (int g = 0; g <= max; g++) {
                XYSeries s = new XYSeries(names != null && g < names.length ? names[g] : "group " + g);
                for (int p = 0; p < groups.length; p++) {
                    if (groups[p] == g) {
                        s.add(tree.folderStart(tree.leaf(p)), depth + 0.35);
                    }
                }
                data.addSeries(s);
                renderer.setSeriesPaint(g, Style.color(g));
                renderer.setSeriesShape(g, new Ellipse2D.Double(-3, -3, 6, 6));
            }
        }
        NumberAxis xAxis;
        if (leafLabels != null) {
            SymbolAxis symbols = new SymbolAxis("points in leaf order", leafLabels);
            symbols.setVerticalTickLabels(true);
            symbols.setGridBandsVisible(false);
            symbols.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, tree.size() > 64 ? 8 : 10));
            xAxis = symbols;
        } else {
            xAxis = new NumberAxis("points in leaf order");
        }
        xAxis.setRange(-1, tree.size());
        NumberAxis yAxis = new NumberAxis("depth");
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        yAxis.setRange(-0.3, depth + 0.7);
        yAxis.setInverted(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        BasicStroke stroke = new BasicStroke(1.0f);
        Color ink = new Color(0x333333);
        for (int v = 0; v < nodes; v++) {
            int k = tree.childCount(v);
            if (k == 0) {
                continue;
            }
            int first = tree.firstChild(v);
            double y = tree.depth(v);
            plot.addAnnotation(new XYLineAnnotation(x[first], y, x[first + k - 1], y, stroke, ink));
            for (int c = first; c < first + k; c++) {
                double yc = tree.childCount(c) == 0 ? depth : tree.depth(c);
                plot.addAnnotation(new XYLineAnnotation(x[c], y, x[c], yc, stroke, ink));
            }
        }
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, groups != null);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    @Override
    public String toString() {
        return "TreeFigure[" + title + "]";
    }
}
