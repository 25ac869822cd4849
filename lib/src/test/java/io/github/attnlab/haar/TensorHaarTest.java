package io.github.attnlab.haar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.tree.PartitionTree;
import io.github.attnlab.tree.RandomTrees;
import io.github.attnlab.tree.Tensor3;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast transforms against dense matrix products, Parseval and perfect reconstruction. */
class TensorHaarTest {

    /** Relative agreement of two orders of summation over at most a few thousand terms. */
    static final double TOL = 1e-12;

    private static double[] gaussian(Random r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }

    private static PartitionTree tree(Random r, int n) {
        return r.nextBoolean() ? PartitionTree.dyadic(n) : RandomTrees.random(r, n, 2 + r.nextInt(4));
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void oneAxisMatchesTheDenseMatrix() {
        Random r = new Random(21);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + r.nextInt(90);
            PartitionTree t = tree(r, n);
            double[] f = gaussian(r, n);
            double[][] q = HaarBasis.on(t).matrix();
            double[] c = TensorHaar.of(t).forward(f).values();
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * f[k];
                }
                assertEquals(s, c[i], TOL * norm(f), "coefficient " + i);
            }
        }
    }

    @Test
    void biHaarIsQrFQcTransposed() {
        Random r = new Random(22);
        for (int trial = 0; trial < 40; trial++) {
            int n0 = 1 + r.nextInt(30);
            int n1 = 1 + r.nextInt(30);
            PartitionTree t0 = tree(r, n0);
            PartitionTree t1 = tree(r, n1);
            double[] f = gaussian(r, n0 * n1);
            double[][] q0 = HaarBasis.on(t0).matrix();
            double[][] q1 = HaarBasis.on(t1).matrix();
            double[] c = TensorHaar.bi(t0, t1).forward(f).values();
            for (int a = 0; a < n0; a++) {
                for (int b = 0; b < n1; b++) {
                    double s = 0;
                    for (int i = 0; i < n0; i++) {
                        for (int j = 0; j < n1; j++) {
                            s += q0[a][i] * f[i * n1 + j] * q1[b][j];
                        }
                    }
                    assertEquals(s, c[a * n1 + b], TOL * norm(f));
                }
            }
        }
    }

    @Test
    void triHaarIsTheKroneckerProduct() {
        Random r = new Random(23);
        for (int trial = 0; trial < 15; trial++) {
            int[] n = {1 + r.nextInt(9), 1 + r.nextInt(9), 1 + r.nextInt(9)};
            PartitionTree[] t = {tree(r, n[0]), tree(r, n[1]), tree(r, n[2])};
            double[][][] q = {HaarBasis.on(t[0]).matrix(), HaarBasis.on(t[1]).matrix(), HaarBasis.on(t[2]).matrix()};
            double[] f = gaussian(r, n[0] * n[1] * n[2]);
            Tensor3 x = Tensor3.of(n[0], n[1], n[2], f);
            HaarCoefficients c = TensorHaar.tri(t[0], t[1], t[2]).forward(x);
            for (int a = 0; a < n[0]; a++) {
                for (int b = 0; b < n[1]; b++) {
                    for (int d = 0; d < n[2]; d++) {
                        double s = 0;
                        for (int i = 0; i < n[0]; i++) {
                            for (int j = 0; j < n[1]; j++) {
                                for (int k = 0; k < n[2]; k++) {
                                    s += q[0][a][i] * q[1][b][j] * q[2][d][k] * f[(i * n[1] + j) * n[2] + k];
                                }
                            }
                        }
                        assertEquals(s, c.get(a, b, d), TOL * norm(f));
                    }
                }
            }
        }
    }

    @Test
    void parsevalAndPerfectReconstructionIncludingLongBlocks() {
        Random r = new Random(24);
        int[][] shapes = {{3, 700}, {600, 2}, {5, 4, 300}, {2, 3, 1031}, {1, 1, 1}, {64, 64}};
        for (int[] s : shapes) {
            PartitionTree[] t = new PartitionTree[s.length];
            int size = 1;
            for (int a = 0; a < s.length; a++) {
                t[a] = tree(r, s[a]);
                size *= s[a];
            }
            TensorHaar h = TensorHaar.of(t);
            double[] f = gaussian(r, size);
            HaarCoefficients c = h.forward(f);
            assertEquals(norm(f), c.l2(), TOL * norm(f), "Parseval for " + h);
            double[] back = c.reconstruct();
            for (int i = 0; i < size; i++) {
                assertEquals(f[i], back[i], TOL * norm(f), "reconstruction at " + i + " for " + h);
            }
        }
    }

    @Test
    void bestTermsAndL1AgreeWithTheirDefinitions() {
        Random r = new Random(25);
        PartitionTree t0 = RandomTrees.random(r, 40, 3);
        PartitionTree t1 = PartitionTree.dyadic(33);
        double[] f = gaussian(r, 40 * 33);
        HaarCoefficients c = TensorHaar.bi(t0, t1).forward(f);
        double l1 = 0;
        for (double v : c.values()) {
            l1 += Math.abs(v);
        }
        assertEquals(l1, c.l1(), TOL * l1);
        for (int k : new int[] {0, 1, 10, 500, 1320}) {
            double[] approx = c.keepLargest(k).reconstruct();
            double err = 0;
            for (int i = 0; i < f.length; i++) {
                err += (f[i] - approx[i]) * (f[i] - approx[i]);
            }
            assertEquals(Math.sqrt(err) / norm(f), c.bestTermError(k), 1e-10, "best " + k + " terms");
            assertTrue(c.termsFor(Math.min(1, c.bestTermError(k) + 1e-12)) <= k, "termsFor inverts bestTermError");
        }
        double[] m = c.sortedMagnitudes();
        for (int i = 1; i < m.length; i++) {
            assertEquals(true, m[i - 1] >= m[i]);
        }
    }

    @Test
    void badInputIsRejected() {
        TensorHaar h = TensorHaar.bi(PartitionTree.dyadic(3), PartitionTree.dyadic(2));
        var e = assertThrows(IllegalArgumentException.class, () -> h.forward(new double[] {1, 2, 3, 4, 5, Double.NaN}));
        assertEquals("flat[5] is NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> h.forward(new double[][] {{1, 2}, {3, 4}}));
        assertEquals("m is 2 x 2, the trees are on 3 and 2 points", e.getMessage());
        double[] a = new double[6];
        assertThrows(IllegalArgumentException.class, () -> h.forward(a, a));
    }
}
