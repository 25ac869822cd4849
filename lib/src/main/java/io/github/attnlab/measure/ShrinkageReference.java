package io.github.attnlab.measure;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * The reference predictor of paper F.1's context-size experiment (Kawata and Suzuki 2026; {@code docs/papers/F.md}):
 * the Bayes-optimal linear shrinkage of the query component's empirical Fourier moments [derived].
 *
 * <p>Setting ({@link MixtureContext#random}, every episode with fresh densities): the coefficients of
 * $p(z) = \frac1{2\pi}(1 + \sum_{k \le M} k^{-s}(a_k\cos kz + b_k\sin kz))$ are independent and uniform on $[-A, A]$,
 * so the moments $C_k = E_p\cos kz = k^{-s}a_k/2$ (and $S_k$) have mean 0 and variance
 * $\tau_k^2 = A^2k^{-2s}/12$. From $n$ tokens of the component the empirical moment $\hat C_k$ has conditional mean
 * $C_k$ and, averaged over the prior, noise variance $v_k = (1/2 - \tau_k^2)/n$ (since
 * $E_p\cos^2 kz = 1/2 + C_{2k}/2$ and $E\,C_{2k} = 0$), uncorrelated across $k$ and with $C_k$. The best predictor
 * linear in the moments is therefore $\lambda_k\hat C_k$ with $\lambda_k = \tau_k^2/(\tau_k^2 + v_k)$ ({@link #weight}),
 * with error $\tau_k^2 v_k/(\tau_k^2 + v_k)$ per moment. For the centred target of the task,
 * $t = 2\pi p(z_q) - 1 = 2\sum_k (C_k\cos kz_q + S_k\sin kz_q)$ with $z_q$ uniform, the expected squared error is
 * $$E(n) = 4\sum_{k \le K}\frac{\tau_k^2 v_k}{\tau_k^2 + v_k} + 4\sum_{K < k \le M}\tau_k^2$$
 * ({@link #expectedError}) when only the first $K$ harmonics are used; $E(0^+) = 4\sum_k\tau_k^2$ is the uniform
 * predictor's error. Asymptotically $E(n) \asymp n^{-(2s-1)/(2s)}$ (the terms with $\tau_k^2 &gt; v_k$ contribute
 * $v_k$, the rest $\tau_k^2$, and the crossover is at $k \asymp n^{1/(2s)}$), but the local exponent
 * $-d\log E/d\log n$ ({@link #localExponent}) approaches $(2s-1)/(2s)$ slowly, which is why an experiment at small $n$
 * must be compared with this reference's exponent over the same range.
 *
 * <p>Immutable.
 */
public final class ShrinkageReference {

    private final double s;
    private final double amplitude;
    private final int terms;
    private final int harmonics;
    /** $\tau_k^2$, index $k - 1$. */
    private final double[] prior;

    private ShrinkageReference(double s, double amplitude, int terms, int harmonics) {
        this.s = s;
        this.amplitude = amplitude;
        this.terms = terms;
        this.harmonics = harmonics;
        this.prior = new double[terms];
        for (int k = 1; k <= terms; k++) {
            prior[k - 1] = amplitude * amplitude * Math.pow(k, -2 * s) / 12;
        }
    }

    /**
     * The reference for the class $(s, A, M)$ of {@link MixtureContext#random}, using the first {@code harmonics}
     * $K \le M$ moments.
     *
     * @throws IllegalArgumentException when $s \le 1/2$, $A \le 0$, $A\sqrt2\sum_{k \le M}k^{-s} \ge 1$, or $K$ is not in
     *                                  $[1, M]$ (each names the argument)
     */
    public static ShrinkageReference of(double s, double amplitude, int terms, int harmonics) {
        Check.finite("s", s);
        if (!(s > 0.5)) {
            throw new IllegalArgumentException("s = " + s + " must be > 0.5");
        }
        Check.positive("amplitude", amplitude);
        Check.range("terms", terms, 1, 1 << 24);
        double bound = 0;
        for (int k = 1; k <= terms; k++) {
            bound += Math.sqrt(2) * amplitude * Math.pow(k, -s);
        }
        if (!(bound < 1)) {
            throw new IllegalArgumentException("amplitude = " + amplitude + " allows a negative density with terms = "
                    + terms + " and s = " + s + ": A sqrt(2) sum_k k^-s = " + bound + " must be < 1");
        }
        Check.range("harmonics", harmonics, 1, terms);
        return new ShrinkageReference(s, amplitude, terms, harmonics);
    }

    /** {@link #of} with every harmonic, $K = M$. */
    public static ShrinkageReference of(double s, double amplitude, int terms) {
        return of(s, amplitude, terms, terms);
    }

    /** $K$. */
    public int harmonics() {
        return harmonics;
    }

    /** The prior variance $\tau_k^2 = A^2k^{-2s}/12$ of the moments of harmonic {@code k} in $[1, M]$. */
    public double priorVariance(int k) {
        return prior[Check.range("k", k, 1, terms) - 1];
    }

    /** The shrinkage $\lambda_k = \tau_k^2/(\tau_k^2 + v_k)$ with {@code n} tokens, 0 beyond $K$. */
    public double weight(int k, double n) {
        Check.range("k", k, 1, terms);
        positive(n);
        if (k > harmonics) {
            return 0;
        }
        double t = prior[k - 1];
        return t / (t + noise(t, n));
    }

    /** $E(n)$, the expected squared error of {@link #predict} on the centred target (class comment). */
    public double expectedError(double n) {
        positive(n);
        double e = 0;
        for (int k = 1; k <= terms; k++) {
            double t = prior[k - 1];
            if (k > harmonics) {
                e += 4 * t;
            } else {
                double v = noise(t, n);
                e += 4 * t * v / (t + v);
            }
        }
        return e;
    }

    /** The uniform predictor's expected squared error $4\sum_k\tau_k^2 = E(0^+)$. */
    public double uniformError() {
        double e = 0;
        for (double t : prior) {
            e += 4 * t;
        }
        return e;
    }

    /**
     * The local rate exponent $-d\log E/d\log n$ at {@code n}, in closed form:
     * $\big(4\sum_{k \le K}\tau_k^4 v_k/(\tau_k^2 + v_k)^2\big)/E(n)$.
     */
    public double localExponent(double n) {
        positive(n);
        double d = 0;
        for (int k = 1; k <= harmonics; k++) {
            double t = prior[k - 1];
            double v = noise(t, n);
            d += 4 * t * t * v / ((t + v) * (t + v));
        }
        return d / expectedError(n);
    }

    /**
     * The prediction of the centred target $t$ at angle {@code z} from the {@code angles} of the query component's
     * tokens: $2\sum_{k \le K}\lambda_k(\hat C_k\cos kz + \hat S_k\sin kz)$ with $n$ = the number of angles.
     *
     * @throws IllegalArgumentException when {@code angles} is empty or not finite, or {@code z} is not finite
     */
    public double predict(double[] angles, double z) {
        Check.finite("angles", angles);
        if (angles.length == 0) {
            throw new IllegalArgumentException("angles is empty: the component has no tokens");
        }
        Check.finite("z", z);
        int n = angles.length;
        double out = 0;
        for (int k = 1; k <= harmonics; k++) {
            double c = 0;
            double sn = 0;
            for (double a : angles) {
                c += Math.cos(k * a);
                sn += Math.sin(k * a);
            }
            out += 2 * weight(k, n) * (c / n * Math.cos(k * z) + sn / n * Math.sin(k * z));
        }
        return out;
    }

    /**
     * {@link #predict} on an episode of {@link MixtureContext#episode}: the angles of the context tokens whose key is
     * the query's component, the query's angle.
     */
    public double predict(MixtureContext.Episode episode) {
        Check.notNull("episode", episode);
        EmpiricalMeasure ctx = episode.context();
        int count = ctx.dimension() - 2;
        int n = 0;
        double[] angles = new double[(int) ctx.size()];
        for (int j = 0; j < ctx.size(); j++) {
            double[] y = ctx.point(j);
            if (y[episode.component()] == 1) {
                angles[n++] = Math.atan2(y[count + 1], y[count]);
            }
        }
        return predict(java.util.Arrays.copyOf(angles, n), episode.angle());
    }

    private static double noise(double t, double n) {
        return (0.5 - t) / n;
    }

    private static void positive(double n) {
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("n = " + n + " must be positive and finite");
        }
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ShrinkageReference[s = %s, A = %s, %d terms, %d harmonics]", s, amplitude,
                terms, harmonics);
    }
}
