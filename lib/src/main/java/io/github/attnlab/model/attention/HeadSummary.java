package io.github.attnlab.model.attention;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.spectral.Heatmap;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.PaintScaleLegend;

/**
 * Per-head means of one or more {@link AttentionRun}s, {@code [layer][head]}; draws the kept fraction of the keys
 * as a layer × head heat map ({@link #chart()}) and the mean output error likewise ({@link #errorChart()}).
 *
 * @param rules        the rules, as text
 * @param runs         how many runs were pooled
 * @param keptFraction mean keys kept / n
 * @param maxTailMass       largest $\tau$ (or TV), NaN when not measured
 * @param meanError    mean exact output error, NaN when not measured
 */
public record HeadSummary(String rules, int runs, double[][] keptFraction, double[][] maxTailMass, double[][] meanError)
        implements Figure {

    /** Copies the matrices. */
    public HeadSummary {
        keptFraction = copy(Check.notNull("keptFraction", keptFraction));
        maxTailMass = copy(Check.notNull("maxTailMass", maxTailMass));
        meanError = copy(Check.notNull("meanError", meanError));
    }

    /** Pools runs of one model (the same layers and heads; lengths may differ). */
    public static HeadSummary of(List<AttentionRun> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("runs is empty");
        }
        int layers = runs.get(0).layers();
        int heads = runs.get(0).heads();
        double[][] kept = new double[layers][heads];
        double[][] maxTailMass = new double[layers][heads];
        double[][] err = new double[layers][heads];
        double[][] rows = new double[layers][heads];
        for (double[] m : maxTailMass) {
            java.util.Arrays.fill(m, Double.NaN);
        }
        for (AttentionRun r : runs) {
            if (r.layers() != layers || r.heads() != heads) {
                throw new IllegalArgumentException("runs of different models: " + layers + " x " + heads + " and "
                        + r.layers() + " x " + r.heads() + " heads");
            }
            int[] k = r.keysKept();
            double[] tau = r.tailMass();
            double[] e = r.error();
            int n = r.n();
            for (int i = 0; i < k.length; i++) {
                int l = i / n / heads;
                int h = i / n % heads;
                kept[l][h] += k[i] / (double) n;
                err[l][h] += e[i];
                rows[l][h]++;
                maxTailMass[l][h] = Double.isNaN(maxTailMass[l][h]) || tau[i] > maxTailMass[l][h] ? tau[i] : maxTailMass[l][h];
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                kept[l][h] /= rows[l][h];
                err[l][h] /= rows[l][h];
            }
        }
        return new HeadSummary(runs.get(0).rules(), runs.size(), kept, maxTailMass, err);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Keys kept / n per head: rows are layers (layer 0 on top), columns heads. */
    @Override
    public JFreeChart chart() {
        return labelled(Heatmap.of("keys kept / n per head: " + rules, keptFraction).chart(), "keys kept / n");
    }

    /** Names the heat map's axes and scale (layers down, heads across). */
    private static JFreeChart labelled(JFreeChart c, String value) {
        c.getXYPlot().getDomainAxis().setLabel("head");
        c.getXYPlot().getRangeAxis().setLabel("layer");
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            if (c.getSubtitle(i) instanceof PaintScaleLegend legend) {
                legend.getAxis().setLabel(value);
            }
        }
        return c;
    }

    /** Mean exact output error per head (log scale); needs errors measured. */
    public Figure errorChart() {
        for (double[] row : meanError) {
            for (double e : row) {
                if (!(e > 0) || Double.isInfinite(e)) {
                    throw new IllegalStateException("the runs have no positive finite error per head to draw");
                }
            }
        }
        Heatmap h = Heatmap.of("mean ||Attn - Attn_rule||_2 per head: " + rules, meanError).logScale();
        return () -> labelled(h.chart(), "log10 mean error");
    }

    @Override
    public double[][] keptFraction() {
        return copy(keptFraction);
    }

    @Override
    public double[][] maxTailMass() {
        return copy(maxTailMass);
    }

    @Override
    public double[][] meanError() {
        return copy(meanError);
    }

    /** One line: the extremes of the kept fraction. */
    @Override
    public String toString() {
        double lo = 1;
        double hi = 0;
        for (double[] row : keptFraction) {
            for (double f : row) {
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            }
        }
        return String.format(Locale.ROOT, "HeadSummary[%s, %d runs, %d x %d heads: keys kept / n from %.3f to %.3f]",
                rules, runs, keptFraction.length, keptFraction[0].length, lo, hi);
    }
}
