package io.github.attnlab.spectral.eigen;

import io.github.attnlab.simd.SimdOps;
import java.util.Random;
import io.github.attnlab.core.SymmetricEigen;

/**
 * Operations on blocks of long vectors ({@code double[m][n]}, one vector per row), cache-blocked:
 * every Gram matrix and linear combination runs over slices of {@value #CHUNK} entries, so the
 * slices of all vectors of a block stay in cache while they are combined. Dot products and
 * updates go through {@link SimdOps}.
 */
final class Blocks {

    /** Slice length: 1024 doubles = 8 KiB per vector. */
    static final int CHUNK = 1024;

    private Blocks() {
    }

    /** $G_{ij} = \langle a_i, b_j \rangle$. */
    static double[][] gram(double[][] a, double[][] b) {
        SimdOps ops = SimdOps.get();
        double[][] g = new double[a.length][b.length];
        int n = a.length == 0 ? 0 : a[0].length;
        for (int s = 0; s < n; s += CHUNK) {
            int len = Math.min(CHUNK, n - s);
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    g[i][j] += ops.dot(a[i], s, b[j], s, len);
                }
            }
        }
        return g;
    }

    /**
     * $G_{ij} = \langle a_i, b_j \rangle$ for a product known to be symmetric ($a^\top a$, or
     * $S^\top AS$ for symmetric $A$): only $i \le j$ is computed, then mirrored, which halves the work.
     */
    static double[][] gramSymmetric(double[][] a, double[][] b) {
        SimdOps ops = SimdOps.get();
        int m = a.length;
        double[][] g = new double[m][m];
        int n = m == 0 ? 0 : a[0].length;
        for (int s = 0; s < n; s += CHUNK) {
            int len = Math.min(CHUNK, n - s);
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    g[i][j] += ops.dot(a[i], s, b[j], s, len);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                g[i][j] = g[j][i];
            }
        }
        return g;
    }

    /** $out_j = \sum_i c_{ij}\, basis_i$ for the first {@code m} columns of $c$; new vectors. */
    static double[][] combine(double[][] basis, double[][] c, int m) {
        SimdOps ops = SimdOps.get();
        int n = basis[0].length;
        double[][] out = new double[m][n];
        for (int s = 0; s < n; s += CHUNK) {
            int len = Math.min(CHUNK, n - s);
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < basis.length; i++) {
                    if (c[i][j] != 0) {
                        ops.axpy(c[i][j], basis[i], s, out[j], s, len);
                    }
                }
            }
        }
        return out;
    }

    /** $x \leftarrow x - Y (Y^\top x)$, and the same coefficients applied to {@code ax} if given ($ay$ = $AY$). */
    static void subtractProjection(double[][] y, double[][] ay, double[][] x, double[][] ax) {
        if (y.length == 0 || x.length == 0) {
            return;
        }
        double[][] c = gram(y, x);
        SimdOps ops = SimdOps.get();
        int n = x[0].length;
        for (int s = 0; s < n; s += CHUNK) {
            int len = Math.min(CHUNK, n - s);
            for (int j = 0; j < x.length; j++) {
                for (int i = 0; i < y.length; i++) {
                    ops.axpy(-c[i][j], y[i], s, x[j], s, len);
                    if (ax != null) {
                        ops.axpy(-c[i][j], ay[i], s, ax[j], s, len);
                    }
                }
            }
        }
    }

    /**
     * A transform $Z$ with $Z^\top G Z = I$ for a Gram matrix $G = X^\top X$, dropping directions whose
     * eigenvalue is below {@code dropTol} times the largest (SVQB, Stathopoulos &amp; Wu 2002).
     * Columns of $Z$ are ordered by decreasing eigenvalue of $G$; there may be fewer than $G$'s size.
     */
    static double[][] svqb(double[][] g, double dropTol) {
        int m = g.length;
        double[] scale = new double[m];
        for (int i = 0; i < m; i++) {
            scale[i] = g[i][i] > 0 ? 1 / Math.sqrt(g[i][i]) : 0;
        }
        double[][] gs = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                gs[i][j] = g[i][j] * scale[i] * scale[j];
            }
        }
        SmallEigen e = smallEigen(gs);
        double[] values = e.values();
        double[][] vectors = e.vectors();
        double max = values[m - 1];
        int keep = 0;
        for (int t = m - 1; t >= 0; t--) {
            if (values[t] > dropTol * max) {
                keep++;
            }
        }
        double[][] z = new double[m][keep];
        for (int c = 0; c < keep; c++) {
            int t = m - 1 - c;
            double f = 1 / Math.sqrt(values[t]);
            for (int i = 0; i < m; i++) {
                z[i][c] = scale[i] * vectors[i][t] * f;
            }
        }
        return z;
    }

    /** Vectors $x$ orthonormalised (two SVQB passes); near-dependent directions are dropped. */
    static double[][] orthonormalise(double[][] x) {
        double[][] q = x;
        for (int pass = 0; pass < 2 && q.length > 0; pass++) {
            double[][] z = svqb(gramSymmetric(q, q), 1e-14);
            q = combine(q, z, z[0].length);
        }
        return q;
    }

    /** {@code m} vectors of length {@code n} with independent standard normal entries. */
    static double[][] gaussian(int m, int n, Random r) {
        double[][] x = new double[m][n];
        for (double[] v : x) {
            for (int i = 0; i < n; i++) {
                v[i] = r.nextGaussian();
            }
        }
        return x;
    }

    /** $\|x\|_2$. */
    static double norm(double[] x) {
        return Math.sqrt(SimdOps.get().dot(x, 0, x, 0, x.length));
    }

    /**
     * The symmetric eigen-decomposition of a small dense matrix (symmetrised first, $(a + a^\top)/2$, since
     * Rayleigh–Ritz matrices are symmetric only up to rounding), eigenvalues increasing.
     */
    static SmallEigen smallEigen(double[][] a) {
        int m = a.length;
        double[][] sym = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                sym[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        SymmetricEigen e = SymmetricEigen.of(sym);
        double[][] vectors = new double[m][m];
        for (int t = 0; t < m; t++) {
            for (int i = 0; i < m; i++) {
                vectors[i][t] = e.vectorEntry(t, i);
            }
        }
        return new SmallEigen(e.values(), vectors);
    }

    /**
     * Eigenvalues increasing, and the eigenvectors as the columns of a matrix: column $t$ of {@code vectors} is
     * the eigenvector of {@code values[t]}.
     */
    record SmallEigen(double[] values, double[][] vectors) {
    }
}
