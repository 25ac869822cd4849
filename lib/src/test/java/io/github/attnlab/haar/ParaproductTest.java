package io.github.attnlab.haar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.tree.PartitionTree;
import io.github.attnlab.tree.RandomTrees;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The paraproduct's exact cases and the regularity of its residual. */
class ParaproductTest {

    /** Sums of a few hundred terms of size ~1. */
    static final double EXACT_TOL = 1e-11;

    private static double[][] gaussian(Random r, int n1, int n2) {
        double[][] f = new double[n1][n2];
        for (double[] row : f) {
            for (int j = 0; j < n2; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return f;
    }

    @Test
    void affineFunctionsAreReproducedExactly() {
        Random r = new Random(51);
        for (int trial = 0; trial < 20; trial++) {
            PartitionTree rows = RandomTrees.random(r, 2 + r.nextInt(30), 4);
            PartitionTree cols = RandomTrees.randomLevels(r, 1 + r.nextInt(30), 3);
            double[][] f = gaussian(r, rows.size(), cols.size());
            ParaproductDecomposition d = Paraproduct.of(SmoothFunction.affine(1.7, -0.3), rows, cols).apply(f);
            for (double v : d.residual()) {
                assertEquals(0, v, EXACT_TOL);
            }
        }
    }

    @Test
    void theSquareHasItsClosedFormResidual() {
        // A = x^2: one-axis terms leave (Delta)^2, mixed terms leave 2ac + 2bc + c^2
        Random r = new Random(52);
        for (int trial = 0; trial < 20; trial++) {
            PartitionTree rows = RandomTrees.random(r, 2 + r.nextInt(20), 3);
            PartitionTree cols = RandomTrees.random(r, 2 + r.nextInt(20), 3);
            int n1 = rows.size();
            int n2 = cols.size();
            double[][] f = gaussian(r, n1, n2);
            double[] x = new double[n1 * n2];
            for (int i = 0; i < n1; i++) {
                System.arraycopy(f[i], 0, x, i * n2, n2);
            }
            double[][][] p = new double[rows.depth() + 1][cols.depth() + 1][];
            for (int j = 0; j <= rows.depth(); j++) {
                for (int k = 0; k <= cols.depth(); k++) {
                    p[j][k] = blockMeans(x, rows.partition(j), cols.partition(k), n2);
                }
            }
            double[] expected = new double[n1 * n2];
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < rows.depth(); j++) {
                    double d = p[j + 1][0][i] - p[j][0][i];
                    expected[i] += d * d;
                }
                for (int k = 0; k < cols.depth(); k++) {
                    double d = p[0][k + 1][i] - p[0][k][i];
                    expected[i] += d * d;
                }
                for (int j = 0; j < rows.depth(); j++) {
                    for (int k = 0; k < cols.depth(); k++) {
                        double a = p[j + 1][k][i] - p[j][k][i];
                        double b = p[j][k + 1][i] - p[j][k][i];
                        double c = p[j + 1][k + 1][i] - p[j + 1][k][i] - p[j][k + 1][i] + p[j][k][i];
                        expected[i] += 2 * a * c + 2 * b * c + c * c;
                    }
                }
            }
            double[] got = Paraproduct.of(SmoothFunction.SQUARE, rows, cols).apply(f).residual();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], got[i], EXACT_TOL, "entry " + i);
            }
        }
    }

    /** Block means by explicit membership loops: an independent reference for P_{j,k}. */
    private static double[] blockMeans(double[] x, int[] rl, int[] cl, int n2) {
        double[] out = new double[x.length];
        for (int i = 0; i < rl.length; i++) {
            for (int j = 0; j < n2; j++) {
                double s = 0;
                int c = 0;
                for (int a = 0; a < rl.length; a++) {
                    for (int b = 0; b < n2; b++) {
                        if (rl[a] == rl[i] && cl[b] == cl[j]) {
                            s += x[a * n2 + b];
                            c++;
                        }
                    }
                }
                out[i * n2 + j] = s / c;
            }
        }
        return out;
    }

    @Test
    void theOneTreeResidualIsAtLeastTwiceAsRegular() {
        // f: a cascade with |c_X| = A |X|^(alpha + 1/2), random signs; small amplitude so that exp is
        // close to its linearisation's range (the Hölder constant of exp(f) is e^max f).
        int n = 1 << 12;
        PartitionTree t = PartitionTree.dyadic(n);
        HaarBasis b = HaarBasis.on(t);
        Random r = new Random(53);
        for (double alpha : new double[] {0.1, 0.2, 0.3, 0.4}) {
            double[] c = new double[n];
            for (int q = 1; q < n; q++) {
                c[q] = (r.nextBoolean() ? 1 : -1) * 0.02 * Math.sqrt(n) * Math.pow(b.folderFraction(q), alpha + 0.5);
            }
            double[] f = new double[n];
            TensorHaar.of(t).inverse(c, f);
            ParaproductDecomposition d = Paraproduct.of(SmoothFunction.EXP, t).apply(f);
            double af = d.inputCoefficients().holder().alpha();
            double aa = d.appliedCoefficients().holder().alpha();
            double ar = d.residualCoefficients().holder().alpha();
            assertEquals(alpha, af, 0.01, "the input's exponent");
            assertEquals(alpha, aa, 0.05, "exp keeps the exponent: " + d);
            assertTrue(ar >= 2 * alpha - 0.05, "the residual is twice as regular: " + d);
            assertTrue(d.relativeResidual() < 0.1, d.toString());
        }
    }
}
