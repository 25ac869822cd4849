package io.github.attnlab.compact.nw;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;

/**
 * A Nadaraya–Watson estimate at one query: the weights of the keys, the bandwidth used, the
 * estimate $\hat y = \sum_i w_i v_i$ (empty when no values were given), and the residual of the
 * normalisation (adaptive: $|\sum_i ((b^2 - d_i^2)/(2nh^2))_+^n - 1|$; fixed: $|\sum_i w_i - 1|$).
 * Immutable; draws the weights against the distance with the kernel's profile.
 *
 * @param kernel      the smoothing kernel
 * @param adaptive    adaptive (true) or fixed normalisation
 * @param bandwidth   the bandwidth $b$ (chosen per query under adaptive normalisation)
 * @param sqDistances $\|q - k_i\|^2$
 * @param weights     $w_i$, summing to 1
 * @param output      $\hat y(q)$
 * @param residual    the normalisation residual
 * @param fallback    true when a fixed compact kernel saw no key within $b$ and the weights are uniform
 */
public record Estimate(SmoothingKernel kernel, boolean adaptive, double bandwidth, double[] sqDistances,
                       double[] weights, double[] output, double residual, boolean fallback) implements Figure {

    /** Copies the arrays. */
    public Estimate {
        Check.notNull("sqDistances", sqDistances);
        Check.notNull("weights", weights);
        Check.notNull("output", output);
        sqDistances = sqDistances.clone();
        weights = weights.clone();
        output = output.clone();
    }

    @Override
    public double[] sqDistances() {
        return sqDistances.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] output() {
        return output.clone();
    }

    /** $w_i$. */
    public double weight(int i) {
        Check.index("i", i, weights.length);
        return weights[i];
    }

    /** The number of keys with a positive weight. */
    public int supportSize() {
        return (int) Arrays.stream(weights).filter(w -> w > 0).count();
    }

    @Override
    public JFreeChart chart() {
        double[] d = Arrays.stream(sqDistances).map(Math::sqrt).toArray();
        double dMax = Math.max(bandwidth, Arrays.stream(d).max().orElse(1)) * 1.05;
        double[] grid = IntStream.rangeClosed(0, 200).mapToDouble(i -> dMax * i / 200).toArray();
        double[] prof = Arrays.stream(grid).map(x -> kernel.profile(x * x / (bandwidth * bandwidth))).toArray();
        double scale = 0;
        for (int i = 0; i < d.length; i++) {
            double k = kernel.profile(sqDistances[i] / (bandwidth * bandwidth));
            scale = Math.max(scale, k > 0 ? weights[i] / k : 0);
        }
        final double s = scale;
        double[] curve = Arrays.stream(prof).map(x -> x * s).toArray();
        String title = String.format(Locale.ROOT, "%s, %s normalisation, b = %.4g", kernel.name(),
                adaptive ? "adaptive" : "fixed", bandwidth);
        return XYChart.of(title, "‖q − k‖", "weight").points("keys", d, weights).line("profile", grid, curve).chart();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Estimate[%s, %s, b = %.6g, support %d of %d, residual %.1e%s]", kernel.name(),
                adaptive ? "adaptive" : "fixed", bandwidth, supportSize(), weights.length, residual,
                fallback ? ", uniform fallback" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Estimate && ((Estimate) o).kernel.equals(kernel) && ((Estimate) o).adaptive == adaptive
                && ((Estimate) o).bandwidth == bandwidth && Arrays.equals(((Estimate) o).sqDistances, sqDistances);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sqDistances) * 31 + Double.hashCode(bandwidth);
    }
}
