package io.github.attnlab.haar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.tree.PartitionTree;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decay rate recovered on functions of known Hölder regularity on a tree. */
class HolderEstimateTest {

    /** Discretisation and the finite range of scales (2^-12 .. 1) bias the fitted exponent by a few hundredths. */
    static final double ALPHA_TOL = 0.05;

    @Test
    void powerSingularityOnTheDyadicTree() {
        int n = 1 << 12;
        PartitionTree t = PartitionTree.dyadic(n);
        for (double alpha : new double[] {0.2, 0.4, 0.6, 0.8}) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = Math.pow((i + 0.5) / n, alpha);
            }
            HolderEstimate h = TensorHaar.of(t).forward(f).holder();
            assertEquals(alpha, h.alpha(), ALPHA_TOL, "x^" + alpha + ": " + h);
            assertTrue(h.rSquared() > 0.99, h.toString());
        }
    }

    @Test
    void exactEnvelopeIsRecoveredExactly() {
        // coefficients |c_X| = |X|^(alpha + 1/2) with random signs: the fit is exact on a dyadic tree
        Random r = new Random(31);
        int n = 1 << 10;
        PartitionTree t = PartitionTree.dyadic(n);
        HaarBasis b = HaarBasis.on(t);
        for (double alpha : new double[] {0.1, 0.5, 1.0, 1.7}) {
            double[] c = new double[n];
            for (int q = 1; q < n; q++) {
                c[q] = (r.nextBoolean() ? 1 : -1) * Math.pow(b.folderFraction(q), alpha + 0.5);
            }
            TensorHaar h = TensorHaar.of(t);
            double[] f = new double[n];
            h.inverse(c, f);
            HolderEstimate e = h.forward(f).holder();
            assertEquals(alpha, e.alpha(), 1e-9, e.toString());
        }
    }

    @Test
    void randomCascadesOnUnevenTreesHaveTheirExponent() {
        // |c_X| = u |X|^(alpha+1/2), u uniform in [0.9, 1], random signs, on random trees of uneven
        // fan-out: folder sizes are not powers of two, so the octave bins mix sizes.
        Random r = new Random(32);
        for (int trial = 0; trial < 20; trial++) {
            PartitionTree t = io.github.attnlab.tree.RandomTrees.random(r, 2000 + r.nextInt(2000), 3);
            HaarBasis b = HaarBasis.on(t);
            double alpha = 0.1 + 1.4 * r.nextDouble();
            double[] c = new double[t.size()];
            for (int q = 1; q < c.length; q++) {
                c[q] = (r.nextBoolean() ? 1 : -1) * (0.9 + 0.1 * r.nextDouble()) * Math.pow(b.folderFraction(q), alpha + 0.5);
            }
            TensorHaar h = TensorHaar.of(t);
            double[] f = new double[c.length];
            h.inverse(c, f);
            HolderEstimate e = h.forward(f).holder();
            assertEquals(alpha, e.alpha(), ALPHA_TOL, "trial " + trial + " on " + t + ": " + e);
        }
    }

    @Test
    void mixedHolderProductsOnTheBiTree() {
        int n = 1 << 7;
        PartitionTree t = PartitionTree.dyadic(n);
        double alpha = 0.4;
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i * n + j] = Math.pow((i + 0.5) / n, alpha) * Math.pow((j + 0.5) / n, alpha);
            }
        }
        HolderEstimate h = TensorHaar.bi(t, t).forward(f).holder();
        // |c_{XxY}| = c_X c_Y with each factor ~ |X|^(alpha+1/2): the product law in |X||Y|
        assertEquals(alpha, h.alpha(), ALPHA_TOL, h.toString());
    }

    @Test
    void smootherFunctionsDecayFaster() {
        int n = 1 << 10;
        PartitionTree t = PartitionTree.dyadic(n);
        double[] rough = new double[n];
        double[] smooth = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (i + 0.5) / n;
            rough[i] = Math.sqrt(Math.abs(x - 1.0 / 3));
            smooth[i] = Math.abs(x - 1.0 / 3);
        }
        double a1 = TensorHaar.of(t).forward(rough).holder().alpha();
        double a2 = TensorHaar.of(t).forward(smooth).holder().alpha();
        assertEquals(0.5, a1, ALPHA_TOL);
        assertEquals(1.0, a2, ALPHA_TOL);
    }
}
