package io.github.attnlab.wasserstein;

import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;
import java.util.Locale;

/**
 * The regularised Wasserstein proximal operator with prior $V$, as an attention operator (paper F.3: Han, Osher, Li
 * 2025, "Sparse transformer architectures via regularized Wasserstein proximal operator with $L_1$ prior";
 * {@code docs/papers/F.md}).
 *
 * <p>The operator's closed-form kernel sends a point $y$ to the law
 * $K(x \mid y) = \exp(-V(x)/(2\beta) - \lVert x - y\rVert^2/(4\beta T)) / Z(y)$. On particles $x_1, \dots, x_N$
 * it is the softmax of the logits $z_i = -V(x_i)/(2\beta) - \lVert x_i - y\rVert^2/(4\beta T)$: attention with
 * query $y$, keys $x_i$, a key bias $-V(x_i)/(2\beta) - \lVert x_i\rVert^2/(4\beta T)$ and temperature $2\beta T$,
 * whose output $\sum_i w_i v_i$ (values $v_i = x_i$ unless given) is the particle approximation of the kernel mean.
 * For a {@link SeparablePrior} the continuous kernel is in closed form ({@link #kernel}, {@link #kernelMean}); as
 * $\beta \to 0$ it concentrates on the proximal point $\mathrm{prox}_{TV}(y)$ ({@link #proximalPoint}), which for
 * $V = \lambda\lVert x\rVert_1$ is soft thresholding.
 *
 * <pre>{@code
 * WassersteinProximal op = WassersteinProximal.of(Prior.l1(0.5), 0.05, 1.0);   // V, beta, T
 * ProximalWeights w = op.weights(y, particles);    // softmax over particles, output, exact zeros, certified support
 * double[][] out = op.attend(queries, particles);  // one output per query
 * double[] m = op.kernelMean(y);                   // the continuous kernel's mean (separable priors)
 * double[] p = op.proximalPoint(y);                // its beta -> 0 limit: S_{lambda T}(y)
 * }</pre>
 *
 * <p>Immutable; the constructor only validates. For loops, {@link #logits(Prior, double, double, double[], double[],
 * int, int, double[])} fills a caller's array.
 */
public final class WassersteinProximal {

    private final Prior prior;
    private final double beta;
    private final double time;

    private WassersteinProximal(Prior prior, double beta, double time) {
        this.prior = prior;
        this.beta = beta;
        this.time = time;
    }

    /**
     * The operator with prior $V$, regularisation (diffusion) $\beta &gt; 0$ and time step $T &gt; 0$.
     *
     * @throws IllegalArgumentException for a null prior, or $\beta$ or $T$ not finite and positive
     */
    public static WassersteinProximal of(Prior prior, double beta, double time) {
        Check.notNull("prior", prior);
        Check.positive("beta", beta);
        Check.positive("time", time);
        return new WassersteinProximal(prior, beta, time);
    }

    /** The same operator with another $\beta$. */
    public WassersteinProximal beta(double beta) {
        return of(prior, beta, time);
    }

    /** The same operator with another prior. */
    public WassersteinProximal prior(Prior prior) {
        return of(prior, beta, time);
    }

    /** The prior $V$. */
    public Prior prior() {
        return prior;
    }

    /** $\beta$. */
    public double beta() {
        return beta;
    }

    /** $T$. */
    public double time() {
        return time;
    }

    /** The logits $z_i = -V(x_i)/(2\beta) - \lVert x_i - y\rVert^2/(4\beta T)$ of the query over the particles. */
    public double[] logits(double[] y, double[][] particles) {
        int n = checkParticles(particles, Prior.point("y", y).length);
        double[] out = new double[n];
        logits(prior, beta, time, y, flatten(particles), n, y.length, out);
        return out;
    }

    /** The softmax over the particles, the output $\sum_i w_i x_i$ and the weights' sparsity. */
    public ProximalWeights weights(double[] y, double[][] particles) {
        return weights(y, particles, particles);
    }

    /** As {@link #weights(double[], double[][])} with values $v_i$ (one row per particle) for the output. */
    public ProximalWeights weights(double[] y, double[][] particles, double[][] values) {
        double[] z = logits(y, particles);
        if (Check.finiteMatrix("values", values) != particles.length) {
            throw new IllegalArgumentException("values has " + values.length + " rows for " + particles.length
                    + " particles");
        }
        double[] w = new double[z.length];
        Normalizers.softmax(z, w, 0, z.length);
        double[] out = new double[values[0].length];
        for (int i = 0; i < w.length; i++) {
            if (w[i] != 0) {
                SimdOps.get().axpy(w[i], values[i], 0, out, 0, out.length);
            }
        }
        return new ProximalWeights(this.toString(), y, z, w, out);
    }

