package io.github.attnlab.plot;

import io.github.attnlab.core.Check;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * An immutable chart of means with symmetric error bars (lines through the means), linear or
 * logarithmic axes: {@code ErrorBarChart.of("MSE against N", "N", "MSE").series("softmax", n, mse, se).logX()}.
 */
public final class ErrorBarChart implements Figure {


    private record Series(String name, double[] x, double[] mean, double[] err) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final boolean logX;
    private final boolean logY;

    private ErrorBarChart(String title, String xLabel, String yLabel, List<Series> series, boolean logX, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        this.logX = logX;
        this.logY = logY;
    }

    /** An empty chart. */
    public static ErrorBarChart of(String title, String xLabel, String yLabel) {
        return new ErrorBarChart(title, xLabel, yLabel, List.of(), false, false);
    }

    /** Adds a series: means with bars of $\pm$ {@code err}. */
    public ErrorBarChart series(String name, double[] x, double[] mean, double[] err) {
        Check.notNull("x", x);
        Check.notNull("mean", mean);
        Check.notNull("err", err);
        if (mean.length != x.length || err.length != x.length) {
            throw new IllegalArgumentException("x, mean and err have lengths " + x.length + ", " + mean.length + " and "
                    + err.length + "; need one mean and one error per x");
        }
        List<Series> all = new ArrayList<>(series);
        all.add(new Series(name, x.clone(), mean.clone(), err.clone()));
        return new ErrorBarChart(title, xLabel, yLabel, all, logX, logY);
    }

    /** A logarithmic x axis. */
    public ErrorBarChart logX() {
        return new ErrorBarChart(title, xLabel, yLabel, series, true, logY);
    }

    /** A logarithmic y axis. */
    public ErrorBarChart logY() {
        return new ErrorBarChart(title, xLabel, yLabel, series, logX, true);
    }

    @Override
    public JFreeChart chart() {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        for (int s = 0; s < series.size(); s++) {
            Series sr = series.get(s);
            YIntervalSeries ys = new YIntervalSeries(sr.name());
            for (int i = 0; i < sr.x().length; i++) {
                double lo = sr.mean()[i] - sr.err()[i];
                if (logY && !(lo > 0)) {
                    lo = sr.mean()[i] * 0.5; // a bar reaching zero is drawn to half the mean on a log axis
                }
                ys.add(sr.x()[i], sr.mean()[i], lo, sr.mean()[i] + sr.err()[i]);
            }
            data.addSeries(ys);
            renderer.setSeriesPaint(s, Style.color(s));
            renderer.setSeriesLinesVisible(s, true);
            renderer.setSeriesShapesVisible(s, true);
            renderer.setSeriesStroke(s, new BasicStroke(1.6f));
        }
        XYPlot plot = new XYPlot(data, Style.axis(xLabel, logX), Style.axis(yLabel, logY), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }


    @Override
    public String toString() {
        return "ErrorBarChart[" + title + ", " + series.size() + " series]";
    }
}
