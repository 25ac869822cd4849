package io.github.attnlab.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.junit.jupiter.api.Test;

class MatrixFigureTest {

    @Test
    void drawsInTreeOrderAndChecksShapes() {
        double[][] m = new double[6][5];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                m[i][j] = i - j;
            }
        }
        MatrixFigure f = MatrixFigure.of("m", m).organisedBy(PartitionTree.dyadic(6), PartitionTree.dyadic(5));
        assertEquals("MatrixFigure[m, 6x5, gamma 0.5]", f.gamma(0.5).toString());
        assertThrows(IllegalArgumentException.class, () -> f.gamma(0));
        BufferedImage img = f.png(300, 200);
        assertEquals(300, img.getWidth());
        assertTrue(f.toString().equals("MatrixFigure[m, 6x5]"));
        assertThrows(IllegalArgumentException.class, () -> MatrixFigure.of("m", m).organisedBy(PartitionTree.dyadic(5), PartitionTree.dyadic(5)));
        var e = assertThrows(IllegalArgumentException.class, () -> MatrixFigure.of("bad", new double[][] {{1, Double.NaN}}));
        assertEquals("m[0][1] is NaN", e.getMessage());
    }

    private static PaintScale scale(MatrixFigure f) {
        return ((XYBlockRenderer) f.chart().getXYPlot().getRenderer()).getPaintScale();
    }

    @Test
    void signedMatricesAreCentredAtZeroAndProbabilitiesStartAtWhite() {
        PaintScale signed = scale(MatrixFigure.of("s", new double[][] {{-1, 3}, {0.5, 2}}));
        assertEquals(-3, signed.getLowerBound(), 0);
        assertEquals(3, signed.getUpperBound(), 0);
        assertEquals(Color.WHITE, signed.getPaint(0));
        PaintScale p = scale(MatrixFigure.of("p", new double[][] {{0.2, 0.8}, {0.5, 0.5}}));
        assertEquals(0, p.getLowerBound(), 0);
        assertEquals(Color.WHITE, p.getPaint(0));
        assertEquals(((Color) p.getPaint(0.8)).getBlue() < 100, true, "the largest entry is red");
    }

    @Test
    void folderBoundariesAreDrawnBetweenTheFolders() {
        double[][] m = new double[8][4];
        PartitionTree rows = PartitionTree.dyadic(8);
        PartitionTree cols = PartitionTree.dyadic(4);
        XYPlot one = MatrixFigure.of("m", m).organisedBy(rows, cols).boundaries(1).chart().getXYPlot();
        assertEquals(2, one.getAnnotations().size(), "one boundary between the two halves of each axis");
        XYPlot two = MatrixFigure.of("m", m).organisedBy(rows, cols).boundaries(2).chart().getXYPlot();
        assertEquals(2 + 2 + 2, two.getAnnotations().size(), "halves, then the new quarter boundaries of 8 rows and 4 columns");
        assertThrows(IllegalArgumentException.class, () -> MatrixFigure.of("m", m).boundaries(1));
        assertThrows(IllegalArgumentException.class, () -> MatrixFigure.of("m", m).organisedBy(rows, cols).boundaries(-1));
    }

    @Test
    void treeLeavesCarryTheirLabelsInLeafOrder() {
        PartitionTree t = PartitionTree.dyadic(new int[] {2, 0, 3, 1});
        XYPlot plot = t.figure().labels(List.of("a", "b", "c", "d")).chart().getXYPlot();
        SymbolAxis axis = (SymbolAxis) plot.getDomainAxis();
        assertEquals(List.of("c", "a", "d", "b"), List.of(axis.getSymbols()));
        assertThrows(IllegalArgumentException.class, () -> t.figure().labels(List.of("a")));
    }
}
