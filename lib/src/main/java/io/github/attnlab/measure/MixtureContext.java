package io.github.attnlab.measure;

import io.github.attnlab.core.Check;
import java.util.Locale;
import java.util.Random;

/**
 * The recall-and-predict task of paper F.1 (Kawata and Suzuki 2026; {@code docs/papers/F.md}): $I$ components
 * $\mu^{(i)}$, each the law of a token $y = (e_i, \cos z, \sin z) \in \mathbb{R}^{I + 2}$ with $e_i$ the component's
 * key (the $i$-th unit vector) and $z \sim p_i$ a {@link CircleDensity}; a context is the mixture
 * $\nu = I^{-1}\sum_i \mu^{(i)}$, sampled with $n$ tokens per component; a query $x = (e_{i^*}, \cos z_q, \sin z_q)$ comes
 * from one component, and the target is that component's density at the query's angle, $p_{i^*}(z_q)$.
 *
 * <p>Solved, with the true parameters, by attention that <b>recalls</b> (logit $\kappa\langle e_{i^*}, e_i\rangle$, so
 * the components other than $i^*$ carry $(I - 1)/(e^\kappa + I - 1)$ of the mass) and values that are the first $K$
 * Fourier features ({@link FourierFeatures}), followed by the <b>prediction</b>
 * $\hat p(z_q) = \frac1{2\pi}(1 + 2\sum_{k \le K}(\hat C_k\cos kz_q + \hat S_k\sin kz_q))$ ({@link #predict}): the
 * projection estimator of the component's density, whose cutoff $K$ trades the tail of the spectrum against the
 * variance of $2K$ empirical moments ({@link #cutoff}). An ERM-trained transformer and MLP must learn this map from
 * {@link #episode}s.
 */
public final class MixtureContext {

    private final CircleDensity[] components;
    private final double amplitude;

    private MixtureContext(CircleDensity[] components, double amplitude) {
        this.components = components;
        this.amplitude = amplitude;
    }

    /**
     * $I$ components with coefficients drawn uniformly from $[-A, A]$, $M$ terms each, decay $s$.
     *
     * @throws IllegalArgumentException when $A\sqrt2\sum_{k \le M} k^{-s} \ge 1$ (a density could be negative)
     */
    public static MixtureContext random(int components, double s, double amplitude, int terms, long seed) {
        Check.positive("components", components);
        Random rnd = new Random(seed);
        CircleDensity[] c = new CircleDensity[components];
        for (int i = 0; i < components; i++) {
            c[i] = CircleDensity.random(s, amplitude, terms, rnd);
        }
        return new MixtureContext(c, amplitude);
    }

    /** The number of components $I$. */
    public int components() {
        return components.length;
    }

    /** Component {@code i}'s density. */
    public CircleDensity component(int i) {
        return components[Check.index("i", i, components.length)];
    }

    /** The token dimension $I + 2$. */
    public int dimension() {
        return components.length + 2;
    }

    /**
     * The context $\nu$ sampled with {@code perComponent} tokens of each component, each of weight
     * $1/(I \cdot n)$, generated on every pass from {@code seed} and never stored: atom $j$ is from component $j \bmod I$.
     */
    public Measure context(long perComponent, long seed) {
        positive(perComponent);
        int count = components.length;
        long n = perComponent * count;
        double weight = 1.0 / n;
        return new Measure() {
            @Override
            public int dimension() {
                return count + 2;
            }

            @Override
            public long size() {
                return n;
            }

            @Override
            public void forEach(Sink sink) {
                Check.notNull("sink", sink);
                Random[] rnd = new Random[count];
                for (int i = 0; i < count; i++) {
                    rnd[i] = new Random(seed * 1_000_003L + i);
                }
                double[] y = new double[count + 2];
                for (long j = 0; j < n; j++) {
                    int i = (int) (j % count);
                    double z = components[i].sample(rnd[i]);
                    java.util.Arrays.fill(y, 0, count, 0);
                    y[i] = 1;
                    y[count] = Math.cos(z);
                    y[count + 1] = Math.sin(z);
                    sink.accept(y, weight);
                }
            }

            @Override
            public String toString() {
                return "MixtureContext.context[" + count + " components x " + perComponent + " tokens, seed " + seed + "]";
            }
        };
    }

