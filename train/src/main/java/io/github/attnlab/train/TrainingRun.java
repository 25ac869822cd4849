package io.github.attnlab.train;

import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * The result of {@link Training#run()}: the trained model, the training loss of every step, the non-zero matrix
 * weights after every step, and the wall time. Draws its loss curve.
 *
 * @param training the settings
 * @param model    the trained model
 * @param loss     mean loss per scored position at each step (before that step's update)
 * @param nonZero  non-zero matrix weights after each step
 * @param seconds  wall time
 */
public record TrainingRun(Training training, Transformer model, double[] loss, long[] nonZero, double seconds)
        implements Figure {

    /** Copies the arrays. */
    public TrainingRun {
        loss = loss.clone();
        nonZero = nonZero.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public long[] nonZero() {
        return nonZero.clone();
    }

    /** The mean training loss over the last tenth of the steps. */
    public double finalLoss() {
        int from = loss.length - Math.max(1, loss.length / 10);
        double s = 0;
        for (int i = from; i < loss.length; i++) {
            s += loss[i];
        }
        return s / (loss.length - from);
    }

    /** Optimiser steps per second of wall time. */
    public double stepsPerSecond() {
        return loss.length / seconds;
    }

    /** The loss curve. */
    @Override
    public JFreeChart chart() {
        double[] x = new double[loss.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return XYChart.of("Training loss, " + training.model().normalizer().name() + ", " + training.task().name(),
                "step", "loss").line("seed " + training.seed(), x, loss).chart();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrainingRun[%s on %s N=%d, seed %d: loss %.4f → %.4f, %d steps in %.1f s "
                + "(%.1f steps/s), %d non-zero matrix weights]", training.model().normalizer().name(),
                training.task().name(), training.size(), training.seed(), loss.length > 0 ? loss[0] : Double.NaN,
                loss.length > 0 ? finalLoss() : Double.NaN, loss.length, seconds, stepsPerSecond(),
                nonZero.length > 0 ? nonZero[nonZero.length - 1] : 0);
    }
}