    /** The operator on many queries: row $q$ of the result is $\sum_i w_i(y_q) x_i$. */
    public double[][] attend(double[][] queries, double[][] particles) {
        Check.finiteMatrix("queries", queries);
        double[][] out = new double[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            out[q] = weights(queries[q], particles).output();
        }
        return out;
    }

    /**
     * Allocation-free logits for loops: {@code out[i]} $= -V(x_i)/(2\beta) - \lVert x_i - y\rVert^2/(4\beta T)$ for
     * the {@code n} particles stored row-major in {@code particles} ({@code n × d}). A particle where $V = +\infty$
     * gets $-\infty$ (a masked key).
     */
    public static void logits(Prior prior, double beta, double time, double[] y, double[] particles, int n, int d,
                              double[] out) {
        Check.notNull("prior", prior);
        Check.positive("beta", beta);
        Check.positive("time", time);
        Check.positive("n", n);
        Check.positive("d", d);
        Check.finite("y", y);
        if (y.length != d) {
            throw new IllegalArgumentException("y has length " + y.length + ", need d = " + d);
        }
        Check.finite("particles", particles);
        if ((long) n * d > particles.length) {
            throw new IllegalArgumentException("particles has length " + particles.length + ", need n x d = " + n + " x " + d);
        }
        Check.notNull("out", out);
        if (out.length < n) {
            throw new IllegalArgumentException("out has length " + out.length + ", need n = " + n);
        }
        SimdOps ops = SimdOps.get();
        double[] x = new double[d];
        double scale = 1 / (4 * beta * time);
        for (int i = 0; i < n; i++) {
            System.arraycopy(particles, i * d, x, 0, d);
            double v = prior.value(x);
            out[i] = v == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY
                    : -v / (2 * beta) - ops.squaredDistance(particles, i * d, y, 0, d) * scale;
        }
    }

    /** The continuous kernel $K(\cdot \mid y)$, one {@link TwoPieceGaussian} per coordinate (separable priors). */
    public TwoPieceGaussian[] kernel(double[] y) {
        SeparablePrior p = separable("the continuous kernel");
        Prior.point("y", y);
        TwoPieceGaussian[] k = new TwoPieceGaussian[y.length];
        for (int j = 0; j < y.length; j++) {
            k[j] = p.kernel(y[j], beta, time);
        }
        return k;
    }

    /** $E_{K(\cdot \mid y)}[x]$, the continuous operator's output (separable priors). */
    public double[] kernelMean(double[] y) {
        TwoPieceGaussian[] k = kernel(y);
        double[] m = new double[k.length];
        for (int j = 0; j < m.length; j++) {
            m[j] = k[j].mean();
        }
        return m;
    }

    /** $\log Z(y) = \log\int e^{-V(x)/(2\beta) - \lVert x - y\rVert^2/(4\beta T)}dx$ (separable priors). */
    public double logPartition(double[] y) {
        double s = 0;
        for (TwoPieceGaussian k : kernel(y)) {
            s += k.logPartition();
        }
        return s;
    }

    /** $\mathrm{prox}_{TV}(y) = \arg\min_x V(x) + \lVert x - y\rVert^2/(2T)$, the $\beta \to 0$ limit (separable priors). */
    public double[] proximalPoint(double[] y) {
        SeparablePrior p = separable("the proximal point");
        Prior.point("y", y);
        double[] out = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            out[j] = p.prox(y[j], time);
        }
        return out;
    }

    private SeparablePrior separable(String what) {
        if (!(prior instanceof SeparablePrior)) {
            throw new IllegalArgumentException(what + " needs a separable prior (L1, quadratic, none), not "
                    + prior.name());
        }
        return (SeparablePrior) prior;
    }

    static int checkParticles(double[][] particles, int d) {
        int n = Check.finiteMatrix("particles", particles);
        if (particles[0].length != d) {
            throw new IllegalArgumentException("particles have " + particles[0].length + " coordinates, the query "
                    + d);
        }
        return n;
    }

    static double[] flatten(double[][] a) {
        int d = a[0].length;
        double[] f = new double[a.length * d];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, f, i * d, d);
        }
        return f;
    }

    /** One line: the prior and the parameters. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WassersteinProximal[%s, beta %s, T %s]", prior.name(), beta, time);
    }
}
