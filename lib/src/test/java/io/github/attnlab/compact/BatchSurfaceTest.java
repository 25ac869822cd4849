package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The allocation-free surface agrees with the fluent one, writes only its row and never its inputs. */
class BatchSurfaceTest {

    @Test
    void rowsOfAMatrixMatchTheFluentResults() {
        Random r = new Random(41);
        int rows = 17;
        int cols = 33;
        for (Normalizer nz : RandomRows.all()) {
            double[] z = new double[rows * cols];
            for (int i = 0; i < z.length; i++) {
                z[i] = 3 * r.nextGaussian();
            }
            z[5] = Double.NEGATIVE_INFINITY;
            double[] before = z.clone();
            double[] out = new double[z.length];
            double[] tau = new double[rows];
            nz.applyRows(z, out, rows, cols, tau);
            assertArrayEquals(before, z, 0.0, nz + " modified its input");
            for (int row = 0; row < rows; row++) {
                Normalized f = nz.apply(Arrays.copyOfRange(z, row * cols, (row + 1) * cols));
                assertArrayEquals(f.probabilities(), Arrays.copyOfRange(out, row * cols, (row + 1) * cols), 0.0, nz + " row " + row);
                assertEquals(f.threshold(), tau[row], 0.0);
            }
        }
    }

    @Test
    void operationsWriteOnlyTheirRange() {
        double[] z = {9, 1, 2, 3, 9};
        for (Normalizer nz : RandomRows.all()) {
            double[] out = {-7, -7, -7, -7, -7};
            nz.apply(z, out, 1, 3);
            assertEquals(-7, out[0], 0.0, nz.name());
            assertEquals(-7, out[4], 0.0, nz.name());
            double[] g = {5, 1, -1, 2, 5};
            double[] p = out.clone();
            double[] grad = {-7, -7, -7, -7, -7};
            nz.vjp(z, p, g, grad, 1, 3);
            assertEquals(-7, grad[0], 0.0, nz.name());
            assertEquals(-7, grad[4], 0.0, nz.name());
            assertArrayEquals(new double[] {5, 1, -1, 2, 5}, g, 0.0, nz + " modified g");
        }
    }

    @Test
    void fluentResultsAreImmutable() {
        Normalized r = Normalizer.sparsemax().apply(-2, 0, 0.5);
        r.probabilities()[2] = 42;
        r.scores()[0] = 42;
        assertEquals(0.75, r.probability(2), 1e-16);
        assertEquals(-2, r.scores()[0], 0.0);
        assertEquals("sparsemax: p = [0, 0.25, 0.75], support 2 of 3, τ = -0.25, residual 0.0e+00", r.toString());
    }
}
