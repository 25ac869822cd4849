package io.github.attnlab.plot;

import io.github.attnlab.core.Check;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * An immutable x–y chart: lines and point clouds, linear or logarithmic axes.
 *
 * <p>Every method returns a new chart, so a notebook cell can be re-run without side effects:
 * {@code XYChart.of("τ against k", "k", "τ").line("true τ", ks, tau).logY().png()}.
 * On a logarithmic axis, points with non-positive coordinates are left out (and counted in the
 * series name) rather than silently clipped.
 */
public final class XYChart implements Figure {


    private record Series(String name, double[] x, double[] y, boolean line, boolean points) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final boolean logX;
    private final boolean logY;

    private XYChart(String title, String xLabel, String yLabel, List<Series> series, boolean logX, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        this.logX = logX;
        this.logY = logY;
    }

    /** An empty chart with a title and axis labels. */
    public static XYChart of(String title, String xLabel, String yLabel) {
        return new XYChart(title, xLabel, yLabel, List.of(), false, false);
    }

    /** Adds a series drawn as a line through its points, in the given order. */
    public XYChart line(String name, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        return with(new Series(name, copy(name, x, y.length), y.clone(), true, false));
    }

    /** Adds a series drawn as unconnected points. */
    public XYChart points(String name, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        return with(new Series(name, copy(name, x, y.length), y.clone(), false, true));
    }

    /** Adds a series drawn as a line with a marker at each point. */
    public XYChart linePoints(String name, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        return with(new Series(name, copy(name, x, y.length), y.clone(), true, true));
    }

    /** A logarithmic x axis. */
    public XYChart logX() {
        return new XYChart(title, xLabel, yLabel, series, true, logY);
    }

    /** A logarithmic y axis. */
    public XYChart logY() {
        return new XYChart(title, xLabel, yLabel, series, logX, true);
    }

    private XYChart with(Series s) {
        List<Series> all = new ArrayList<>(series);
        all.add(s);
        return new XYChart(title, xLabel, yLabel, all, logX, logY);
    }

    private static double[] copy(String name, double[] x, int n) {
        if (x.length != n) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + n + " y values");
        }
        return x.clone();
    }

    @Override
    public JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int s = 0; s < series.size(); s++) {
            Series sr = series.get(s);
            int dropped = 0;
            for (int i = 0; i < sr.x().length; i++) {
                if (!drawable(sr.x()[i], sr.y()[i])) {
                    dropped++;
                }
            }
            XYSeries xy = new XYSeries(dropped == 0 ? sr.name() : sr.name() + " (" + dropped + " points not drawable)",
                    false, true);
            for (int i = 0; i < sr.x().length; i++) {
                if (drawable(sr.x()[i], sr.y()[i])) {
                    xy.add(sr.x()[i], sr.y()[i]);
                }
            }
            data.addSeries(xy);
            Color c = Style.color(s);
            renderer.setSeriesPaint(s, c);
            renderer.setSeriesLinesVisible(s, sr.line());
            renderer.setSeriesShapesVisible(s, sr.points());
            renderer.setSeriesShape(s, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            renderer.setSeriesStroke(s, new BasicStroke(1.8f));
        }
        XYPlot plot = new XYPlot(data, Style.axis(xLabel, logX), Style.axis(yLabel, logY), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private boolean drawable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
    }


    @Override
    public String toString() {
        return "XYChart[" + title + ", " + series.size() + " series" + (logX ? ", log x" : "") + (logY ? ", log y" : "") + "]";
    }
}
