package io.github.attnlab.plot;

import io.github.attnlab.core.Check;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
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


    private record Series(String name, double[] x, double[] y, boolean line, boolean points, boolean ring) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final boolean logX;
    private final boolean logY;
    private final boolean integerX;
    private final boolean integerY;

    private XYChart(String title, String xLabel, String yLabel, List<Series> series, boolean logX, boolean logY,
                    boolean integerX, boolean integerY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        this.logX = logX;
        this.logY = logY;
        this.integerX = integerX;
        this.integerY = integerY;
    }

    /** An empty chart with a title and axis labels. */
    public static XYChart of(String title, String xLabel, String yLabel) {
        return new XYChart(title, xLabel, yLabel, List.of(), false, false, false, false);
    }

    /** Adds a series drawn as a line through its points, in the given order. */
    public XYChart line(String name, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        return with(new Series(name, copy(name, x, y.length), y.clone(), true, false, false));
    }

    /** Adds a series drawn as unconnected points. */
    public XYChart points(String name, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        return with(new Series(name, copy(name, x, y.length), y.clone(), false, true, false));
    }

    /** Adds a series drawn as a line with a marker at each point. */
    public XYChart linePoints(String name, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        return with(new Series(name, copy(name, x, y.length), y.clone(), true, true, false));
    }

    /**
     * Adds a series drawn as open rings, larger than the points of {@link #points}: a series that often
     * coincides with another (a bound that is often attained) stays visible around it.
     */
    public XYChart rings(String name, double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        return with(new Series(name, copy(name, x, y.length), y.clone(), false, true, true));
    }

    /** A logarithmic x axis. */
    public XYChart logX() {
        return new XYChart(title, xLabel, yLabel, series, true, logY, integerX, integerY);
    }

    /** A logarithmic y axis. */
    public XYChart logY() {
        return new XYChart(title, xLabel, yLabel, series, logX, true, integerX, integerY);
    }

    /** Ticks of the x axis at whole numbers only (for counts such as k). */
    public XYChart integerX() {
        return new XYChart(title, xLabel, yLabel, series, logX, logY, true, integerY);
    }

    /** Ticks of the y axis at whole numbers only (for counts such as k). */
    public XYChart integerY() {
        return new XYChart(title, xLabel, yLabel, series, logX, logY, integerX, true);
    }

    private XYChart with(Series s) {
        List<Series> all = new ArrayList<>(series);
        all.add(s);
        return new XYChart(title, xLabel, yLabel, all, logX, logY, integerX, integerY);
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
            renderer.setSeriesShape(s, sr.ring() ? new Ellipse2D.Double(-4.5, -4.5, 9, 9)
                    : new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            renderer.setSeriesShapesFilled(s, !sr.ring());
            renderer.setSeriesStroke(s, new BasicStroke(sr.ring() ? 1.3f : 1.8f));
        }
        ValueAxis x = Style.axis(xLabel, logX);
        ValueAxis y = Style.axis(yLabel, logY);
        if (integerX && !logX) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (integerY && !logY) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
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
        return "XYChart[" + title + ", " + series.size() + " series" + (logX ? ", log x" : "") + (logY ? ", log y" : "")
                + "]";
    }
}
