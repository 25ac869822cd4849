package io.github.attnlab.compact.nw;

import io.github.attnlab.core.Check;
import io.github.attnlab.compact.Normalizer;

/**
 * The dictionary between sparse normalisers and compact-kernel regression (Santos et al. 2026,
 * docs/papers/B.md §B.1–3), for unit-norm queries and keys and scores $z_i = \langle q, k_i\rangle/h^2$.
 *
 * <p>Since $\|q - k\|^2 = 2 - 2\langle q, k\rangle$,
 * $z_i/n - \tau = (\tfrac{1}{nh^2} - \tau)\,(1 - \|q - k_i\|^2/b^2)$ with $b^2 = 2 - 2nh^2\tau$, so
 * $[z_i/n - \tau]_+^n \propto (1 - \|q - k_i\|^2/b^2)_+^n$: $\alpha$-entmax with $\alpha = 1 + 1/n$ is
 * Nadaraya–Watson with the kernel $(1 - u^2)_+^n$ at the bandwidth $b$ its threshold $\tau$ selects
 * (adaptive normalisation), and normalised ReLU of order $n$ with a fixed $\theta$ is the same kernel
 * at the fixed bandwidth $b^2 = 2 - 2nh^2\theta$.
 */
public final class Correspondence {

    private Correspondence() {
    }

    /** $\alpha = 1 + 1/n$ ($n = +\infty$ gives 1, softmax). */
    public static double alpha(double n) {
        if (!(n > 0)) {
            throw new IllegalArgumentException("kernel order n = " + n + " must be > 0");
        }
        return 1 + 1 / n;
    }

    /** $n = 1/(\alpha - 1)$ ($\alpha = 1$ gives $+\infty$, the Gaussian). */
    public static double order(double alpha) {
        if (!(alpha >= 1) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha = " + alpha + " must be finite and >= 1");
        }
        return 1 / (alpha - 1);
    }

    /**
     * The bandwidth selected by the threshold: $b = \sqrt{2 - 2nh^2\tau}$ (for the Gaussian, $b = h$).
     *
     * @throws IllegalArgumentException when $\tau \ge 1/(nh^2)$, which no unit-norm row produces
     */
    public static double bandwidth(double tau, double n, double h) {
        checkH(h);
        if (n == Double.POSITIVE_INFINITY) {
            return h;
        }
        double b2 = 2 - 2 * n * h * h * tau;
        if (!(b2 > 0)) {
            throw new IllegalArgumentException("tau = " + tau + " >= 1/(n h^2) = " + 1 / (n * h * h)
                    + ": no positive bandwidth (are the queries and keys unit-norm?)");
        }
        return Math.sqrt(b2);
    }

    /** The threshold of a bandwidth: $\tau = (2 - b^2)/(2nh^2)$. */
    public static double threshold(double b, double n, double h) {
        checkH(h);
        if (!(b > 0) || !(n > 0) || n == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("need b > 0 and a finite n > 0, not b = " + b + ", n = " + n);
        }
        return (2 - b * b) / (2 * n * h * h);
    }

    /** The normaliser that computes this kernel's adaptively normalised weights: $(1+1/n)$-entmax, or softmax. */
    public static Normalizer adaptiveNormalizer(SmoothingKernel kernel) {
        Check.notNull("kernel", kernel);
        return Normalizer.forKernelOrder(kernel.order());
    }

    /**
     * The normaliser that computes this kernel's weights at the fixed bandwidth $b$: normalised ReLU of
     * order $n$ with $\theta = (2 - b^2)/(2nh^2)$ (for the Gaussian, softmax with $b = h$ is the only case).
     */
    public static Normalizer fixedNormalizer(SmoothingKernel kernel, double b, double h) {
        Check.notNull("kernel", kernel);
        Check.positive("b", b);
        Check.positive("h", h);
        if (!kernel.isCompact()) {
            if (b != h) {
                throw new IllegalArgumentException("the Gaussian at bandwidth b = " + b + " is softmax of <q,k>/b^2;"
                        + " pass h = b");
            }
            return Normalizer.softmax();
        }
        return Normalizer.normalizedRelu(kernel.order(), threshold(b, kernel.order(), h));
    }

    /** The scores $z_i = \langle q, k_i\rangle / h^2$. */
    public static double[] scores(double[] q, double[][] keys, double h) {
        Check.finite("q", q);
        Check.finiteMatrix("keys", keys);
        checkH(h);
        double[] z = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].length != q.length) {
                throw new IllegalArgumentException("keys[" + i + "] has dimension " + keys[i].length + ", q " + q.length);
            }
            z[i] = io.github.attnlab.simd.SimdOps.get().dot(q, 0, keys[i], 0, q.length) / (h * h);
        }
        return z;
    }

    private static void checkH(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("h = " + h + " must be finite and > 0");
        }
    }
}
