package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.topk.TotalVariation;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * How much each head's attention moved between two models on the same input: per head, the mean over queries of
 * $TV(P_q, P'_q) = \tfrac12\sum_k |P_{qk} - P'_{qk}|$, computed from the two rows of scores through the top-k
 * package's {@link TotalVariation} (paper F.2's pruning measured with paper A's distance; {@code docs/papers/F.md}).
 *
 * @param reference the reference model's name (e.g. the dense model)
 * @param changed   the other model's description
 * @param tv        {@code [layer][head]}: the mean over queries of the total variation
 */
public record AttentionChange(String reference, String changed, double[][] tv) implements Figure {

    /** Deep-copies {@code tv}. */
    public AttentionChange {
        tv = Arrays.stream(Check.notNull("tv", tv)).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * Compares two attention tensors of the same shape on the same tokens.
     *
     * @throws IllegalArgumentException for different shapes or tokens
     */
    public static AttentionChange of(AttentionTensor reference, AttentionTensor changed, String changedName) {
        Check.notNull("reference", reference);
        Check.notNull("changed", changed);
        if (reference.layers() != changed.layers() || reference.heads() != changed.heads()
                || !reference.tokens().equals(changed.tokens())) {
            throw new IllegalArgumentException("the two attention tensors differ in shape or tokens: "
                    + reference + " and " + changed);
        }
        int n = reference.length();
        double[][] tv = new double[reference.layers()][reference.heads()];
        for (int l = 0; l < tv.length; l++) {
            for (int h = 0; h < tv[l].length; h++) {
                double s = 0;
                for (int q = 0; q < n; q++) {
                    s += TotalVariation.ofLogits(reference.scores(l, h, q), changed.scores(l, h, q));
                }
                tv[l][h] = s / n;
            }
        }
        return new AttentionChange(reference.model(), changedName, tv);
    }

    /** The mean of several changes (e.g. over passages), head by head. */
    public static AttentionChange mean(java.util.List<AttentionChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("changes is empty");
        }
        AttentionChange first = changes.get(0);
        double[][] m = new double[first.tv.length][first.tv[0].length];
        for (AttentionChange c : changes) {
            for (int l = 0; l < m.length; l++) {
                for (int h = 0; h < m[l].length; h++) {
                    m[l][h] += c.tv[l][h] / changes.size();
                }
            }
        }
        return new AttentionChange(first.reference, first.changed, m);
    }

    @Override
    public double[][] tv() {
        return Arrays.stream(tv).map(double[]::clone).toArray(double[][]::new);
    }

    /** The mean over all heads. */
    public double mean() {
        return Arrays.stream(tv).flatMapToDouble(Arrays::stream).average().orElseThrow();
    }

    /** The largest head's value. */
    public double max() {
        return Arrays.stream(tv).flatMapToDouble(Arrays::stream).max().orElseThrow();
    }

    /** The mean over the heads of each layer. */
    public double[] perLayer() {
        return Arrays.stream(tv).mapToDouble(r -> Arrays.stream(r).average().orElseThrow()).toArray();
    }

    /** Each head's value against its flat index {@code layer * heads + head}. */
    @Override
    public JFreeChart chart() {
        int heads = tv[0].length;
        double[] x = new double[tv.length * heads];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = tv[i / heads][i % heads];
        }
        return XYChart.of("attention change of " + changed + " vs " + reference, "head (layer * " + heads + " + head)",
                "mean TV over queries").points("heads", x, y).chart();
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AttentionChange[%s vs %s: mean TV %.4f, max %.4f over %d heads]", changed,
                reference, mean(), max(), tv.length * tv[0].length);
    }
}
