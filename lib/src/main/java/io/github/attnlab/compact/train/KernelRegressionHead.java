package io.github.attnlab.compact.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.compact.Normalized;
import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * One kernel-regression head in the manner of a Memory Mosaics context memory: unit-norm features
 * $\varphi(x) = (Wx + c)/\|Wx + c\|$ shared by keys and queries, scores
 * $z_i = \beta\langle\varphi(x_q), \varphi(x_i)\rangle$ ($\beta = 1/h^2$), weights $p = \rho(z)$ for a
 * normaliser $\rho$, and the prediction $\hat y = \sum_i p_i y_i$. With unit-norm features this is
 * exactly the Nadaraya–Watson estimator of docs/papers/B.md §B with the normaliser's smoothing kernel,
 * in a learned metric.
 *
 * <p>Immutable: the parameters $\theta = (W, c, \log\beta)$ are copied in and out; training
 * ({@link Trainer}) returns new heads. The gradient of the squared error goes through the
 * normaliser's {@link Normalizer#vjp}.
 */
public final class KernelRegressionHead {

    private final Normalizer normalizer;
    private final int inputDim;
    private final int featureDim;
    private final int valueDim;
    private final double[] theta;

    private KernelRegressionHead(Normalizer normalizer, int inputDim, int featureDim, int valueDim, double[] theta) {
        this.normalizer = normalizer;
        this.inputDim = inputDim;
        this.featureDim = featureDim;
        this.valueDim = valueDim;
        this.theta = theta;
    }

    /**
     * A head with Gaussian random $W$ (variance $1/d$), a random offset $c$ of norm 1 and the
     * given initial $\beta$.
     */
    public static KernelRegressionHead init(Task task, int featureDim, Normalizer normalizer, double beta, Random random) {
        Check.notNull("task", task);
        Check.notNull("random", random);
        Check.positive("featureDim", featureDim);
        Check.notNull("normalizer", normalizer);
        Check.positive("beta", beta);
        int d = task.inputDim();
        double[] theta = new double[featureDim * d + featureDim + 1];
        for (int i = 0; i < featureDim * d; i++) {
            theta[i] = random.nextGaussian() / Math.sqrt(d);
        }
        double norm = 0;
        for (int i = 0; i < featureDim; i++) {
            theta[featureDim * d + i] = random.nextGaussian();
            norm += theta[featureDim * d + i] * theta[featureDim * d + i];
        }
        for (int i = 0; i < featureDim; i++) {
            theta[featureDim * d + i] /= Math.sqrt(norm);
        }
        theta[theta.length - 1] = Math.log(beta);
        return new KernelRegressionHead(normalizer, d, featureDim, task.valueDim(), theta);
    }

