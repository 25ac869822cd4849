package io.github.attnlab.diffusion;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.simd.SimdOps;
import java.util.Locale;

/**
 * The result of {@link DiffusionMaps#compute()}: the largest eigenpairs $(\lambda_j, \psi_j)$ of the
 * Markov matrix $P$, the stationary distribution $\pi$, and what follows from them (docs/papers/C.md §C.3).
 *
 * <p>Diffusion coordinates at time $t$: $\Psi_t(x) = (\lambda_1^t \psi_1(x), \dots, \lambda_m^t \psi_m(x))$.
 * The $\psi_j$ are orthonormal in $\ell^2(\pi)$, so the diffusion distance
 * $D_t(x, y)^2 = \sum_z (p_t(x, z) - p_t(y, z))^2 / \pi(z) = \sum_{j \ge 1} \lambda_j^{2t} (\psi_j(x) - \psi_j(y))^2$
 * is the Euclidean distance of the coordinates, exact when all $n - 1$ components are kept.
 * For non-integer $t$, $\lambda^t$ means $\mathrm{sign}(\lambda) |\lambda|^t$ (a given affinity need not be
 * positive semi-definite). {@link #residual()} is the largest relative eigen-equation residual
 * $\|P \psi_j - \lambda_j \psi_j\|_\infty / \|\psi_j\|_\infty$ over the kept pairs.
 */
public final class DiffusionMap {

    private final double[] lambda;
    private final double[][] psi;
    private final double[] pi;
    private final double alpha;
    private final Bandwidth.Scales scales;
    private final double[][] points;
    private final double[] degrees;
    private final double residual;

    DiffusionMap(double[] lambda, double[][] psi, double[] pi, double alpha, Bandwidth.Scales scales,
                 double[][] points, double[] degrees, double residual) {
        this.lambda = lambda;
        this.psi = psi;
        this.pi = pi;
        this.alpha = alpha;
        this.scales = scales;
        this.points = points;
        this.degrees = degrees;
        this.residual = residual;
    }

    /** The number of points. */
    public int size() {
        return pi.length;
    }

    /** The number $m$ of non-trivial components kept. */
    public int components() {
        return lambda.length - 1;
    }

    /** $\lambda_j$ for $j = 0..m$ ($\lambda_0 = 1$), in decreasing order. */
    public double eigenvalue(int j) {
        return lambda[checkComponent("j", j, 0)];
    }

    /** The non-trivial eigenvalues $\lambda_1 \ge \dots \ge \lambda_m$. */
    public double[] eigenvalues() {
        return java.util.Arrays.copyOfRange(lambda, 1, lambda.length);
    }

    /** The right eigenvector $\psi_j$ of $P$ ($\psi_0 \equiv 1$), normalised in $\ell^2(\pi)$. */
    public double[] eigenvector(int j) {
        return psi[checkComponent("j", j, 0)].clone();
    }

    /** The stationary distribution $\pi$ of $P$. */
    public double[] stationary() {
        return pi.clone();
    }

    /** The density normalisation $\alpha$ used. */
    public double alpha() {
        return alpha;
    }

    /** The largest relative residual of the eigen-equation over the kept pairs. */
    public double residual() {
        return residual;
    }

    /** The Gaussian bandwidth $\varepsilon$ used, or NaN for a given affinity or self-tuning scales. */
    public double epsilon() {
        return scales == null ? Double.NaN : scales.epsilon();
    }

    /** Diffusion coordinates at time {@code t}: row $x$ is $\Psi_t(x)$ with all $m$ components. */
    public double[][] coordinates(double t) {
        return coordinates(t, components());
    }

    /** The first {@code dims} diffusion coordinates at time {@code t}. */
    public double[][] coordinates(double t, int dims) {
        checkTime(t);
        if (dims < 1 || dims > components()) {
            throw new IllegalArgumentException("dims = " + dims + " is outside [1, " + components() + "]");
        }
        int n = size();
        double[][] c = new double[n][dims];
        for (int j = 1; j <= dims; j++) {
            double w = power(lambda[j], t);
            for (int x = 0; x < n; x++) {
                c[x][j - 1] = w * psi[j][x];
            }
        }
        return c;
    }

