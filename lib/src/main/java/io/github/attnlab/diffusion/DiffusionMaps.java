package io.github.attnlab.diffusion;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.SymmetricEigen;
import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;

/**
 * Diffusion maps (Coifman and Lafon, ACHA 2006; docs/papers/C.md §C.3): an immutable configuration whose
 * terminal method {@link #compute()} returns a {@link DiffusionMap}.
 *
 * <p>From a symmetric affinity $K$ (Gaussian on points or on distances, see {@link Bandwidth}, or given):
 * the $\alpha$-normalisation $K^{(\alpha)}_{ij} = K_{ij} / (q_i^\alpha q_j^\alpha)$ with
 * $q_i = \sum_j K_{ij}$; the Markov matrix $P = D^{-1} K^{(\alpha)}$, $D = \mathrm{diag}(\sum_j K^{(\alpha)}_{ij})$;
 * its eigenpairs through the symmetric conjugate $S = D^{-1/2} K^{(\alpha)} D^{-1/2} = \Phi \Lambda \Phi^T$,
 * and the right eigenvectors $\psi_j = D^{-1/2} \varphi_j$ scaled so that $\psi_0 \equiv 1$.
 * The embedding keeps the <b>largest</b> non-trivial eigenvalues $1 = \lambda_0 > \lambda_1 \ge \lambda_2 \ge \dots$
 * (the authors' code of paper C keeps the smallest, which embeds the noise instead of the geometry).
 * $\alpha = 0$ is the classical normalised graph Laplacian, $\alpha = 1$ removes the density of the
 * sampling and recovers the Laplace–Beltrami operator.
 */
public final class DiffusionMaps {

    /** Relative asymmetry tolerated in given distances and affinities. */
    private static final double SYMMETRY_TOLERANCE = 1e-12;

    private final double[][] points;
    private final double[][] squared;
    private final double[][] affinity;
    private final Bandwidth bandwidth;
    private final double alpha;
    private final int components;

    private DiffusionMaps(double[][] points, double[][] squared, double[][] affinity, Bandwidth bandwidth,
                          double alpha, int components) {
        this.points = points;
        this.squared = squared;
        this.affinity = affinity;
        this.bandwidth = bandwidth;
        this.alpha = alpha;
        this.components = components;
    }

    /** Points as rows of {@code x}; Gaussian affinities with the median bandwidth unless set. */
    public static DiffusionMaps fromPoints(double[][] points) {
        return new DiffusionMaps(Check.finiteCopy("points", points), null, null, Bandwidth.median(), 1.0, 10);
    }

    /** A symmetric matrix of squared distances; Gaussian affinities with the median bandwidth unless set. */
    public static DiffusionMaps fromSquaredDistances(double[][] d2) {
        Check.symmetric("d2", d2, SYMMETRY_TOLERANCE);
        return new DiffusionMaps(null, Check.finiteCopy("d2", d2), null, Bandwidth.median(), 1.0, 10);
    }

    /** A given symmetric non-negative affinity matrix with positive row sums. */
    public static DiffusionMaps fromAffinity(double[][] k) {
        Check.symmetric("k", k, SYMMETRY_TOLERANCE);
        for (int i = 0; i < k.length; i++) {
            double s = 0;
            for (int j = 0; j < k.length; j++) {
                if (k[i][j] < 0) {
                    throw new IllegalArgumentException("k[" + i + "][" + j + "] = " + k[i][j] + " is negative");
                }
                s += k[i][j];
            }
            if (!(s > 0)) {
                throw new IllegalArgumentException("k[" + i + "] sums to 0: point " + i + " is isolated");
            }
        }
        return new DiffusionMaps(null, null, Check.finiteCopy("k", k), null, 1.0, 10);
    }

    /** The bandwidth rule (for points or distances; an error for a given affinity). */
    public DiffusionMaps bandwidth(Bandwidth b) {
        Check.notNull("b", b);
        if (affinity != null) {
            throw new IllegalStateException("a given affinity has no bandwidth");
        }
        return new DiffusionMaps(points, squared, affinity, java.util.Objects.requireNonNull(b, "bandwidth"), alpha, components);
    }

    /** The density normalisation $\alpha \in [0, 1]$ (default 1). */
    public DiffusionMaps alpha(double alpha) {
        Check.closed("alpha", alpha, 0, 1);
        return new DiffusionMaps(points, squared, affinity, bandwidth, alpha, components);
    }

    /** How many non-trivial eigenpairs to keep (default 10; at most n - 1 are available). */
    public DiffusionMaps components(int components) {
        Check.positive("components", components);
        return new DiffusionMaps(points, squared, affinity, bandwidth, alpha, components);
    }

