package io.github.attnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;

/** XYChart: rings stay visible around coinciding points, whole-number ticks, points a log axis cannot draw. */
class XYChartTest {

    @Test
    void ringsAreOpenAndLargerThanPoints() {
        double[] x = {1, 2, 3};
        XYPlot plot = XYChart.of("t", "x", "y").points("p", x, x).rings("r", x, x).chart().getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        assertTrue(r.getSeriesShapesFilled(0));
        assertFalse(r.getSeriesShapesFilled(1));
        Rectangle2D point = r.getSeriesShape(0).getBounds2D();
        Rectangle2D ring = r.getSeriesShape(1).getBounds2D();
        assertTrue(ring.getWidth() > point.getWidth());
        assertFalse(r.getSeriesLinesVisible(1));
    }

    @Test
    void integerTicksOnRequest() {
        double[] x = {1, 2};
        XYPlot plain = XYChart.of("t", "x", "y").points("p", x, x).chart().getXYPlot();
        XYPlot whole = XYChart.of("t", "x", "y").points("p", x, x).integerX().integerY().chart().getXYPlot();
        double fine = ((NumberAxis) plain.getRangeAxis()).getStandardTickUnits().getCeilingTickUnit(0.3).getSize();
        double integer = ((NumberAxis) whole.getRangeAxis()).getStandardTickUnits().getCeilingTickUnit(0.3).getSize();
        assertTrue(fine < 1, "default ticks go below 1: " + fine);
        assertEquals(1, integer, 0);
        assertEquals(1, ((NumberAxis) whole.getDomainAxis()).getStandardTickUnits().getCeilingTickUnit(0.3).getSize(), 0);
    }

    @Test
    void pointsALogAxisCannotDrawAreCountedInTheLegend() {
        XYPlot plot = XYChart.of("t", "x", "y").points("p", new double[] {0, 1, 2}, new double[] {1, 1, 1}).logX()
                .chart().getXYPlot();
        assertEquals("p (1 points not drawable)", plot.getDataset().getSeriesKey(0));
        assertThrows(IllegalArgumentException.class, () -> XYChart.of("t", "x", "y").line("l", new double[2], new double[3]));
    }
}
