package io.github.attnlab.measure;

import io.github.attnlab.core.Check;
import java.util.Locale;
import java.util.Random;

/**
 * A density on the circle $\mathbb{T} = \mathbb{R}/2\pi\mathbb{Z}$ with polynomially decaying Fourier coefficients:
 * $$p(z) = \frac{1}{2\pi}\Big(1 + \sum_{k=1}^{M} k^{-s}(a_k \cos kz + b_k \sin kz)\Big), \qquad |a_k|, |b_k| \le A.$$
 *
 * <p>The component densities of paper F.1's mixture contexts (Kawata and Suzuki 2026; {@code docs/papers/F.md}). The
 * paper assumes a spectral condition on the input densities; we read it as decay of their coefficients in the
 * eigenbasis of the attention integral operator. On the circle, embedded as $z \mapsto (\cos z, \sin z)$, the kernel
 * $e^{\kappa\cos(z - z')}$ of attention is a convolution, whose eigenfunctions are the Fourier modes (eigenvalues
 * $\propto I_k(\kappa)$), so $k^{-s}$ decay is that condition, with the exponent $s$ explicit; it places $p$ in the
 * Sobolev ball $H^r$ for every $r &lt; s - 1/2$. Positivity needs $A\sqrt2\sum_k k^{-s} &lt; 1$, checked by the factory.
 *
 * <p>Immutable; {@link #of} checks and copies.
 */
public final class CircleDensity {

    private final double s;
    private final double[] cosines;
    private final double[] sines;
    /** $k^{-s} a_k$ and $k^{-s} b_k$, interleaved. */
    private final double[] scaled;
    private final double envelope;

    private CircleDensity(double s, double[] cosines, double[] sines, double[] scaled, double envelope) {
        this.s = s;
        this.cosines = cosines;
        this.sines = sines;
        this.scaled = scaled;
        this.envelope = envelope;
    }

    /**
     * The density with decay $s &gt; 1/2$ and coefficients $a_1, \dots, a_M$ ({@code cosines}), $b_1, \dots, b_M$
     * ({@code sines}).
     *
     * @throws IllegalArgumentException for non-finite or mismatched coefficients, $s \le 1/2$, or coefficients that
     *                                  allow a negative density
     */
    public static CircleDensity of(double s, double[] cosines, double[] sines) {
        Check.finite("s", s);
        if (!(s > 0.5)) {
            throw new IllegalArgumentException("s = " + s + " must be > 0.5");
        }
        Check.finite("cosines", cosines);
        if (cosines.length == 0) {
            throw new IllegalArgumentException("cosines is empty: a density needs at least one term");
        }
        Check.vector("sines", sines, cosines.length);
        double worst = 0;
        for (int k = 1; k <= cosines.length; k++) {
            worst += Math.pow(k, -s) * Math.hypot(cosines[k - 1], sines[k - 1]);
        }
        if (!(worst < 1)) {
            throw new IllegalArgumentException("the coefficients allow a negative density: sum_k k^-s |(a_k, b_k)| = "
                    + worst + " must be < 1");
        }
        double[] scaled = new double[2 * cosines.length];
        for (int k = 1; k <= cosines.length; k++) {
            scaled[2 * k - 2] = Math.pow(k, -s) * cosines[k - 1];
            scaled[2 * k - 1] = Math.pow(k, -s) * sines[k - 1];
        }
        return new CircleDensity(s, cosines.clone(), sines.clone(), scaled, (1 + worst) / (2 * Math.PI));
    }

    /**
     * Coefficients drawn uniformly from $[-A, A]$ for $k = 1, \dots, M$.
     *
     * @throws IllegalArgumentException when $A\sqrt2\sum_{k \le M} k^{-s} \ge 1$: some draw could be negative somewhere
     */
    public static CircleDensity random(double s, double amplitude, int terms, Random rnd) {
        Check.positive("amplitude", amplitude);
        Check.positive("terms", terms);
        Check.notNull("rnd", rnd);
        double bound = 0;
        for (int k = 1; k <= terms; k++) {
            bound += Math.sqrt(2) * amplitude * Math.pow(k, -s);
        }
        if (!(bound < 1)) {
            throw new IllegalArgumentException("amplitude = " + amplitude + " with terms = " + terms
                    + " and s = " + s + " allows a negative density: A sqrt(2) sum_k k^-s = "
                    + bound + " must be < 1");
        }
        double[] a = new double[terms];
        double[] b = new double[terms];
        for (int k = 0; k < terms; k++) {
            a[k] = amplitude * (2 * rnd.nextDouble() - 1);
            b[k] = amplitude * (2 * rnd.nextDouble() - 1);
        }
        return of(s, a, b);
    }

    /** The decay exponent $s$. */
    public double s() {
        return s;
    }

    /** A copy of $a_1, \dots, a_M$. */
    public double[] cosines() {
        return cosines.clone();
    }

    /** A copy of $b_1, \dots, b_M$. */
    public double[] sines() {
        return sines.clone();
    }

    /** $M$, the number of Fourier terms. */
    public int terms() {
        return cosines.length;
    }

    /** $p(z)$. */
    public double density(double z) {
        Check.finite("z", z);
        double c1 = Math.cos(z);
        double s1 = Math.sin(z);
        double ck = c1;
        double sk = s1;
        double sum = 1;
        for (int k = 1; k <= cosines.length; k++) {
            sum += scaled[2 * k - 2] * ck + scaled[2 * k - 1] * sk;
            double c = ck * c1 - sk * s1;
            sk = sk * c1 + ck * s1;
            ck = c;
        }
        return sum / (2 * Math.PI);
    }

    /** $E_p[\cos kz] = k^{-s} a_k / 2$ (0 beyond $M$). */
    public double cosineMoment(int k) {
        Check.positive("k", k);
        return k > cosines.length ? 0 : 0.5 * scaled[2 * k - 2];
    }

    /** $E_p[\sin kz] = k^{-s} b_k / 2$ (0 beyond $M$). */
    public double sineMoment(int k) {
        Check.positive("k", k);
        return k > sines.length ? 0 : 0.5 * scaled[2 * k - 1];
    }

    /** A draw from $p$, by rejection from the uniform law under the envelope $\sup p$. */
    public double sample(Random rnd) {
        Check.notNull("rnd", rnd);
        double bound = envelope;
        while (true) {
            double z = 2 * Math.PI * rnd.nextDouble();
            if (rnd.nextDouble() * bound <= density(z)) {
                return z;
            }
        }
    }

    /** An upper bound of $p$: $(1 + \sum_k k^{-s}|(a_k, b_k)|)/(2\pi)$. */
    public double envelope() {
        return envelope;
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CircleDensity[s = %s, %d terms, a_1 = %.3f, b_1 = %.3f]", s, terms(),
                cosines.length > 0 ? cosines[0] : 0, sines.length > 0 ? sines[0] : 0);
    }
}
