package io.github.attnlab.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Diffusion maps recover the coordinates of a circle and a torus; identities against dense references. */
class DiffusionMapsTest {

    /** Eigen-equation residual of a symmetric QR decomposition of a ~200 x 200 matrix. */
    static final double EIGEN_TOL = 1e-9;
    /**
     * Fraction of a coordinate function's variance the leading eigenvectors must explain, on 150-250
     * random points of a circle with 1% noise and uneven density (0.989 and above measured).
     */
    static final double R2_MIN = 0.98;
    /**
     * The same on 500 random points of a 2-torus, where the four-fold degenerate first eigenspace is
     * split and slightly mixed by the sampling (0.97-0.99 measured over seeds and bandwidths).
     */
    static final double TORUS_R2_MIN = 0.95;

    /** R^2 of the least-squares fit of y by a linear combination of the columns xs (with intercept). */
    static double explained(double[] y, double[]... xs) {
        int n = y.length;
        int p = xs.length + 1;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int i = 0; i < n; i++) {
            double[] row = new double[p];
            row[0] = 1;
            for (int j = 0; j < xs.length; j++) {
                row[j + 1] = xs[j][i];
            }
            for (int r = 0; r < p; r++) {
                b[r] += row[r] * y[i];
                for (int c = 0; c < p; c++) {
                    a[r][c] += row[r] * row[c];
                }
            }
        }
        double[] coef = solve(a, b);
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double ssr = 0;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            double fit = coef[0];
            for (int j = 0; j < xs.length; j++) {
                fit += coef[j + 1] * xs[j][i];
            }
            ssr += (y[i] - fit) * (y[i] - fit);
            sst += (y[i] - mean) * (y[i] - mean);
        }
        return 1 - ssr / sst;
    }

    static double[] solve(double[][] a, double[] b) {
        int p = b.length;
        double[][] m = new double[p][p + 1];
        for (int r = 0; r < p; r++) {
            System.arraycopy(a[r], 0, m[r], 0, p);
            m[r][p] = b[r];
        }
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= p; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[p];
        for (int r = 0; r < p; r++) {
            x[r] = m[r][p] / m[r][r];
        }
        return x;
    }

    @Test
    void aCircleIsRecoveredByTheTwoLargestNonTrivialEigenvectors() {
        Random r = new Random(41);
        for (int trial = 0; trial < 5; trial++) {
            int n = 150 + r.nextInt(100);
            double[] theta = new double[n];
            double[][] x = new double[n][];
            for (int i = 0; i < n; i++) {
                // uneven sampling density: alpha = 1 removes it
                double u = r.nextDouble();
                theta[i] = 2 * Math.PI * (u + 0.05 * Math.sin(2 * Math.PI * u)); // density varies by a factor ~2
                x[i] = new double[] {Math.cos(theta[i]) + 0.01 * r.nextGaussian(), Math.sin(theta[i]) + 0.01 * r.nextGaussian()};
            }
            DiffusionMap dm = DiffusionMaps.fromPoints(x).bandwidth(Bandwidth.median(0.05)).alpha(1).components(n - 1).compute();
            assertTrue(dm.residual() < EIGEN_TOL, dm.toString());
            double[] cos = new double[n];
            double[] sin = new double[n];
            for (int i = 0; i < n; i++) {
                cos[i] = Math.cos(theta[i]);
                sin[i] = Math.sin(theta[i]);
            }
            double[] psi1 = dm.eigenvector(1);
            double[] psi2 = dm.eigenvector(2);
            assertTrue(explained(cos, psi1, psi2) > R2_MIN, "cos theta from psi_1, psi_2: R2 " + explained(cos, psi1, psi2) + " " + dm);
            assertTrue(explained(sin, psi1, psi2) > R2_MIN, "sin theta from psi_1, psi_2: " + dm);
            assertEquals(dm.eigenvalue(1), dm.eigenvalue(2), 0.02, "the circle's first harmonic is a double eigenvalue");
            // the bug of the authors' code: the SMALLEST eigenvectors carry no geometry
            double[] last1 = dm.eigenvector(n - 1);
            double[] last2 = dm.eigenvector(n - 2);
            assertTrue(explained(cos, last1, last2) < 0.2, "the smallest eigenvectors do not embed the circle");
        }
    }

    @Test
    void aFlatTorusIsRecoveredByTheFourLargest() {
        Random r = new Random(42);
        int n = 500;
        double[][] x = new double[n][];
        double[][] truth = new double[4][n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * r.nextDouble();
            double b = 2 * Math.PI * r.nextDouble();
            x[i] = new double[] {Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b)};
            for (int k = 0; k < 4; k++) {
                truth[k][i] = x[i][k];
            }
        }
        DiffusionMap dm = DiffusionMaps.fromPoints(x).bandwidth(Bandwidth.median(0.1)).alpha(1).components(8).compute();
        double[][] psi = {dm.eigenvector(1), dm.eigenvector(2), dm.eigenvector(3), dm.eigenvector(4)};
        for (int k = 0; k < 4; k++) {
            double r2 = explained(truth[k], psi);
            assertTrue(r2 > TORUS_R2_MIN, "torus coordinate " + k + " explained " + r2 + " by psi_1..4: " + dm);
        }
        assertTrue(dm.eigenvalue(4) - dm.eigenvalue(5) > 0.02, "a gap after the four first harmonics: " + dm);
    }

    @Test
    void distancesMatchTheDenseMarkovPowers() {
        Random r = new Random(43);
        for (int trial = 0; trial < 10; trial++) {
            int n = 10 + r.nextInt(30);
            double[][] x = new double[n][3];
            for (double[] p : x) {
                for (int d = 0; d < 3; d++) {
                    p[d] = r.nextGaussian();
                }
            }
            double alpha = r.nextInt(3) / 2.0;
            DiffusionMap dm = DiffusionMaps.fromPoints(x).alpha(alpha).components(n - 1).compute();
            // dense P = D^-1 K^alpha from scratch
            double eps = dm.epsilon();
            double[][] k = new double[n][n];
            double[] q = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int d = 0; d < 3; d++) {
                        s += (x[i][d] - x[j][d]) * (x[i][d] - x[j][d]);
                    }
                    k[i][j] = Math.exp(-s / eps);
                    q[i] += k[i][j];
                }
            }
            double[][] p = new double[n][n];
            double[] deg = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p[i][j] = k[i][j] / Math.pow(q[i] * q[j], alpha);
                    deg[i] += p[i][j];
                }
            }
            double vol = 0;
            for (int i = 0; i < n; i++) {
                vol += deg[i];
                for (int j = 0; j < n; j++) {
                    p[i][j] /= deg[i];
                }
            }
            double[] pi = dm.stationary();
            for (int i = 0; i < n; i++) {
                assertEquals(deg[i] / vol, pi[i], 1e-12);
            }
            double[][] pt = p;
            for (int t = 1; t <= 3; t++) {
                for (int a = 0; a < n; a += 3) {
                    for (int b = 0; b < n; b += 2) {
                        double s = 0;
                        for (int z = 0; z < n; z++) {
                            s += (pt[a][z] - pt[b][z]) * (pt[a][z] - pt[b][z]) / pi[z];
                        }
                        assertEquals(Math.sqrt(s), dm.distance(a, b, t), 1e-8, "D_" + t + "(" + a + "," + b + ")");
                    }
                }
                pt = multiply(pt, p);
            }
            // psi orthonormal in l2(pi)
            for (int a = 0; a <= dm.components(); a++) {
                for (int b = 0; b <= dm.components(); b++) {
                    double s = 0;
                    double[] u = dm.eigenvector(a);
                    double[] v = dm.eigenvector(b);
                    for (int z = 0; z < n; z++) {
                        s += pi[z] * u[z] * v[z];
                    }
                    assertEquals(a == b ? 1 : 0, s, 1e-9);
                }
            }
            double[] lambda = dm.eigenvalues();
            for (int j = 1; j < lambda.length; j++) {
                assertTrue(lambda[j - 1] >= lambda[j], "decreasing eigenvalues");
            }
        }
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    @Test
    void theNystromExtensionReproducesDataPoints() {
        Random r = new Random(44);
        int n = 80;
        double[][] x = new double[n][2];
        for (double[] p : x) {
            p[0] = r.nextGaussian();
            p[1] = r.nextGaussian();
        }
        for (Bandwidth bw : new Bandwidth[] {Bandwidth.median(), Bandwidth.selfTuning(7), Bandwidth.fixed(0.5)}) {
            DiffusionMap dm = DiffusionMaps.fromPoints(x).bandwidth(bw).alpha(0.5).components(6).compute();
            double[][] c = dm.coordinates(2);
            for (int i = 0; i < n; i += 7) {
                double[] e = dm.extend(x[i], 2);
                for (int j = 0; j < 6; j++) {
                    assertEquals(c[i][j], e[j], 1e-9, bw + " point " + i + " coordinate " + j);
                }
            }
        }
    }

    @Test
    void badInputIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DiffusionMaps.fromAffinity(new double[][] {{1, 0.5}, {0.4, 1}}));
        assertTrue(e.getMessage().startsWith("k is not symmetric: [0][1] = 0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DiffusionMaps.fromAffinity(new double[][] {{1, -1}, {-1, 1}}));
        assertEquals("k[0][1] = -1.0 is negative", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DiffusionMaps.fromPoints(new double[][] {{0, Double.NaN}}));
        assertEquals("points[0][1] is NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DiffusionMaps.fromPoints(new double[][] {{0}, {1}}).alpha(2));
        assertEquals("alpha = 2.0 is outside [0, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bandwidth.fixed(0));
        assertEquals("epsilon = 0.0 must be positive and finite", e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> DiffusionMaps.fromAffinity(new double[][] {{1, 1}, {1, 1}}).compute().extend(new double[] {0}, 1));
    }
}