    /** The query $(e_i, \cos z, \sin z)$. */
    public double[] query(int component, double z) {
        Check.index("component", component, components.length);
        Check.finite("z", z);
        double[] x = new double[dimension()];
        x[component] = 1;
        x[components.length] = Math.cos(z);
        x[components.length + 1] = Math.sin(z);
        return x;
    }

    /** The target $p_i(z)$. */
    public double target(int component, double z) {
        Check.index("component", component, components.length);
        return component(component).density(z);
    }

    /**
     * The true parameters' attention: logit $\kappa\langle e_{i^*}, e_i\rangle$ (recall by the key, not by the angle)
     * and values the first $K$ Fourier features of the token's angle.
     */
    public MeasureAttention recall(double kappa, int harmonics) {
        return MeasureAttention.bilinear(keyBilinear(kappa), new FourierFeatures(dimension(), components.length,
                harmonics));
    }

    /** The same logits with values the key block: the output is the attention's mass on each component. */
    public MeasureAttention recallWeights(double kappa) {
        return MeasureAttention.bilinear(keyBilinear(kappa), ValueMap.coordinates(dimension(), 0, components.length));
    }

    private double[][] keyBilinear(double kappa) {
        Check.finite("kappa", kappa);
        int d = dimension();
        double[][] b = new double[d][d];
        for (int i = 0; i < components.length; i++) {
            b[i][i] = kappa;
        }
        return b;
    }

    /**
     * The population operator in closed form, $\mathrm{Attn}(\nu)(x)$ for the query of component $i^*$ under
     * {@link #recall}: $\sum_i \pi_i (E_{p_i}\cos kz, E_{p_i}\sin kz)_{k \le K}$ with
     * $\pi_i = e^{\kappa[i = i^*]}/(e^\kappa + I - 1)$.
     */
    public double[] population(int component, double kappa, int harmonics) {
        Check.index("component", component, components.length);
        Check.positive("harmonics", harmonics);
        Check.finite("kappa", kappa);
        double others = 1 / (Math.exp(kappa) + components.length - 1);
        double mine = Math.exp(kappa) * others;
        double[] out = new double[2 * harmonics];
        for (int i = 0; i < components.length; i++) {
            double pi = i == component ? mine : others;
            for (int k = 1; k <= harmonics; k++) {
                out[2 * k - 2] += pi * components[i].cosineMoment(k);
                out[2 * k - 1] += pi * components[i].sineMoment(k);
            }
        }
        return out;
    }

    /** The prediction $\hat p(z) = \frac1{2\pi}(1 + 2\sum_{k \le K}(C_k \cos kz + S_k \sin kz))$ from the attention output. */
    public static double predict(double[] features, double z, int harmonics) {
        Check.finite("features", features);
        if (features.length < 2) {
            throw new IllegalArgumentException("features has length " + features.length + ", need at least 2");
        }
        Check.finite("z", z);
        Check.range("harmonics", harmonics, 1, features.length / 2);
        double s = 1;
        for (int k = 1; k <= harmonics; k++) {
            s += 2 * (features[2 * k - 2] * Math.cos(k * z) + features[2 * k - 1] * Math.sin(k * z));
        }
        return s / (2 * Math.PI);
    }

    /**
     * The cutoff $K$ that minimises the expected squared error of {@link #predict} with $n$ tokens of the component
     * [derived]: the squared bias $\frac{A^2}{12\pi^2}\sum_{K &lt; k \le M} k^{-2s}$ (coefficients uniform on
     * $[-A, A]$) plus the variance $K/(2\pi^2 n)$; asymptotically $K \asymp n^{1/(2s)}$ and the error
     * $\asymp n^{-(2s - 1)/(2s)}$.
     */
    public int cutoff(long perComponent) {
        positive(perComponent);
        return cutoff(components[0].s(), amplitude, components[0].terms(), perComponent);
    }

