package io.github.attnlab.model.attention;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Per-layer means (and the largest $\tau$) of one or more {@link AttentionRun}s, every query of every head of a
 * layer weighing the same; draws the keys kept and scored per layer ({@link #chart()}) and the output error against
 * its bound ({@link #errorChart()}).
 *
 * @param rules            the rules, as text
 * @param runs             how many runs were pooled
 * @param keysScored       mean keys scored per query
 * @param keysKept         mean keys kept per query
 * @param keptFraction     mean of keys kept / n
 * @param scoredFraction   mean of keys scored / n
 * @param meanTailMass          mean $\tau$ (or TV), NaN when not measured
 * @param maxTailMass           largest $\tau$ of a truncating head, NaN when not measured
 * @param meanError        mean exact output error
 * @param meanBound        mean variance head–tail bound (truncating heads)
 * @param attentionSeconds wall time of the layer's attention, summed over the runs
 */
public record LayerSummary(String rules, int runs, double[] keysScored, double[] keysKept, double[] keptFraction,
                           double[] scoredFraction, double[] meanTailMass, double[] maxTailMass, double[] meanError,
                           double[] meanBound, double[] attentionSeconds) implements Figure {

    /** Copies the arrays. */
    public LayerSummary {
        keysScored = Check.notNull("keysScored", keysScored).clone();
        keysKept = Check.notNull("keysKept", keysKept).clone();
        keptFraction = Check.notNull("keptFraction", keptFraction).clone();
        scoredFraction = Check.notNull("scoredFraction", scoredFraction).clone();
        meanTailMass = Check.notNull("meanTailMass", meanTailMass).clone();
        maxTailMass = Check.notNull("maxTailMass", maxTailMass).clone();
        meanError = Check.notNull("meanError", meanError).clone();
        meanBound = Check.notNull("meanBound", meanBound).clone();
        attentionSeconds = Check.notNull("attentionSeconds", attentionSeconds).clone();
    }

    /** Pools runs of one model (the same layers and heads; lengths may differ). */
    public static LayerSummary of(List<AttentionRun> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("runs is empty");
        }
        AttentionRun first = runs.get(0);
        int layers = first.layers();
        int heads = first.heads();
        double[][] acc = new double[9][layers];
        double[] maxTailMass = new double[layers];
        Arrays.fill(maxTailMass, Double.NaN);
        double[] rows = new double[layers];
        double[] boundRows = new double[layers];
        for (AttentionRun r : runs) {
            if (r.layers() != layers || r.heads() != heads) {
                throw new IllegalArgumentException("runs of different models: " + layers + " x " + heads + " and "
                        + r.layers() + " x " + r.heads() + " heads");
            }
            int[] scored = r.keysScored();
            int[] kept = r.keysKept();
            double[] tau = r.tailMass();
            double[] err = r.error();
            double[] bound = r.varianceBound();
            boolean[] trunc = r.truncation();
            long[] nanos = r.attentionNanos();
            int n = r.n();
            for (int l = 0; l < layers; l++) {
                acc[8][l] += nanos[l] / 1e9;
                for (int i = l * heads * n; i < (l + 1) * heads * n; i++) {
                    acc[0][l] += scored[i];
                    acc[1][l] += kept[i];
                    acc[2][l] += kept[i] / (double) n;
                    acc[3][l] += scored[i] / (double) n;
                    acc[4][l] += tau[i];
                    acc[6][l] += err[i];
                    rows[l]++;
                    if (trunc[i / n]) {
                        maxTailMass[l] = Double.isNaN(maxTailMass[l]) || tau[i] > maxTailMass[l] ? tau[i] : maxTailMass[l];
                        acc[7][l] += bound[i];
                        boundRows[l]++;
                    }
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int k : new int[] {0, 1, 2, 3, 4, 6}) {
                acc[k][l] /= rows[l];
            }
            acc[7][l] = boundRows[l] > 0 ? acc[7][l] / boundRows[l] : Double.NaN;
        }
        return new LayerSummary(first.rules(), runs.size(), acc[0], acc[1], acc[2], acc[3], acc[4], maxTailMass, acc[6],
                acc[7], acc[8]);
    }

    /** The number of layers. */
    public int layers() {
        return keysKept.length;
    }

    private double[] axis() {
        double[] x = new double[layers()];
        for (int l = 0; l < x.length; l++) {
            x[l] = l;
        }
        return x;
    }

    /** Keys kept and scored per query, as fractions of n, against the layer. */
    @Override
    public JFreeChart chart() {
        return XYChart.of("keys per query by layer: " + rules, "layer", "keys / n")
                .linePoints("kept", axis(), keptFraction).linePoints("scored", axis(), scoredFraction).chart();
    }

    /** Mean exact output error and mean variance head–tail bound against the layer (log scale). */
    public Figure errorChart() {
        return XYChart.of("output error by layer: " + rules, "layer", "||Attn - Attn_rule||_2")
                .linePoints("mean exact error", axis(), meanError).linePoints("mean variance bound", axis(), meanBound)
                .logY();
    }

    @Override
    public double[] keysScored() {
        return keysScored.clone();
    }

    @Override
    public double[] keysKept() {
        return keysKept.clone();
    }

    @Override
    public double[] keptFraction() {
        return keptFraction.clone();
    }

    @Override
    public double[] scoredFraction() {
        return scoredFraction.clone();
    }

    @Override
    public double[] meanTailMass() {
        return meanTailMass.clone();
    }

    @Override
    public double[] maxTailMass() {
        return maxTailMass.clone();
    }

    @Override
    public double[] meanError() {
        return meanError.clone();
    }

    @Override
    public double[] meanBound() {
        return meanBound.clone();
    }

    @Override
    public double[] attentionSeconds() {
        return attentionSeconds.clone();
    }

    /** One line: kept fraction per layer. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (double f : keptFraction) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", f));
        }
        return "LayerSummary[" + rules + ", " + runs + " runs; kept / n by layer: " + b + "]";
    }
}