    /** The diffusion distance $D_t(x, y)$ over the kept components. */
    public double distance(int x, int y, double t) {
        Check.index("x", x, size());
        Check.index("y", y, size());
        checkTime(t);
        double s = 0;
        for (int j = 1; j < lambda.length; j++) {
            double d = power(lambda[j], t) * (psi[j][x] - psi[j][y]);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** All diffusion distances at time {@code t} (through {@link SimdOps}). */
    public double[][] distances(double t) {
        double[][] c = coordinates(t);
        SimdOps ops = SimdOps.get();
        int n = size();
        double[][] d = new double[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                double v = Math.sqrt(ops.squaredDistance(c[x], 0, c[y], 0, c.length == 0 ? 0 : c[x].length));
                d[x][y] = v;
                d[y][x] = v;
            }
        }
        return d;
    }

    /**
     * Nyström extension of the diffusion coordinates to a new point (maps built from points only):
     * $\psi_j(y) = \lambda_j^{-1} \sum_i p(y, x_i) \psi_j(x_i)$ with $p(y, \cdot)$ the $\alpha$-normalised
     * kernel row of $y$; at a data point it returns that point's coordinates.
     */
    public double[] extend(double[] point, double t) {
        Check.notNull("point", point);
        if (points == null) {
            throw new IllegalStateException("only a diffusion map built from points can be extended");
        }
        Check.finite("point", point);
        if (point.length != points[0].length) {
            throw new IllegalArgumentException("point has dimension " + point.length + ", the data " + points[0].length);
        }
        checkTime(t);
        SimdOps ops = SimdOps.get();
        int n = size();
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = ops.squaredDistance(point, 0, points[i], 0, point.length);
        }
        double[] k = scales.kernelRow(sq);
        double qy = 0;
        for (double v : k) {
            qy += v;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            k[i] = k[i] / Math.pow(qy * degrees[i], alpha);
            total += k[i];
        }
        double[] out = new double[components()];
        for (int j = 1; j < lambda.length; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += k[i] * psi[j][i];
            }
            out[j - 1] = power(lambda[j], t) * s / (total * lambda[j]);
        }
        return out;
    }

    /** Points in the diffusion coordinates {@code a} and {@code b} (1-based) at time {@code t}. */
    public XYChart scatter(int a, int b, double t) {
        double[][] c = coordinates(t);
        checkComponent("a", a, 1);
        checkComponent("b", b, 1);
        double[] xs = new double[size()];
        double[] ys = new double[size()];
        for (int x = 0; x < size(); x++) {
            xs[x] = c[x][a - 1];
            ys[x] = c[x][b - 1];
        }
        return XYChart.of("diffusion coordinates (t = " + t + ")", "psi_" + a, "psi_" + b).points("points", xs, ys);
    }

    private static double power(double l, double t) {
        return t == Math.rint(t) ? Math.pow(l, t) : Math.signum(l) * Math.pow(Math.abs(l), t);
    }

    private int checkComponent(String name, int j, int from) {
        return Check.range(name, j, from, components());
    }

    private static void checkTime(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("time t = " + t + " must be finite and >= 0");
        }
    }

    /** One line: size, alpha, bandwidth, the leading eigenvalues and the residual. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int j = 1; j < Math.min(lambda.length, 5); j++) {
            sb.append(j > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", lambda[j]));
        }
        return String.format(Locale.ROOT, "DiffusionMap[n=%d, alpha=%.2g, %s, lambda_1..=%s%s, residual %.1e]", size(),
                alpha, scales == null ? "given affinity" : Double.isNaN(epsilon()) ? "self-tuning" : String.format(Locale.ROOT, "eps=%.3g", epsilon()),
                sb, lambda.length > 5 ? ", ..." : "", residual);
    }
}