    /** The same head with other parameters (same layout as {@link #parameters()}). */
    public KernelRegressionHead withParameters(double[] parameters) {
        Check.notNull("parameters", parameters);
        if (parameters.length != theta.length) {
            throw new IllegalArgumentException(parameters.length + " parameters, the head has " + theta.length);
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw new IllegalArgumentException("parameters[" + i + "] = " + parameters[i]);
            }
        }
        return new KernelRegressionHead(normalizer, inputDim, featureDim, valueDim, parameters.clone());
    }

    /** $\theta = (W$ row-major $m \times d$, $c$, $\log\beta)$. */
    public double[] parameters() {
        return theta.clone();
    }

    /** The normaliser $\rho$. */
    public Normalizer normalizer() {
        return normalizer;
    }

    /** $\beta = 1/h^2$, the inverse squared scale of the scores. */
    public double beta() {
        return Math.exp(theta[theta.length - 1]);
    }

    /** The prediction $\hat y(x_q)$ for an episode. */
    public double[] predict(Episode e) {
        Check.notNull("e", e);
        Workspace w = workspace();
        forward(e, w);
        return w.yHat.clone();
    }

    /** The attention of the query over the context: the normaliser's result on the scores. */
    public Normalized attention(Episode e) {
        Check.notNull("e", e);
        Workspace w = workspace();
        forward(e, w);
        return normalizer.apply(Arrays.copyOf(w.scores, e.length()));
    }

    Workspace workspace() {
        return new Workspace(featureDim, valueDim);
    }

    int size() {
        return theta.length;
    }

    /** Forward pass; fills the workspace (features, scores, p, $\hat y$) and returns $\tau$. */
    double forward(Episode e, Workspace w) {
        check(e);
        int n = e.length();
        w.ensure(n, featureDim);
        SimdOps ops = SimdOps.get();
        double[] xs = e.xs(); // the record's accessors copy: read each array once
        double[] ys = e.ys();
        for (int i = 0; i < n; i++) {
            w.norms[i] = feature(xs, i * inputDim, w.phi, i * featureDim);
        }
        w.normQ = feature(e.query(), 0, w.phiQ, 0);
        double beta = beta();
        for (int i = 0; i < n; i++) {
            w.cosines[i] = ops.dot(w.phiQ, 0, w.phi, i * featureDim, featureDim);
            w.scores[i] = beta * w.cosines[i];
        }
        double tau = normalizer.apply(w.scores, w.p, 0, n);
        Arrays.fill(w.yHat, 0);
        for (int i = 0; i < n; i++) {
            if (w.p[i] != 0) {
                ops.axpy(w.p[i], ys, i * valueDim, w.yHat, 0, valueDim);
            }
        }
        return tau;
    }

    /** $\frac12\|\hat y - y^*\|^2$. */
    double loss(Episode e, Workspace w) {
        forward(e, w);
        double[] target = e.target();
        double s = 0;
        for (int k = 0; k < valueDim; k++) {
            double d = w.yHat[k] - target[k];
            s += d * d;
        }
        return 0.5 * s;
    }

    /** Adds $\nabla_\theta \frac12\|\hat y - y^*\|^2$ to {@code grad} and returns the loss. */
    double lossAndGradient(Episode e, Workspace w, double[] grad) {
        forward(e, w);
        int n = e.length();
        SimdOps ops = SimdOps.get();
        double[] xs = e.xs();
        double[] ys = e.ys();
        double[] target = e.target();
        double loss = 0;
        for (int k = 0; k < valueDim; k++) {
            w.gradY[k] = w.yHat[k] - target[k];
            loss += 0.5 * w.gradY[k] * w.gradY[k];
        }
        for (int i = 0; i < n; i++) {
            w.gradP[i] = ops.dot(w.gradY, 0, ys, i * valueDim, valueDim);
        }
        normalizer.vjp(w.scores, w.p, w.gradP, w.gradScores, 0, n);
        double beta = beta();
        double gradLogBeta = 0;
        Arrays.fill(w.gradPhiQ, 0);
        for (int i = 0; i < n; i++) {
            double gs = w.gradScores[i];
            if (gs == 0) {
                continue;
            }
            gradLogBeta += gs * w.scores[i];
            double gCos = beta * gs;
            ops.axpy(gCos, w.phi, i * featureDim, w.gradPhiQ, 0, featureDim);
            // d cos / d u_i = (phiQ - cos phi_i) / |u_i|
            for (int k = 0; k < featureDim; k++) {
                w.gradU[k] = gCos * (w.phiQ[k] - w.cosines[i] * w.phi[i * featureDim + k]) / w.norms[i];
            }
            accumulate(w.gradU, xs, i * inputDim, grad);
        }
        double radial = ops.dot(w.gradPhiQ, 0, w.phiQ, 0, featureDim);
        for (int k = 0; k < featureDim; k++) {
            w.gradU[k] = (w.gradPhiQ[k] - radial * w.phiQ[k]) / w.normQ;
        }
        accumulate(w.gradU, e.query(), 0, grad);
        grad[grad.length - 1] += gradLogBeta;
        return loss;
    }

    /** $u = Wx + c$ written normalised into {@code phi}; returns $\|u\|$. */
    private double feature(double[] x, int xOff, double[] phi, int phiOff) {
        SimdOps ops = SimdOps.get();
        int cOff = featureDim * inputDim;
        double norm = 0;
        for (int k = 0; k < featureDim; k++) {
            double u = ops.dot(theta, k * inputDim, x, xOff, inputDim) + theta[cOff + k];
            phi[phiOff + k] = u;
            norm += u * u;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0)) {
            throw new IllegalStateException("a feature vector Wx + c is zero; the features cannot be normalised");
        }
        for (int k = 0; k < featureDim; k++) {
            phi[phiOff + k] /= norm;
        }
        return norm;
    }

    /** grad_W += g x^T, grad_c += g. */
    private void accumulate(double[] g, double[] x, int xOff, double[] grad) {
        SimdOps ops = SimdOps.get();
        int cOff = featureDim * inputDim;
        for (int k = 0; k < featureDim; k++) {
            ops.axpy(g[k], x, xOff, grad, k * inputDim, inputDim);
            grad[cOff + k] += g[k];
        }
    }

    private void check(Episode e) {
        if (e.query().length != inputDim || e.target().length != valueDim) {
            throw new IllegalArgumentException("episode has d = " + e.query().length + ", d_v = " + e.target().length
                    + "; the head expects " + inputDim + ", " + valueDim);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KernelRegressionHead[%s, d = %d → m = %d, β = %.4g, %d parameters]",
                normalizer.name(), inputDim, featureDim, beta(), theta.length);
    }
}
