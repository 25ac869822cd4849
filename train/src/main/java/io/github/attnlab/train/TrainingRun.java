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

    /**
     * The training-loss curves of several runs, averaged over the runs that share a label (normaliser, and position
     * encoding when the runs differ in it) and smoothed by a moving average over {@code window} steps.
     */
    public static XYChart curves(String title, java.util.List<TrainingRun> runs, int window) {
        io.github.attnlab.core.Check.notNull("runs", runs);
        io.github.attnlab.core.Check.positive("window", window);
        boolean mixed = runs.stream().map(r -> r.training().model().positions()).distinct().count() > 1;
        java.util.Map<String, double[]> sum = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> count = new java.util.LinkedHashMap<>();
        for (TrainingRun r : runs) {
            String k = LengthSweep.label(r, mixed);
            double[] s = sum.computeIfAbsent(k, x -> new double[r.loss.length]);
            for (int i = 0; i < Math.min(s.length, r.loss.length); i++) {
                s[i] += r.loss[i];
            }
            count.merge(k, 1, Integer::sum);
        }
        XYChart c = XYChart.of(title, "step", "training loss (moving average over " + window + " steps)");
        for (java.util.Map.Entry<String, double[]> e : sum.entrySet()) {
            double[] m = e.getValue();
            double[] x = new double[m.length];
            double[] y = new double[m.length];
            double acc = 0;
            for (int i = 0; i < m.length; i++) {
                acc += m[i] / count.get(e.getKey());
                if (i >= window) {
                    acc -= m[i - window] / count.get(e.getKey());
                }
                x[i] = i + 1;
                y[i] = acc / Math.min(i + 1, window);
            }
            c = c.line(e.getKey() + " (" + count.get(e.getKey()) + " runs)", x, y);
        }
        return c;
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
