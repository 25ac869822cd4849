package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sparsemax is the Euclidean projection onto the simplex, checked without the library's algorithms. */
class SparsemaxProjectionTest {

    /** Rounding of inner products of rows with scores up to ~30 and ~400 entries. */
    private static final double TOL = 1e-11;

    /**
     * The projection $p$ of $z$ onto a convex set $C$ is characterised by
     * $\langle z - p, y - p\rangle \le 0$ for all $y \in C$; on the simplex it suffices to check the
     * vertices $y = e_j$.
     */
    @Test
    void variationalInequalityAtEveryVertex() {
        Random r = new Random(11);
        for (int it = 0; it < 3000; it++) {
            double[] z = RandomRows.row(r, 400);
            for (int i = 0; i < z.length; i++) {
                if (z[i] == Double.NEGATIVE_INFINITY) {
                    z[i] = -1e3; // the projection is defined on finite points
                }
            }
            for (ThresholdMethod m : ThresholdMethod.values()) {
                double[] p = Normalizer.sparsemax(m).apply(z).probabilities();
                double zp = 0;
                for (int i = 0; i < z.length; i++) {
                    zp += (z[i] - p[i]) * p[i];
                }
                for (int j = 0; j < z.length; j++) {
                    double lhs = (z[j] - p[j]) - zp; // <z - p, e_j - p>
                    assertTrue(lhs <= TOL * (1 + Math.abs(zp)), m + ": vertex " + j + " violates by " + lhs);
                }
            }
        }
    }

    /** Against a brute-force reference: the closest of many random simplex points is never closer. */
    @Test
    void noRandomSimplexPointIsCloser() {
        Random r = new Random(12);
        for (int it = 0; it < 500; it++) {
            double[] z = RandomRows.row(r, 12);
            for (int i = 0; i < z.length; i++) {
                z[i] = z[i] == Double.NEGATIVE_INFINITY ? -3 : z[i];
            }
            double[] p = Normalizer.sparsemax().apply(z).probabilities();
            double dp = dist2(p, z);
            for (int k = 0; k < 200; k++) {
                double[] y = SimplexPropertiesTest.randomSimplexPoint(r, z.length);
                assertTrue(dist2(y, z) >= dp - 1e-12, "a random simplex point is closer to z than sparsemax(z)");
            }
        }
    }

    /** An independent closed form: with $k$ the support size, $\tau$ is the mean of the top $k$ minus $1/k$. */
    @Test
    void thresholdIsTheShiftedMeanOfTheSupport() {
        Random r = new Random(13);
        for (int it = 0; it < 2000; it++) {
            double[] z = RandomRows.row(r, 100);
            Normalized res = Normalizer.sparsemax(ThresholdMethod.PIVOT).apply(z);
            double s = 0;
            for (int i : res.support()) {
                s += z[i];
            }
            assertEquals((s - 1) / res.supportSize(), res.threshold(), 1e-12 * (1 + Math.abs(res.threshold())));
        }
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }
}
