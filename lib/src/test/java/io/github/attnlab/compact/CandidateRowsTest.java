package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.simd.SimdOps;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sparsemax (pivot) and entmax (bisection) computed on the row's candidates ({@link CandidateRows}): the same bits on
 * the scalar and the vector path, float and double, and the full-row definition $p_i = [(\alpha-1)(z_i - m) -
 * \tau']_+^{1/(\alpha-1)}$ normalised, summing to 1; on seeded random rows with masks and ties, Gaussian attention
 * rows ($\sigma = 2$, where the candidates are a few of the row), rows whose every score is a candidate, at an
 * offset, of odd and prime lengths.
 */
class CandidateRowsTest {

    private static final double[] ALPHAS = {2, 1.5, 4.0 / 3, 1.25, 2.5};

    private static double run(double alpha, double[] z, double[] out, int off, int n) {
        return alpha == 2 ? Normalizers.sparsemaxPivot(z, out, off, n) : Normalizers.entmaxBisect(alpha, z, out, off, n);
    }

    private static double run(double alpha, float[] z, float[] out, int off, int n) {
        return alpha == 2 ? Normalizers.sparsemaxPivot(z, out, off, n) : Normalizers.entmaxBisect(alpha, z, out, off, n);
    }

    private static double[][] rows() {
        Random r = new Random(1607);
        double[][] rows = new double[60][];
        for (int t = 0; t < 40; t++) {
            rows[t] = RandomRows.row(r, t % 8 == 0 ? 3000 : 200);
        }
        int[] lengths = {1, 2, 17, 31, 97, 509, 1021, 2053, 4099, 8191};
        for (int t = 40; t < 60; t++) {
            int n = lengths[t % lengths.length];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                // Gaussian attention rows; every other length a narrow row, all of whose scores are candidates
                z[i] = (float) ((t % 2 == 0 ? 2 : 0.01) * r.nextGaussian());
            }
            rows[t] = z;
        }
        return rows;
    }

    @Test
    void bothPathsGiveTheSameBits() {
        if (SimdOps.vector().isEmpty()) {
            return; // the scalar-path run; the default run compares the paths
        }
        SimdOps vector = SimdOps.vector().orElseThrow();
        SimdOps scalar = SimdOps.scalar();
        int off = 5;
        for (double[] row : rows()) {
            int n = row.length;
            double[] z = new double[n + off];
            float[] f = new float[n + off];
            System.arraycopy(row, 0, z, off, n);
            for (int i = 0; i < n; i++) {
                f[off + i] = (float) row[i];
            }
            for (double alpha : ALPHAS) {
                double[] pv = new double[n + off];
                double[] ps = new double[n + off];
                float[] fv = new float[n + off];
                float[] fs = new float[n + off];
                double tv = SimdOps.with(vector, () -> run(alpha, z, pv, off, n));
                double ts = SimdOps.with(scalar, () -> run(alpha, z, ps, off, n));
                double tfv = SimdOps.with(vector, () -> run(alpha, f, fv, off, n));
                double tfs = SimdOps.with(scalar, () -> run(alpha, f, fs, off, n));
                String what = "alpha " + alpha + ", n " + n;
                assertEquals(Double.doubleToRawLongBits(ts), Double.doubleToRawLongBits(tv), what + ": threshold");
                assertEquals(Double.doubleToRawLongBits(tfs), Double.doubleToRawLongBits(tfv), what + ": float");
                for (int i = off; i < off + n; i++) {
                    assertEquals(Double.doubleToRawLongBits(ps[i]), Double.doubleToRawLongBits(pv[i]), what + " p" + i);
                    assertEquals(Float.floatToRawIntBits(fs[i]), Float.floatToRawIntBits(fv[i]), what + " float p" + i);
                }
            }
        }
    }

    @Test
    void probabilitiesFollowTheFullRowDefinition() {
        for (double[] z : rows()) {
            int n = z.length;
            double m = Double.NEGATIVE_INFINITY;
            for (double x : z) {
                m = Math.max(m, x);
            }
            for (double alpha : ALPHAS) {
                double a1 = alpha - 1;
                double[] p = new double[n];
                double tau = run(alpha, z, p, 0, n);
                double centered = tau - a1 * m;
                double sum = 0;
                double[] terms = new double[n];
                for (int i = 0; i < n; i++) {
                    double r = a1 * (z[i] - m) - centered;
                    terms[i] = r > 0 ? Math.pow(r, 1 / a1) : 0;
                    sum += terms[i];
                }
                String what = "alpha " + alpha + ", n " + n;
                assertEquals(1, sum, 1e-9, what + ": the threshold normalises the row");
                double total = 0;
                for (int i = 0; i < n; i++) {
                    assertEquals(terms[i] / sum, p[i], 1e-12, what + ": p" + i);
                    assertTrue(p[i] >= 0 && (z[i] != Double.NEGATIVE_INFINITY || p[i] == 0), what);
                    total += p[i];
                }
                assertEquals(1, total, 1e-12, what + ": probabilities sum to 1");
            }
        }
    }
}
