package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.bench.lapack.LapackBackend;
import io.github.attnlab.core.SymmetricEigen;
import org.junit.jupiter.api.Test;

class DenseEigenInputsTest {

    @Test
    void theInputIsASeededLaplacian() {
        double[][] a = DenseEigenInputs.laplacian(40);
        assertArrayEquals(DenseEigenInputs.flat(a), DenseEigenInputs.flat(DenseEigenInputs.laplacian(40)));
        for (int i = 0; i < 40; i++) {
            double rowSum = 0;
            for (int j = 0; j < 40; j++) {
                assertEquals(a[i][j], a[j][i]);
                rowSum += a[i][j];
            }
            assertEquals(0, rowSum, 1e-12);
        }
        assertEquals(a[3][7], DenseEigenInputs.flat(a)[3 * 40 + 7]);
    }

    @Test
    void thePureJavaContenderRunsAndNotesItsCheck() {
        double[][] a = DenseEigenInputs.laplacian(30);
        Contender c = DenseEigenInputs.lapack(LapackBackend.JAVA, a, SymmetricEigen.of(a));
        assertEquals("netlib dsyevd (F2jLAPACK)", c.name);
        assertTrue(c.note.startsWith("F2jLAPACK: max residual "), c.note);
        Contender.interleave(java.util.List.of(c), 0, 0.0, 2);
        assertEquals(2, c.samples().count());
    }
}
