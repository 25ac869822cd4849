package io.github.attnlab.compact.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;

/**
 * A trained head with its settings and training curve (mean squared error of each step's batch).
 * Draws the curve, smoothed over 10 steps, on a log scale.
 *
 * @param trainer the settings
 * @param head    the trained head
 * @param losses  the mean squared error of each step's batch, before the step
 * @param seconds wall time of the training
 */
public record TrainingRun(Trainer trainer, KernelRegressionHead head, double[] losses, double seconds)
        implements Figure {

    /** Copies the curve. */
    public TrainingRun {
        Check.notNull("losses", losses);
        losses = losses.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** The mean of the last tenth of the curve. */
    public double finalLoss() {
        return mean(Math.max(0, losses.length - Math.max(1, losses.length / 10)), losses.length);
    }

    private double mean(int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += losses[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }

    @Override
    public JFreeChart chart() {
        int k = 10;
        double[] x = IntStream.range(0, losses.length).asDoubleStream().toArray();
        double[] y = IntStream.range(0, losses.length).mapToDouble(i -> mean(Math.max(0, i - k + 1), i + 1)).toArray();
        return XYChart.of("training: " + trainer.normalizer().name(), "step", "batch MSE").line("seed " + trainer.seed(),
                x, y).logY().chart();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, seed %d: MSE %.4g → %.4g in %d steps, β = %.4g (%.1f s)",
                trainer.normalizer().name(), trainer.seed(), losses.length > 0 ? mean(0, Math.min(10, losses.length))
                        : Double.NaN, finalLoss(), losses.length, head.beta(), seconds);
    }
}
