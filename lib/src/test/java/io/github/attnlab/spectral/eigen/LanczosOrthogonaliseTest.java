package io.github.attnlab.spectral.eigen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Lanczos#orthogonalise}, whose inner products stream one basis vector at a time for the memory, gives the bits
 * of classical Gram–Schmidt with the inner products by {@link Blocks#gram} (slice by slice), then the update slice
 * by slice, repeated when the DGKS test asks for it: on both SIMD paths, at sizes whose last slice is shorter than
 * two vectors, and both when the DGKS test asks for the second pass and when it does not.
 */
class LanczosOrthogonaliseTest {

    /** The reference: the inner products by {@link Blocks#gram}, in the other loop order. */
    private static double[] reference(double[] w, double[][] q, int count, double[][] y) {
        double[][] ws = {w};
        double[][] basis = Arrays.copyOf(q, count);
        double[] c = new double[count];
        SimdOps ops = SimdOps.get();
        double before = Blocks.norm(w);
        for (int pass = 0; pass < 2; pass++) {
            double[][] g = Blocks.gram(basis, ws);
            double after2 = 0;
            for (int s = 0; s < w.length; s += Blocks.CHUNK) {
                int len = Math.min(Blocks.CHUNK, w.length - s);
                for (int i = 0; i < count; i++) {
                    ops.axpy(-g[i][0], basis[i], s, w, s, len);
                }
                after2 += ops.dot(w, s, w, s, len);
            }
            for (int i = 0; i < count; i++) {
                c[i] += g[i][0];
            }
            double after = Math.sqrt(after2);
            if (after > Math.sqrt(0.5) * before) {
                break;
            }
            before = after;
        }
        Blocks.subtractProjection(y, null, ws, null);
        Blocks.subtractProjection(y, null, ws, null);
        return c;
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 17, 1030, 2048, 2061, 3077})
    void givesTheBitsOfTwoPassesOneAfterTheOther(int n) {
        Random r = new Random(31L * n);
        int count = Math.min(n - 2, 9);
        double[][] q = Blocks.gaussian(count, n, r);
        for (int i = 0; i < count; i++) { // orthonormal, as a Lanczos basis
            Lanczos.orthogonalise(q[i], q, i, new double[0][]);
            double norm = Blocks.norm(q[i]);
            for (int j = 0; j < n; j++) {
                q[i][j] /= norm;
            }
        }
        double[][] y = {unit(n)};
        for (SimdOps path : SimdOps.vector().isPresent()
                ? new SimdOps[] {SimdOps.scalar(), SimdOps.vector().orElseThrow()} : new SimdOps[] {SimdOps.scalar()}) {
            for (double along : new double[] {0.0, 0.999}) { // 0.999: mostly in the basis, so a second pass runs
                double[] w = Blocks.gaussian(1, n, r)[0];
                for (int i = 0; i < count; i++) {
                    for (int j = 0; j < n; j++) {
                        w[j] += along * 10 * q[i][j];
                    }
                }
                double[] a = w.clone();
                double[] b = w.clone();
                double[] ca = SimdOps.with(path, () -> Lanczos.orthogonalise(a, q, count, y));
                double[] cb = SimdOps.with(path, () -> reference(b, q, count, y));
                assertArrayEquals(cb, ca, "coefficients, n = " + n + ", along " + along);
                assertArrayEquals(b, a, "w, n = " + n + ", along " + along);
                assertEquals(count, ca.length);
            }
        }
    }

    private static double[] unit(int n) {
        double[] u = new double[n];
        Arrays.fill(u, 1 / Math.sqrt(n));
        return u;
    }
}
