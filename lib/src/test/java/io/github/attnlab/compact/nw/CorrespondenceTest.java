package io.github.attnlab.compact.nw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.compact.Normalized;
import io.github.attnlab.compact.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The theorem of docs/papers/B.md §B: on unit-norm queries and keys, $(1 + 1/n)$-entmax of
 * $\langle q, k\rangle/h^2$ equals adaptive Nadaraya–Watson with $(1 - u^2)_+^n$, computed from
 * distances alone; normalised ReLU equals the fixed-bandwidth kernel; softmax equals the Gaussian.
 */
class CorrespondenceTest {

    private static final int INSTANCES = 1000;
    /** Two computations of the same weights from inner products and from distances. */
    private static final double THEOREM_TOL = 1e-12;

    @Test
    void entmaxIsAdaptiveCompactKernelRegression() {
        Random r = new Random(61);
        for (double n : new double[] {1, 2, 3, 1.5, 7}) {
            double worst = 0;
            for (int it = 0; it < INSTANCES; it++) {
                Instance x = Instance.random(r);
                Normalized e = Normalizer.forKernelOrder(n).apply(Correspondence.scores(x.q, x.keys, x.h));
                Estimate nw = NadarayaWatson.adaptive(SmoothingKernel.compact(n), x.h).apply(x.q, x.keys, x.values);
                for (int i = 0; i < x.keys.length; i++) {
                    worst = Math.max(worst, Math.abs(e.probability(i) - nw.weight(i)));
                }
                assertEquals(Correspondence.bandwidth(e.threshold(), n, x.h), nw.bandwidth(), 1e-10,
                        "b = sqrt(2 - 2 n h^2 tau) at n = " + n);
                assertEquals(e.supportSize(), nw.supportSize(), "support at n = " + n);
                double[] y = e.mix(x.values);
                for (int j = 0; j < y.length; j++) {
                    assertEquals(y[j], nw.output()[j], 1e-11, "output at n = " + n);
                }
                assertTrue(nw.residual() < 1e-12, "adaptive mass residual " + nw.residual());
            }
            assertTrue(worst < THEOREM_TOL, "n = " + n + ": max deviation " + worst);
        }
    }

    @Test
    void normalizedReluIsFixedBandwidthCompactKernelRegression() {
        Random r = new Random(62);
        for (double n : new double[] {1, 2, 3}) {
            int fallbacks = 0;
            for (int it = 0; it < INSTANCES; it++) {
                Instance x = Instance.random(r);
                double b = 0.3 + 1.5 * r.nextDouble();
                Normalizer relu = Correspondence.fixedNormalizer(SmoothingKernel.compact(n), b, x.h);
                Normalized p = relu.apply(Correspondence.scores(x.q, x.keys, x.h));
                Estimate nw = NadarayaWatson.fixed(SmoothingKernel.compact(n), b).weights(x.q, x.keys);
                assertEquals(p.fallback(), nw.fallback());
                fallbacks += nw.fallback() ? 1 : 0;
                for (int i = 0; i < x.keys.length; i++) {
                    assertEquals(p.probability(i), nw.weight(i), THEOREM_TOL, "n = " + n + ", b = " + b);
                }
            }
            assertTrue(fallbacks > 0 && fallbacks < INSTANCES, "both regimes must occur: " + fallbacks + " fallbacks");
        }
    }

    @Test
    void softmaxIsGaussianRegression() {
        Random r = new Random(63);
        for (int it = 0; it < INSTANCES; it++) {
            Instance x = Instance.random(r);
            Normalized p = Normalizer.softmax().apply(Correspondence.scores(x.q, x.keys, x.h));
            Estimate fixed = NadarayaWatson.fixed(SmoothingKernel.gaussian(), x.h).weights(x.q, x.keys);
            Estimate adaptive = NadarayaWatson.adaptive(SmoothingKernel.gaussian(), x.h).weights(x.q, x.keys);
            for (int i = 0; i < x.keys.length; i++) {
                assertEquals(p.probability(i), fixed.weight(i), THEOREM_TOL);
                assertEquals(p.probability(i), adaptive.weight(i), THEOREM_TOL);
            }
        }
    }

    @Test
    void mapsAndNames() {
        assertEquals(2, Correspondence.alpha(1), 0);
        assertEquals(1.5, Correspondence.alpha(2), 0);
        assertEquals(1, Correspondence.alpha(Double.POSITIVE_INFINITY), 0);
        assertEquals(3, Correspondence.order(4.0 / 3), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, Correspondence.order(1), 0);
        for (double b : new double[] {0.1, 0.7, 1.9}) {
            // b^2 = 2 - 2nh^2 tau cancels for small b: relative error ~ 2 eps / b^2
            assertEquals(b, Correspondence.bandwidth(Correspondence.threshold(b, 2, 0.4), 2, 0.4), 1e-15 / (b * b));
        }
        assertEquals("Epanechnikov", SmoothingKernel.epanechnikov().name());
        assertEquals("Biweight", SmoothingKernel.biweight().name());
        assertEquals("Triweight", SmoothingKernel.triweight().name());
        assertEquals("(1−u²)₊^7", SmoothingKernel.compact(7).name());
        assertEquals(1.5, SmoothingKernel.biweight().alpha(), 0);
        assertEquals(Math.exp(-0.5), SmoothingKernel.gaussian().profile(1), 0);
        assertThrows(IllegalArgumentException.class, () -> Correspondence.alpha(0));
        assertThrows(IllegalArgumentException.class, () -> Correspondence.order(0.9));
        assertThrows(IllegalArgumentException.class, () -> Correspondence.bandwidth(10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SmoothingKernel.compact(-1));
        assertThrows(IllegalArgumentException.class, () -> NadarayaWatson.fixed(SmoothingKernel.biweight(), 0));
    }

    /** The compact kernels at bandwidth $\sqrt{2n}\,h$ tend to the Gaussian at $h$. */
    @Test
    void compactKernelsTendToTheGaussian() {
        double previous = Double.POSITIVE_INFINITY;
        for (double n : new double[] {1, 4, 16, 64, 256, 1024}) {
            double worst = 0;
            for (double t = 0; t <= 10; t += 0.01) {
                worst = Math.max(worst, Math.abs(SmoothingKernel.compact(n).profile(t / (2 * n))
                        - SmoothingKernel.gaussian().profile(t)));
            }
            assertTrue(worst < previous, "no convergence at n = " + n);
            previous = worst;
        }
        assertTrue(previous < 1e-3, "n = 1024 still " + previous + " from the Gaussian");
    }

    /** A unit-norm query, unit-norm keys, values and a scale h. */
    record Instance(double[] q, double[][] keys, double[][] values, double h) {

        static Instance random(Random r) {
            int d = 2 + r.nextInt(8);
            int n = 1 + r.nextInt(64);
            double[][] keys = new double[n][];
            double[][] values = new double[n][];
            for (int i = 0; i < n; i++) {
                keys[i] = unit(r, d);
                values[i] = new double[] {r.nextGaussian(), r.nextGaussian()};
            }
            return new Instance(unit(r, d), keys, values, 0.2 + r.nextDouble());
        }

        static double[] unit(Random r, int d) {
            double[] x = new double[d];
            double s = 0;
            for (int i = 0; i < d; i++) {
                x[i] = r.nextGaussian();
                s += x[i] * x[i];
            }
            for (int i = 0; i < d; i++) {
                x[i] /= Math.sqrt(s);
            }
            return x;
        }
    }
}
