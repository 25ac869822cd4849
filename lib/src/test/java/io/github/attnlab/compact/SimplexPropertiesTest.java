package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Simplex, support and threshold properties of every normaliser on many seeded random rows. */
class SimplexPropertiesTest {

    private static final int INSTANCES = 2000;
    /** Sum of up to ~300 probabilities, each with a relative rounding error. */
    private static final double SUM_TOL = 1e-13;
    /** Two exact methods (or bisection to float resolution) on the same row. */
    private static final double METHOD_TOL = 1e-12;

    @Test
    void probabilitiesLieOnTheSimplexAndMaskedKeysGetZero() {
        Random r = new Random(1);
        for (int it = 0; it < INSTANCES; it++) {
            double[] z = RandomRows.row(r, 300);
            for (Normalizer nz : RandomRows.all()) {
                Normalized res = nz.apply(z);
                double[] p = res.probabilities();
                double sum = 0;
                for (int i = 0; i < p.length; i++) {
                    if (!(p[i] >= 0 && p[i] <= 1) || (z[i] == Double.NEGATIVE_INFINITY && p[i] != 0)) {
                        fail(nz + ": p[" + i + "] = " + p[i] + " for the score " + z[i]);
                    }
                    sum += p[i];
                }
                assertEquals(1.0, sum, SUM_TOL, nz + " on instance " + it);
                assertTrue(res.residual() < 1e-10, nz + " residual " + res.residual() + " on instance " + it);
                for (int i = 0; i < p.length && p.length < 40; i++) {
                    for (int j = 0; j < p.length; j++) {
                        if (z[i] > z[j] && p[i] < p[j]) {
                            fail(nz + ": order not preserved at " + i + ", " + j);
                        }
                    }
                }
            }
        }
    }

    @Test
    void entmaxSatisfiesItsThresholdFormula() {
        Random r = new Random(2);
        for (int it = 0; it < INSTANCES; it++) {
            double[] z = RandomRows.row(r, 200);
            for (double alpha : new double[] {1.1, 4.0 / 3, 1.5, 2, 3}) {
                Normalized res = Normalizer.entmax(alpha).apply(z);
                for (int i = 0; i < z.length; i++) {
                    double x = (alpha - 1) * z[i] - res.threshold();
                    double expected = x > 0 ? Math.pow(x, 1 / (alpha - 1)) : 0;
                    if (!(Math.abs(expected - res.probability(i)) <= METHOD_TOL) || (x > 0) != (res.probability(i) > 0)) {
                        fail("alpha = " + alpha + ", i = " + i + ": p = " + res.probability(i) + ", formula " + expected);
                    }
                }
            }
        }
    }

    @Test
    void sortPivotAndBisectionAgree() {
        Random r = new Random(3);
        for (int it = 0; it < INSTANCES; it++) {
            double[] z = RandomRows.row(r, 500);
            Normalized sort = Normalizer.sparsemax().apply(z);
            Normalized pivot = Normalizer.sparsemax(ThresholdMethod.PIVOT).apply(z);
            Normalized bis = Normalizer.sparsemax(ThresholdMethod.BISECTION).apply(z);
            assertEquals(sort.threshold(), pivot.threshold(), METHOD_TOL * (1 + Math.abs(sort.threshold())));
            assertEquals(sort.threshold(), bis.threshold(), METHOD_TOL * (1 + Math.abs(sort.threshold())));
            assertMaxDiff(sort.probabilities(), pivot.probabilities(), "sparsemax sort/pivot");
            assertMaxDiff(sort.probabilities(), bis.probabilities(), "sparsemax sort/bisection");
            Normalized e15 = Normalizer.entmax(1.5).apply(z);
            Normalized e15b = Normalizer.entmax(1.5, ThresholdMethod.BISECTION).apply(z);
            assertEquals(e15.threshold(), e15b.threshold(), METHOD_TOL * (1 + Math.abs(e15.threshold())));
            assertMaxDiff(e15.probabilities(), e15b.probabilities(), "1.5-entmax sort/bisection");
            assertEquals(e15.supportSize(), e15b.supportSize(), "1.5-entmax support");
        }
    }

    @Test
    void entmaxTendsToSoftmaxAsAlphaTendsToOne() {
        Random r = new Random(4);
        for (int it = 0; it < 200; it++) {
            double[] z = Arrays.stream(RandomRows.row(r, 50)).map(x -> x == Double.NEGATIVE_INFINITY ? 0 : x).toArray();
            double[] soft = Normalizer.softmax().apply(z).probabilities();
            double previous = Double.POSITIVE_INFINITY;
            for (double n : new double[] {10, 100, 1000, 10000}) {
                double[] p = Normalizer.entmax(1 + 1 / n).apply(z).probabilities();
                double dev = 0;
                for (int i = 0; i < p.length; i++) {
                    dev = Math.max(dev, Math.abs(p[i] - soft[i]));
                }
                assertTrue(dev <= previous + 1e-12, "deviation grew at n = " + n + ": " + dev + " > " + previous);
                previous = dev;
            }
            assertTrue(previous < 1e-2, "n = 10000 still " + previous + " from softmax");
        }
    }

    @Test
    void entmaxMaximisesItsRegularisedObjective() {
        Random r = new Random(5);
        for (int it = 0; it < 300; it++) {
            double[] z = Arrays.stream(RandomRows.row(r, 30)).map(x -> x == Double.NEGATIVE_INFINITY ? -5 : x).toArray();
            for (double alpha : new double[] {1.5, 2, 4.0 / 3}) {
                double[] p = Normalizer.entmax(alpha).apply(z).probabilities();
                double best = objective(alpha, p, z);
                for (int k = 0; k < 50; k++) {
                    double[] y = randomSimplexPoint(r, z.length);
                    double t = r.nextDouble();
                    double[] mix = new double[z.length];
                    for (int i = 0; i < z.length; i++) {
                        mix[i] = (1 - t) * p[i] + t * y[i];
                    }
                    assertTrue(objective(alpha, mix, z) <= best + 1e-12, "a better point than " + alpha + "-entmax");
                }
            }
        }
    }

    /** $p^\top z + H_\alpha(p)$, $H_\alpha(p) = \sum_j (p_j - p_j^\alpha)/(\alpha(\alpha-1))$. */
    private static double objective(double alpha, double[] p, double[] z) {
        double s = SimdOps.scalar().dot(p, 0, z, 0, p.length);
        for (double x : p) {
            s += (x - Math.pow(x, alpha)) / (alpha * (alpha - 1));
        }
        return s;
    }

    static double[] randomSimplexPoint(Random r, int n) {
        double[] y = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            y[i] = -Math.log(1 - r.nextDouble());
            s += y[i];
        }
        for (int i = 0; i < n; i++) {
            y[i] /= s;
        }
        return y;
    }

    private static void assertMaxDiff(double[] a, double[] b, String what) {
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= METHOD_TOL)) {
                fail(what + " at " + i + ": " + a[i] + " vs " + b[i]);
            }
        }
    }
}
