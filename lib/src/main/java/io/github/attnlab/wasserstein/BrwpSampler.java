package io.github.attnlab.wasserstein;

import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The sampling use of the regularised Wasserstein proximal operator (paper F.3: Han, Osher, Li; the splitting scheme
 * of their "Splitting regularized Wasserstein proximal algorithms for nonsmooth sampling problems", 2025): particles
 * moved toward $\pi(x) \propto \exp(-(f(x) + V(x))/\beta)$ with $f$ smooth and $V$ a separable prior (e.g.
 * $\lambda\lVert x\rVert_1$, a Bayesian lasso).
 *
 * <p>The probability-flow ODE of the Fokker–Planck equation is $\dot x = -\nabla(f + V) - \beta\nabla\log\rho$. The
 * backward (BRWP) step replaces $\rho$ by the regularised Wasserstein proximal of the particles' empirical law,
 * $\tilde\rho(x) = \frac1N\sum_l K(x \mid x_l)$ with $T = h$, whose score is in closed form:
 * $\beta\nabla\log\tilde\rho(x) = -\nabla V(x)/2 - (x - m(x))/(2h)$, with $m(x)$ the attention of $x$ over the
 * particles (logits $-\lVert x - x_l\rVert^2/(4\beta h) - \log Z(x_l)$). A step is therefore
 * $x \leftarrow x - \tfrac h2\nabla V(x) + \tfrac12(x - m(x))$ after the explicit step on $f$; the nonsmooth
 * $-\tfrac h2\nabla V$ is taken implicitly, as $\mathrm{prox}_{(h/2)V}$ (soft thresholding for the L1 prior). This is
 * our transcription of the scheme, not the authors' code; {@link SamplingMethod#MYULA} is the usual Langevin baseline.
 *
 * <pre>{@code
 * Trajectory t = BrwpSampler.of(f, Prior.l1(1), 1.0).step(0.05).run(initial, 300, 10, SamplingMethod.BRWP_SPLITTING, 1);
 * }</pre>
 */
public final class BrwpSampler {

    /** The gradient of the smooth part $f$: writes $\nabla f(x)$ into {@code out}. */
    @FunctionalInterface
    public interface Gradient {
        /** $\nabla f(x)$ into {@code out} (same length as {@code x}). */
        void at(double[] x, double[] out);
    }

    /**
     * Particles recorded along a run.
     *
     * @param method     the method
     * @param iterations the iteration at which each snapshot was taken (0 = the initial particles)
     * @param snapshots  {@code [snapshot][particle][coordinate]}
     */
    public record Trajectory(SamplingMethod method, int[] iterations, double[][][] snapshots) {

        /** Deep-copies the arrays. */
        public Trajectory {
            Check.notNull("method", method);
            iterations = Check.notNull("iterations", iterations).clone();
            Check.notNull("snapshots", snapshots);
            if (snapshots.length != iterations.length || snapshots.length == 0) {
                throw new IllegalArgumentException("snapshots has " + snapshots.length + " entries and iterations "
                        + iterations.length + ": need one snapshot per iteration, at least one");
            }
            for (int s = 0; s < snapshots.length; s++) {
                Check.rectangular("snapshots[" + s + "]", snapshots[s]);
            }
            snapshots = copy(Check.notNull("snapshots", snapshots));
        }

        @Override
        public int[] iterations() {
            return iterations.clone();
        }

        @Override
        public double[][][] snapshots() {
            return copy(snapshots);
        }

        /** The particles of snapshot {@code s}. */
        public double[][] at(int s) {
            Check.index("s", s, snapshots.length);
            double[][] p = snapshots[s];
            double[][] c = new double[p.length][];
            for (int i = 0; i < p.length; i++) {
                c[i] = p[i].clone();
            }
            return c;
        }

        /** The last particles. */
        public double[][] last() {
            return at(snapshots.length - 1);
        }

        /** Coordinate {@code k} of every particle of snapshot {@code s}: a sample of that marginal. */
        public double[] marginal(int s, int k) {
            Check.index("s", s, snapshots.length);
            Check.index("k", k, snapshots[s][0].length);
            double[] m = new double[snapshots[s].length];
            for (int i = 0; i < m.length; i++) {
                m[i] = snapshots[s][i][k];
            }
            return m;
        }

        private static double[][][] copy(double[][][] a) {
            double[][][] c = new double[a.length][][];
            for (int s = 0; s < a.length; s++) {
                c[s] = new double[a[s].length][];
                for (int i = 0; i < a[s].length; i++) {
                    c[s][i] = a[s][i].clone();
                }
            }
            return c;
        }

        /** One line. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Trajectory[%s, %d snapshots to iteration %d, %d particles in %d dims]",
                    method, snapshots.length, iterations[iterations.length - 1], snapshots[0].length,
                    snapshots[0][0].length);
        }
    }

    private final Gradient gradient;
    private final SeparablePrior prior;
    private final double beta;
    private final double step;

    private BrwpSampler(Gradient gradient, SeparablePrior prior, double beta, double step) {
        this.gradient = gradient;
        this.prior = prior;
        this.beta = beta;
        this.step = step;
    }

    /**
     * A sampler of $\pi \propto e^{-(f + V)/\beta}$, with step $h = 0.05$ until {@link #step(double)} says otherwise.
     *
     * @throws IllegalArgumentException for a null gradient or prior, or $\beta$ not finite and positive
     */
    public static BrwpSampler of(Gradient gradientOfF, SeparablePrior prior, double beta) {
        Check.notNull("gradientOfF", gradientOfF);
        Check.notNull("prior", prior);
        return new BrwpSampler(gradientOfF, prior, Check.positive("beta", beta), 0.05);
    }

