package io.github.attnlab.spectral.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixRMaj;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.junit.jupiter.api.Test;

class SparseMatrixTest {

    private static final double EXACT = 0.0;
    private static final double ROUNDING = 1e-12;

    @Test
    void builderSumsDuplicatesSortsAndDropsZeros() {
        SparseMatrix m = SparseMatrix.builder(2, 3).add(1, 2, 1.5).add(0, 1, 2).add(1, 0, -1).add(1, 2, 0.5)
                .add(0, 2, 3).add(0, 2, -3).build();
        assertEquals(3, m.nonZeros()); // (0,1), (1,0), (1,2); (0,2) cancelled
        assertEquals(2.0, m.get(0, 1), EXACT);
        assertEquals(2.0, m.get(1, 2), EXACT);
        assertEquals(0.0, m.get(0, 2), EXACT);
        assertArrayEquals(new double[][] {{0, 2, 0}, {-1, 0, 2}}, m.toDense());
        assertEquals(0, m.column(m.rowStart(1)));
    }

    @Test
    void productTransposeAndEjmlAgreeWithDenseOnRandomMatrices() {
        Random r = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            int rows = 1 + r.nextInt(40);
            int cols = 1 + r.nextInt(40);
            double[][] a = new double[rows][cols];
            for (double[] row : a) {
                for (int j = 0; j < cols; j++) {
                    row[j] = r.nextDouble() < 0.3 ? r.nextGaussian() : 0;
                }
            }
            a[0][0] = 1; // at least one entry
            SparseMatrix m = SparseMatrix.fromDense(a);
            double[] x = new double[cols];
            for (int j = 0; j < cols; j++) {
                x[j] = r.nextGaussian();
            }
            double[] y = m.multiply(x);
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    s += a[i][j] * x[j];
                }
                assertEquals(s, y[i], ROUNDING * (1 + Math.abs(s)));
            }
            double[][] t = m.transpose().toDense();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    assertEquals(a[i][j], t[j][i], EXACT);
                }
            }
            DMatrixSparseCSC e = m.toEjml();
            DMatrixRMaj ex = new DMatrixRMaj(cols, 1, true, x);
            DMatrixRMaj ey = new DMatrixRMaj(rows, 1);
            CommonOps_DSCC.mult(e, ex, ey);
            for (int i = 0; i < rows; i++) {
                assertEquals(ey.get(i, 0), y[i], ROUNDING * (1 + Math.abs(y[i])));
            }
            assertArrayEquals(a, SparseMatrix.fromEjml(e).toDense());
        }
    }

    @Test
    void symmetryCheck() {
        SparseMatrix s = SparseMatrix.fromDense(new double[][] {{1, 2}, {2, 3}});
        SparseMatrix n = SparseMatrix.fromDense(new double[][] {{1, 2}, {2.1, 3}});
        assertTrue(s.isSymmetric(0));
        assertFalse(n.isSymmetric(0.05));
        assertTrue(n.isSymmetric(0.2));
    }

    @Test
    void badInputNamesTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseMatrix.fromDense(new double[][] {{1, Double.NaN}, {0, 1}}));
        assertTrue(e.getMessage().contains("[0][1] is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseMatrix.fromDense(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("is ragged"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparseMatrix.builder(2, 2).add(2, 0, 1));
        assertTrue(e.getMessage().contains("i = 2 is outside [0, 1]"), e.getMessage());
        SparseMatrix m = SparseMatrix.fromDense(new double[][] {{1, 2}, {3, 4}});
        e = assertThrows(IllegalArgumentException.class, () -> m.multiply(new double[3]));
        assertTrue(e.getMessage().contains("x has length 3"), e.getMessage());
    }
}
