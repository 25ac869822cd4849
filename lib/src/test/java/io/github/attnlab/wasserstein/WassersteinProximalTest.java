package io.github.attnlab.wasserstein;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.compact.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The operator on particles: its logits, its limit on a grid (the continuous kernel), its limit as β → 0, bad input. */
class WassersteinProximalTest {

    /** Quadrature error of the kernel mean by a grid of spacing 1e-3 (the rectangle rule is spectrally accurate here). */
    private static final double GRID = 1e-6;

    private static double[][] randomParticles(Random r, int n, int d) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = r.nextDouble() < 0.4 ? 0 : 2 * r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void logitsAreTheKernelExponent() {
        Random r = new Random(21);
        double[][] x = randomParticles(r, 40, 3);
        double[] y = {0.5, -1, 2};
        Prior custom = Prior.of("max", v -> Math.max(Math.abs(v[0]), Math.abs(v[2])));
        for (Prior p : new Prior[] {Prior.l1(0.8), Prior.quadratic(0.3), Prior.none(), custom}) {
            double[] z = WassersteinProximal.of(p, 0.2, 0.5).logits(y, x);
            for (int i = 0; i < x.length; i++) {
                double d2 = 0;
                for (int k = 0; k < 3; k++) {
                    d2 += (x[i][k] - y[k]) * (x[i][k] - y[k]);
                }
                assertEquals(-p.value(x[i]) / 0.4 - d2 / (4 * 0.2 * 0.5), z[i], 1e-12, p.name());
            }
        }
    }

    @Test
    void onAFineGridOfParticlesTheOutputIsTheContinuousKernelMean() {
        double[][] grid = new double[16_001][1];
        for (int i = 0; i < grid.length; i++) {
            grid[i][0] = -8 + i * 1e-3;
        }
        for (SeparablePrior p : new SeparablePrior[] {Prior.l1(1), Prior.l1(0.2), Prior.quadratic(2)}) {
            WassersteinProximal op = WassersteinProximal.of(p, 0.1, 0.8);
            for (double y = -3; y <= 3; y += 0.37) {
                assertEquals(op.kernelMean(new double[] {y})[0], op.weights(new double[] {y}, grid).output()[0], GRID,
                        p.name() + " at " + y);
            }
        }
    }

    @Test
    void asBetaVanishesTheOutputIsTheGridProximalPoint() {
        double h = 0.02;
        int m = 201;
        double[][] grid = new double[m * m][];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                grid[i * m + j] = new double[] {-2 + i * h, -2 + j * h};
            }
        }
        L1Prior p = Prior.l1(0.7);
        WassersteinProximal op = WassersteinProximal.of(p, 1e-6, 1);
        Random r = new Random(22);
        for (int q = 0; q < 30; q++) {
            double[] y = {1.5 * r.nextGaussian(), 1.5 * r.nextGaussian()};
            double[] out = op.weights(y, grid).output();
            double[] prox = op.proximalPoint(y);
            for (int k = 0; k < 2; k++) {
                double clipped = Math.max(-2, Math.min(2, prox[k]));
                assertEquals(clipped, out[k], h, "query " + q);
            }
        }
    }

    @Test
    void anInfinitePriorMasksItsParticles() {
        double[][] x = {{0}, {1}, {2}, {3}};
        Prior box = Prior.of("box", v -> v[0] > 1.5 ? Double.POSITIVE_INFINITY : 0);
        ProximalWeights w = WassersteinProximal.of(box, 1, 1).weights(new double[] {3}, x);
        assertEquals(0, w.weights()[2]);
        assertEquals(0, w.weights()[3]);
        assertEquals(2, w.exactZeros());
        assertEquals(1, w.weights()[0] + w.weights()[1], 1e-15);
    }

    @Test
    void theComparisonWithOtherNormalisersUsesTheSameLogits() {
        Random r = new Random(23);
        double[][] x = randomParticles(r, 64, 4);
        ProximalWeights w = WassersteinProximal.of(Prior.l1(1), 0.05, 1).weights(new double[] {1, 0, -1, 0.5}, x);
        double[] sp = w.under(Normalizer.sparsemax());
        assertArrayEquals(Normalizer.sparsemax().apply(w.logits()).probabilities(), sp, 0);
        double tv = 0;
        for (int i = 0; i < sp.length; i++) {
            tv += 0.5 * Math.abs(sp[i] - w.weights()[i]);
        }
        assertEquals(tv, w.tv(sp), 1e-15);
        assertEquals(0, w.tv(w.weights()), 0);
        assertTrue(w.certifiedSupport(0.01) >= 1 && w.certifiedSupport(0.01) <= 64);
    }

    @Test
    void attendIsOneWeightsCallPerQuery() {
        Random r = new Random(24);
        double[][] x = randomParticles(r, 30, 2);
        double[][] q = {{0, 1}, {2, -1}};
        WassersteinProximal op = WassersteinProximal.of(Prior.l1(0.5), 0.3, 1);
        double[][] out = op.attend(q, x);
        for (int i = 0; i < q.length; i++) {
            assertArrayEquals(op.weights(q[i], x).output(), out[i], 0);
        }
    }

    @Test
    void badInputIsRefusedByName() {
        double[][] x = {{0, 1}, {1, 0}};
        assertEquals("beta = -1.0 must be finite and > 0",
                assertThrows(IllegalArgumentException.class, () -> WassersteinProximal.of(Prior.none(), -1, 1)).getMessage());
        assertEquals("time = 0.0 must be finite and > 0",
                assertThrows(IllegalArgumentException.class, () -> WassersteinProximal.of(Prior.none(), 1, 0)).getMessage());
        assertEquals("lambda = -0.5 must be finite and >= 0",
                assertThrows(IllegalArgumentException.class, () -> Prior.l1(-0.5)).getMessage());
        assertEquals("prior is null",
                assertThrows(IllegalArgumentException.class, () -> WassersteinProximal.of(null, 1, 1)).getMessage());
        WassersteinProximal op = WassersteinProximal.of(Prior.l1(1), 1, 1);
        assertEquals("particles has no rows",
                assertThrows(IllegalArgumentException.class, () -> op.weights(new double[] {0, 0}, new double[0][])).getMessage());
        assertEquals("y[1] is NaN",
                assertThrows(IllegalArgumentException.class, () -> op.weights(new double[] {0, Double.NaN}, x)).getMessage());
        assertEquals("particles have 2 coordinates, the query 3",
                assertThrows(IllegalArgumentException.class, () -> op.weights(new double[] {0, 0, 0}, x)).getMessage());
        WassersteinProximal custom = WassersteinProximal.of(Prior.of("c", v -> 0), 1, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> custom.kernelMean(new double[] {1}))
                .getMessage().startsWith("the continuous kernel needs a separable prior"));
        assertEquals("prior c returned NaN", assertThrows(IllegalArgumentException.class,
                () -> WassersteinProximal.of(Prior.of("c", v -> Double.NaN), 1, 1).weights(new double[] {0, 0}, x)).getMessage());
    }
}
