package io.github.attnlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sorted symmetric eigen-decomposition: closed-form spectra, orthonormality, residuals, refusals. */
class SymmetricEigenTest {

    private static final double TOL = 1e-12;

    @Test
    void pathLaplacianHasItsClosedFormSpectrum() {
        int n = 9;
        double[][] l = new double[n][n];
        for (int i = 0; i + 1 < n; i++) {
            l[i][i] += 1;
            l[i + 1][i + 1] += 1;
            l[i][i + 1] = -1;
            l[i + 1][i] = -1;
        }
        SymmetricEigen e = SymmetricEigen.of(l);
        for (int t = 0; t < n; t++) {
            assertEquals(2 - 2 * Math.cos(Math.PI * t / n), e.value(t), TOL, "lambda_" + t);
            assertTrue(e.residual(t) < TOL, "residual " + e.residual(t));
        }
        assertTrue(e.maxResidual() < TOL);
    }

    @Test
    void randomMatricesGiveSortedOrthonormalPairs() {
        Random r = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(30);
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = a[j][i] = r.nextGaussian();
                }
            }
            SymmetricEigen e = SymmetricEigen.of(a);
            for (int t = 1; t < n; t++) {
                assertTrue(e.value(t - 1) <= e.value(t));
            }
            for (int s = 0; s < n; s++) {
                for (int t = 0; t < n; t++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += e.vectorEntry(s, i) * e.vectorEntry(t, i);
                    }
                    assertEquals(s == t ? 1 : 0, dot, 1e-10);
                }
            }
            assertTrue(e.maxResidual() < 1e-10 * n, "residual " + e.maxResidual());
        }
    }

    @Test
    void refusesWhatIsNotASymmetricMatrix() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}, {3, 1}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(null));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][] {{1}}).vector(1));
    }
}
