package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every Jacobian product against central finite differences, on seeded rows whose scores all stay
 * at least {@link #MARGIN} away from the support boundary (there the maps are not differentiable).
 */
class JacobianTest {

    private static final int INSTANCES = 400;
    /** Central-difference step. */
    private static final double STEP = 1e-6;
    /** Truncation O(STEP²·p''') plus rounding O(1e-16/STEP) on O(1) quantities. */
    private static final double FD_TOL = 2e-6;
    /** Distance of every unmasked score from the support boundary, in units of the threshold. */
    private static final double MARGIN = 1e-3;

    @Test
    void jvpAndVjpMatchFiniteDifferences() {
        Random r = new Random(21);
        for (Normalizer nz : RandomRows.all()) {
            int checked = 0;
            while (checked < INSTANCES) {
                double[] z = RandomRows.row(r, 40);
                Normalized res = nz.apply(z);
                if (!smooth(nz, res)) {
                    continue; // a new random row; every normaliser is checked on INSTANCES smooth rows
                }
                double[] v = gaussian(r, z.length);
                double[] fd = finiteDifference(nz, z, v);
                double[] jv = res.jvp(v);
                for (int i = 0; i < z.length; i++) {
                    assertEquals(fd[i], jv[i], FD_TOL * (1 + Math.abs(fd[i])), nz + ": (Jv)[" + i + "]");
                }
                double[] g = gaussian(r, z.length);
                double lhs = dot(g, jv);
                double rhs = dot(res.vjp(g), v);
                assertEquals(lhs, rhs, 1e-12 * (1 + Math.abs(lhs)), nz + ": <g, Jv> != <J'g, v>");
                checked++;
            }
        }
    }

    @Test
    void alphaDerivativeMatchesFiniteDifferences() {
        Random r = new Random(22);
        for (double alpha : new double[] {1.25, 4.0 / 3, 1.5, 2, 3}) {
            Entmax e = new Entmax(alpha, ThresholdMethod.BISECTION);
            int checked = 0;
            while (checked < INSTANCES) {
                double[] z = RandomRows.row(r, 40);
                Normalized res = e.apply(z);
                Normalized lo = new Entmax(alpha - STEP, ThresholdMethod.BISECTION).apply(z);
                Normalized hi = new Entmax(alpha + STEP, ThresholdMethod.BISECTION).apply(z);
                if (!smooth(e, res) || lo.supportSize() != res.supportSize() || hi.supportSize() != res.supportSize()) {
                    continue;
                }
                double[] d = e.alphaDerivative(res);
                double sum = 0;
                for (int i = 0; i < z.length; i++) {
                    double fd = (hi.probability(i) - lo.probability(i)) / (2 * STEP);
                    assertEquals(fd, d[i], FD_TOL * (1 + Math.abs(fd)), "alpha = " + alpha + ": dp[" + i + "]/dalpha");
                    sum += d[i];
                }
                assertEquals(0, sum, 1e-12, "the alpha-derivative must keep the sum at 1");
                checked++;
            }
        }
    }

    @Test
    void masksAndFallbacksHaveZeroDerivatives() {
        double[] z = {0.3, Double.NEGATIVE_INFINITY, 0.1, 0.5};
        double[] v = {1, 1, -2, 0.5};
        for (Normalizer nz : RandomRows.all()) {
            assertEquals(0.0, nz.apply(z).jvp(v)[1], 0.0, nz + ": masked key");
        }
        double[] fallback = Normalizer.normalizedRelu(5).apply(1, 2, 3).vjp(1, -1, 2);
        assertTrue(fallback[0] == 0 && fallback[1] == 0 && fallback[2] == 0, "the uniform fallback is locally constant");
    }

    private static boolean smooth(Normalizer nz, Normalized res) {
        if (nz instanceof Softmax) {
            return true;
        }
        double[] z = res.scores();
        double scale = 0;
        for (double x : z) {
            scale = Double.isFinite(x) ? Math.max(scale, Math.abs(x)) : scale;
        }
        for (double x : z) {
            if (x == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double gap = nz instanceof Entmax ? (((Entmax) nz).alpha() - 1) * x - res.threshold()
                    : x / nz.kernelOrder() - res.threshold();
            if (Math.abs(gap) < MARGIN * (1 + scale)) {
                return false;
            }
        }
        return !res.fallback();
    }

    private static double[] finiteDifference(Normalizer nz, double[] z, double[] v) {
        double[] plus = z.clone();
        double[] minus = z.clone();
        for (int i = 0; i < z.length; i++) {
            plus[i] += STEP * v[i];
            minus[i] -= STEP * v[i];
        }
        double[] a = nz.apply(plus).probabilities();
        double[] b = nz.apply(minus).probabilities();
        double[] d = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            d[i] = (a[i] - b[i]) / (2 * STEP);
        }
        return d;
    }

    private static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