    /** Squared Euclidean distances between the rows of {@code x}, through {@link SimdOps}. */
    public static double[][] squaredDistances(double[][] x) {
        Check.finiteMatrix("x", x);
        SimdOps ops = SimdOps.get();
        int n = x.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = ops.squaredDistance(x[i], 0, x[j], 0, x[i].length);
                d[i][j] = v;
                d[j][i] = v;
            }
        }
        return d;
    }

    /** Builds the affinity, normalises it, decomposes it: the terminal operation. */
    public DiffusionMap compute() {
        double[][] sq = points != null ? squaredDistances(points) : squared;
        Bandwidth.Scales scales = null;
        double[][] k;
        if (affinity != null) {
            k = affinity;
        } else {
            scales = bandwidth.resolve(sq);
            int n = sq.length;
            k = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    k[i][j] = scales.kernel(i, j, sq[i][j]);
                }
            }
        }
        int n = k.length;
        if (n < 2) {
            throw new IllegalArgumentException("a diffusion map needs at least 2 points, not " + n);
        }
        if (offDiagonalZero(k)) {
            throw new IllegalStateException("every affinity between distinct points is 0 (the bandwidth " + bandwidth
                    + " is so narrow that exp(-d^2/eps) underflows): the kernel is the identity and the diffusion map"
                    + " is undefined; widen the bandwidth");
        }
        double[] q = rowSums(k);
        double[][] ka = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ka[i][j] = k[i][j] / Math.pow(q[i] * q[j], alpha);
            }
        }
        double[] d = rowSums(ka);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = ka[i][j] / Math.sqrt(d[i] * d[j]);
            }
        }
        // Eigenvalues increase in SymmetricEigen: the LARGEST come last. Walk from the top: lambda_0 = 1
        // (trivial), then the diffusion coordinates.
        SymmetricEigen eig = SymmetricEigen.of(s);
        double vol = Arrays.stream(d).sum();
        double[] pi = new double[n];
        double[] root = new double[n];
        for (int i = 0; i < n; i++) {
            pi[i] = d[i] / vol;
            root[i] = Math.sqrt(pi[i]);
        }
        // S sqrt(d) = sqrt(d) exactly, so phi_0 = sqrt(pi) and psi_0 = 1. The computed eigenvector most
        // aligned with it is the trivial one (for a disconnected graph, lambda = 1 is repeated).
        int trivial = 0;
        double best = -1;
        double top = eig.value(n - 1);
        for (int c = 0; c < n && eig.value(n - 1 - c) >= top - 1e-8; c++) {
            double dot = Math.abs(dot(eig, n - 1 - c, root));
            if (dot > best + 1e-9) {
                best = dot;
                trivial = c;
            }
        }
        int m = Math.min(components, n - 1);
        double[] lambda = new double[m + 1];
        double[][] psi = new double[m + 1][n];
        lambda[0] = 1.0;
        Arrays.fill(psi[0], 1.0);
        for (int c = 1, e = 0; c <= m; c++, e++) {
            if (e == trivial) {
                e++;
            }
            lambda[c] = eig.value(n - 1 - e);
            for (int i = 0; i < n; i++) {
                psi[c][i] = eig.vectorEntry(n - 1 - e, i) / root[i];
            }
            orientSign(psi[c]);
        }
        double residual = residual(ka, d, lambda, psi);
        return new DiffusionMap(lambda, psi, pi, alpha, scales, points, q, residual);
    }

    private static boolean offDiagonalZero(double[][] k) {
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k.length; j++) {
                if (i != j && k[i][j] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** $\max_j \|P\psi_j - \lambda_j \psi_j\|_\infty / \|\psi_j\|_\infty$ over the kept eigenpairs. */
    private static double residual(double[][] ka, double[] d, double[] lambda, double[][] psi) {
        int n = d.length;
        double worst = 0;
        for (int c = 0; c < lambda.length; c++) {
            double norm = 0;
            double err = 0;
            for (int i = 0; i < n; i++) {
                double pv = 0;
                for (int j = 0; j < n; j++) {
                    pv += ka[i][j] * psi[c][j];
                }
                err = Math.max(err, Math.abs(pv / d[i] - lambda[c] * psi[c][i]));
                norm = Math.max(norm, Math.abs(psi[c][i]));
            }
            worst = Math.max(worst, err / Math.max(norm, Double.MIN_NORMAL));
        }
        return worst;
    }

    /** A deterministic sign: the entry of largest magnitude (first on ties) is positive. */
    private static void orientSign(double[] v) {
        int arg = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[arg]) * (1 + 1e-9)) {
                arg = i;
            }
        }
        if (v[arg] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
    }

    private static double dot(SymmetricEigen eig, int t, double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += eig.vectorEntry(t, i) * w[i];
        }
        return s;
    }

    private static double[] rowSums(double[][] a) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (double x : a[i]) {
                s[i] += x;
            }
        }
        return s;
    }

    @Override
    public String toString() {
        String src = points != null ? points.length + " points" : squared != null ? squared.length + " distances"
                : affinity.length + "x" + affinity.length + " affinity";
        return "DiffusionMaps[" + src + ", " + (bandwidth == null ? "given kernel" : bandwidth) + ", alpha=" + alpha
                + ", components=" + components + "]";
    }
}