    /** {@link #cutoff(long)} for a class $(s, A, M)$; linear in $M$ (the tails are suffix sums). */
    public static int cutoff(double s, double amplitude, int terms, long perComponent) {
        checkClass(s, amplitude, terms);
        positive(perComponent);
        double[] tail = tails(s, terms);
        double best = Double.POSITIVE_INFINITY;
        int arg = 1;
        for (int k = 1; k <= terms; k++) {
            double err = error(amplitude, tail[k], k, perComponent);
            if (err < best) {
                best = err;
                arg = k;
            }
        }
        return arg;
    }

    /** The expected squared error of {@link #predict} with cutoff $K$ [derived; see {@link #cutoff(long)}]. */
    public static double expectedError(double s, double amplitude, int terms, long perComponent, int harmonics) {
        checkClass(s, amplitude, terms);
        positive(perComponent);
        Check.range("harmonics", harmonics, 1, terms);
        return error(amplitude, tails(s, terms)[harmonics], harmonics, perComponent);
    }

    private static double error(double amplitude, double tail, int harmonics, long perComponent) {
        return amplitude * amplitude / (12 * Math.PI * Math.PI) * tail + harmonics / (2 * Math.PI * Math.PI * perComponent);
    }

    /** {@code tail[K]} $= \sum_{K < k \le M} k^{-2s}$, summed from the small end. */
    private static double[] tails(double s, int terms) {
        double[] tail = new double[terms + 1];
        for (int k = terms; k >= 1; k--) {
            tail[k - 1] = tail[k] + Math.pow(k, -2 * s);
        }
        return tail;
    }

    private static void checkClass(double s, double amplitude, int terms) {
        Check.finite("s", s);
        if (!(s > 0.5)) {
            throw new IllegalArgumentException("s = " + s + " must be > 0.5");
        }
        Check.positive("amplitude", amplitude);
        Check.range("terms", terms, 1, 1 << 24);
    }

    /**
     * One training example for ERM (the training engine's input): a stored context of {@code perComponent} tokens per
     * component, a query from a uniformly drawn component at a uniformly drawn angle, and its target.
     *
     * @param context   the sampled context
     * @param query     $x = (e_{i^*}, \cos z_q, \sin z_q)$
     * @param component $i^*$
     * @param angle     $z_q$
     * @param target    $p_{i^*}(z_q)$
     */
    public record Episode(EmpiricalMeasure context, double[] query, int component, double angle, double target) {

        /** Copies the query. */
        public Episode {
            query = Check.notNull("query", query).clone();
        }

        @Override
        public double[] query() {
            return query.clone();
        }
    }

    /** An episode drawn with {@code rnd} (context, query and angle). */
    public Episode episode(int perComponent, Random rnd) {
        Check.positive("perComponent", perComponent);
        Check.notNull("rnd", rnd);
        int count = components.length;
        double[][] points = new double[perComponent * count][];
        for (int j = 0; j < points.length; j++) {
            int i = j % count;
            double z = components[i].sample(rnd);
            double[] y = new double[count + 2];
            y[i] = 1;
            y[count] = Math.cos(z);
            y[count + 1] = Math.sin(z);
            points[j] = y;
        }
        int c = rnd.nextInt(count);
        double z = 2 * Math.PI * rnd.nextDouble();
        return new Episode(EmpiricalMeasure.of(points), query(c, z), c, z, target(c, z));
    }

    private static void positive(long perComponent) {
        if (perComponent < 1) {
            throw new IllegalArgumentException("perComponent = " + perComponent + " must be at least 1");
        }
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MixtureContext[%d components on the circle, s = %s, A = %s, %d terms]",
                components.length, components[0].s(), amplitude, components[0].terms());
    }
}
