package io.github.attnlab.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
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
}