    /** The same sampler with time step $h$ (also the kernel's $T$). */
    public BrwpSampler step(double h) {
        return new BrwpSampler(gradient, prior, beta, Check.positive("h", h));
    }

    /**
     * Runs {@code iterations} steps from {@code initial} (not modified), recording the particles every
     * {@code every} steps (and at 0 and at the end); {@code seed} drives MYULA's noise (BRWP is deterministic).
     */
    public Trajectory run(double[][] initial, int iterations, int every, SamplingMethod method, long seed) {
        int n = Check.finiteMatrix("initial", initial);
        Check.range("iterations", iterations, 0, 10_000_000);
        Check.positive("every", every);
        Check.notNull("method", method);
        int d = initial[0].length;
        double[] x = WassersteinProximal.flatten(initial);
        List<Integer> at = new ArrayList<>();
        List<double[][]> snaps = new ArrayList<>();
        at.add(0);
        snaps.add(unflatten(x, n, d));
        Workspace w = new Workspace(n, d);
        Random rnd = new Random(seed);
        for (int it = 1; it <= iterations; it++) {
            if (method == SamplingMethod.BRWP_SPLITTING) {
                brwpStep(x, n, d, w);
            } else if (method == SamplingMethod.BRWP_SPLITTING_PER_COORDINATE) {
                brwpStepPerCoordinate(x, n, d, w);
            } else {
                myulaStep(x, n, d, w, rnd);
            }
            if (it % every == 0 || it == iterations) {
                at.add(it);
                snaps.add(unflatten(x, n, d));
            }
        }
        return new Trajectory(method, at.stream().mapToInt(Integer::intValue).toArray(),
                snaps.toArray(new double[0][][]));
    }

    /** Scratch arrays of one run. */
    private static final class Workspace {
        final double[] point;
        final double[] grad;
        final double[] logZ;
        final double[] logits;
        final double[] weights;
        final double[] mean;
        final double[] half;

        Workspace(int n, int d) {
            point = new double[d];
            grad = new double[d];
            logZ = new double[n];
            logits = new double[n];
            weights = new double[n];
            mean = new double[n * d];
            half = new double[n * d];
        }
    }

    private void explicitStep(double[] x, int n, int d, Workspace w) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, w.point, 0, d);
            gradient.at(w.point, w.grad);
            for (int k = 0; k < d; k++) {
                double g = w.grad[k];
                if (!Double.isFinite(g)) {
                    throw new IllegalArgumentException("gradient of f at particle " + i + " has " + g + " at " + k);
                }
                x[i * d + k] -= step * g;
            }
        }
    }

    private void brwpStep(double[] x, int n, int d, Workspace w) {
        explicitStep(x, n, d, w);
        SimdOps ops = SimdOps.get();
        for (int l = 0; l < n; l++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += prior.kernel(x[l * d + k], beta, step).logPartition();
            }
            w.logZ[l] = s;
        }
        double scale = 1 / (4 * beta * step);
        java.util.Arrays.fill(w.mean, 0);
        for (int j = 0; j < n; j++) {
            for (int l = 0; l < n; l++) {
                w.logits[l] = -ops.squaredDistance(x, j * d, x, l * d, d) * scale - w.logZ[l];
            }
            Normalizers.softmax(w.logits, w.weights, 0, n);
            for (int l = 0; l < n; l++) {
                if (w.weights[l] != 0) {
                    ops.axpy(w.weights[l], x, l * d, w.mean, j * d, d);
                }
            }
        }
        for (int i = 0; i < n * d; i++) {
            w.half[i] = prior.prox(x[i], step / 2) + 0.5 * (x[i] - w.mean[i]);
        }
        System.arraycopy(w.half, 0, x, 0, n * d);
    }

    private void brwpStepPerCoordinate(double[] x, int n, int d, Workspace w) {
        explicitStep(x, n, d, w);
        double scale = 1 / (4 * beta * step);
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < n; l++) {
                w.logZ[l] = prior.kernel(x[l * d + k], beta, step).logPartition();
            }
            for (int j = 0; j < n; j++) {
                double xj = x[j * d + k];
                for (int l = 0; l < n; l++) {
                    double diff = xj - x[l * d + k];
                    w.logits[l] = -diff * diff * scale - w.logZ[l];
                }
                Normalizers.softmax(w.logits, w.weights, 0, n);
                double m = 0;
                for (int l = 0; l < n; l++) {
                    m += w.weights[l] * x[l * d + k];
                }
                w.mean[j * d + k] = m;
            }
        }
        for (int i = 0; i < n * d; i++) {
            w.half[i] = prior.prox(x[i], step / 2) + 0.5 * (x[i] - w.mean[i]);
        }
        System.arraycopy(w.half, 0, x, 0, n * d);
    }

    private void myulaStep(double[] x, int n, int d, Workspace w, Random rnd) {
        double noise = Math.sqrt(2 * beta * step);
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, w.point, 0, d);
            gradient.at(w.point, w.grad);
            for (int k = 0; k < d; k++) {
                x[i * d + k] = prior.prox(w.point[k], step) - step * w.grad[k] + noise * rnd.nextGaussian();
            }
        }
    }

    private static double[][] unflatten(double[] x, int n, int d) {
        double[][] p = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, p[i], 0, d);
        }
        return p;
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BrwpSampler[target exp(-(f + %s)/%s), step %s]", prior.name(), beta, step);
    }
}
