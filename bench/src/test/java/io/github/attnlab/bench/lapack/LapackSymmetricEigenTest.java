package io.github.attnlab.bench.lapack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.attnlab.core.SymmetricEigen;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The LAPACK contender agrees with the library's EJML decomposition (not a timing test). */
class LapackSymmetricEigenTest {

    private static double[][] seeded(int n, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = r.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    private static void agreesWithEjml(LapackBackend backend) {
        double[][] a = seeded(60, 16);
        SymmetricEigen ejml = SymmetricEigen.of(a);
        LapackSymmetricEigen lapack = LapackSymmetricEigen.of(a, backend);
        assertEquals(60, lapack.size());
        for (int t = 0; t < 60; t++) {
            assertEquals(ejml.value(t), lapack.value(t), 1e-9, "eigenvalue " + t);
            // the same unit vector up to sign (the spectrum of a Gaussian matrix is simple)
            double dot = 0;
            double[] v = lapack.vector(t);
            for (int i = 0; i < 60; i++) {
                dot += v[i] * ejml.vectorEntry(t, i);
            }
            assertEquals(1.0, Math.abs(dot), 1e-8, "eigenvector " + t);
        }
        assertTrue(lapack.maxResidual() < 1e-11, "max residual " + lapack.maxResidual());
    }

    @Test
    void pureJavaAgreesWithEjml() {
        agreesWithEjml(LapackBackend.JAVA);
        assertEquals("F2jLAPACK", LapackBackend.JAVA.implementation());
    }

    @Test
    void nativeAgreesWithEjmlWhereItLoads() {
        assumeTrue(LapackBackend.NATIVE.unavailable().isEmpty(),
                () -> "no native LAPACK here: " + LapackBackend.NATIVE.unavailable().orElse(""));
        agreesWithEjml(LapackBackend.NATIVE);
        assertEquals("JNILAPACK", LapackBackend.NATIVE.implementation());
    }

    @Test
    void checksItsArgumentsAsSymmetricEigenDoes() {
        assertThrows(IllegalArgumentException.class,
                () -> LapackSymmetricEigen.of(new double[][] {{1, 2}, {0, 1}}, LapackBackend.JAVA));
        assertThrows(IllegalArgumentException.class,
                () -> LapackSymmetricEigen.of(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}, LapackBackend.JAVA));
        assertThrows(IllegalArgumentException.class, () -> LapackSymmetricEigen.of(seeded(3, 1), null));
    }

    @Test
    void oneByOne() {
        LapackSymmetricEigen e = LapackSymmetricEigen.of(new double[][] {{-2.5}}, LapackBackend.JAVA);
        assertEquals(-2.5, e.value(0));
        assertEquals(1.0, Math.abs(e.vector(0)[0]));
        assertEquals(0.0, e.maxResidual());
    }
}
