package io.github.attnlab.compact;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;

/**
 * The result of normalising one row of scores: the probabilities, their support, the threshold
 * $\tau$, and the residual of the normalisation equation that $\tau$ solves (its certificate).
 *
 * <p>Immutable: the arrays are copied in and out. Draws itself ({@link #png()}): $p_i$ against $i$.
 *
 * @param normalizer the normaliser that produced it
 * @param scores     the scores $z$ (masked keys are $-\infty$)
 * @param probabilities the probabilities $p$
 * @param support    the indices with $p_i &gt; 0$, increasing
 * @param threshold  the threshold $\tau$ (softmax: the log-partition; normalised ReLU: the fixed $\theta$)
 * @param residual   $|\sum_i p_i(\tau) - 1|$ recomputed from $\tau$ (see {@link Normalizer#residual})
 * @param fallback   true when normalised ReLU had an empty support and returned the uniform fallback
 */
public record Normalized(Normalizer normalizer, double[] scores, double[] probabilities, int[] support,
                         double threshold, double residual, boolean fallback) implements Figure {

    /** Copies the arrays. */
    public Normalized {
        Check.notNull("scores", scores);
        Check.notNull("probabilities", probabilities);
        Check.notNull("support", support);
        scores = scores.clone();
        probabilities = probabilities.clone();
        support = support.clone();
    }

    static Normalized of(Normalizer normalizer, double[] scores) {
        LogitRow.validate("scores", scores);
        double[] z = scores.clone();
        double[] p = new double[z.length];
        double tau = normalizer.apply(z, p, 0, z.length);
        int[] support = IntStream.range(0, p.length).filter(i -> p[i] > 0).toArray();
        boolean fallback = normalizer instanceof NormalizedRelu && ((NormalizedRelu) normalizer).fallsBack(z);
        return new Normalized(normalizer, z, p, support, tau, normalizer.residual(z, p, tau), fallback);
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public int[] support() {
        return support.clone();
    }

    /** $p_i$. */
    public double probability(int i) {
        return probabilities[Check.index("i", i, probabilities.length)];
    }

    /** The number of scores. */
    public int size() {
        return probabilities.length;
    }

    /** $|\mathrm{supp}(p)|$. */
    public int supportSize() {
        return support.length;
    }

    /** $J v$, the forward-mode derivative along $v$. */
    public double[] jvp(double... v) {
        double[] out = new double[size()];
        normalizer.jvp(scores, probabilities, sameLength("v", v), out, 0, out.length);
        return out;
    }

    /** $J^\top g$, the backward-mode derivative of $\langle g, p\rangle$ with respect to the scores. */
    public double[] vjp(double... g) {
        double[] out = new double[size()];
        normalizer.vjp(scores, probabilities, sameLength("g", g), out, 0, out.length);
        return out;
    }

    /** The attention output $\sum_i p_i v_i$ over the rows $v_i$ of {@code values}. */
    public double[] mix(double[][] values) {
        Check.finiteMatrix("values", values);
        Check.size("values.length", values.length, size());
        double[] y = new double[values[0].length];
        for (int i : support) {
            io.github.attnlab.simd.SimdOps.get().axpy(probabilities[i], values[i], 0, y, 0, y.length);
        }
        return y;
    }

    private double[] sameLength(String name, double[] v) {
        return Check.vector(name, v, size());
    }

    @Override
    public JFreeChart chart() {
        double[] idx = IntStream.range(0, size()).asDoubleStream().toArray();
        return XYChart.of(normalizer.name() + ": support " + supportSize() + " of " + size(), "index i", "p_i")
                .linePoints("p", idx, probabilities).chart();
    }

    @Override
    public String toString() {
        String ps = Arrays.stream(probabilities).limit(8).mapToObj(Text::num)
                .collect(Collectors.joining(", ", "[", size() > 8 ? ", …]" : "]"));
        return String.format(Locale.ROOT, "%s: p = %s, support %d of %d, τ = %s, residual %.1e%s",
                normalizer.name(), ps, supportSize(), size(), Text.num(threshold), residual,
                fallback ? ", uniform fallback" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalized && ((Normalized) o).normalizer.equals(normalizer)
                && Arrays.equals(((Normalized) o).scores, scores);
    }

    @Override
    public int hashCode() {
        return 31 * normalizer.hashCode() + Arrays.hashCode(scores);
    }
}
