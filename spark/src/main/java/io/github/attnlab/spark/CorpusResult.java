package io.github.attnlab.spark;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.ErrorBarChart;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.Table;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.topk.GaussianRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * What a {@link CorpusJob} computed: one {@link HeadStats} per (passage, layer, head), the passages that failed, the
 * per-(layer, head) distributions ({@link HeadSummary}) and what the run cost. It prints (a summary line,
 * {@link #text(Metric, int)}) and draws itself: {@link #chart()} is paper A's experiment at corpus scale, the
 * measured $k_\varepsilon/n$ of every (passage, head) against the Gaussian rule
 * $\Phi_c(\sigma + \Phi^{-1}(\varepsilon))$ with the $\sigma$ fitted on the same head (A.7, {@code docs/papers/A.md}).
 */
public final class CorpusResult implements Figure {

    private final double[] epsilons;
    private final List<HeadStats> rows;
    private final List<PassageError> errors;
    private final List<HeadSummary> summary;
    private final RunMetrics metrics;

    CorpusResult(double[] epsilons, List<HeadStats> rows, List<PassageError> errors, List<HeadSummary> summary,
                 RunMetrics metrics) {
        this.epsilons = epsilons.clone();
        this.rows = List.copyOf(rows);
        this.errors = List.copyOf(errors);
        this.summary = List.copyOf(summary);
        this.metrics = Check.notNull("metrics", metrics);
    }

    /** The budgets. */
    public double[] epsilons() {
        return epsilons.clone();
    }

    /** One row per (passage, layer, head), ordered by passage id, layer, head. */
    public List<HeadStats> rows() {
        return rows;
    }

    /** The passages that failed, each with a message naming it. */
    public List<PassageError> errors() {
        return errors;
    }

    /** The per-(layer, head) distributions of every metric. */
    public List<HeadSummary> summary() {
        return summary;
    }

    /** The distributions of one metric ({@code epsilonIndex} picks the budget of {@link Metric#K_FRACTION}). */
    public Table<HeadSummary> summary(Metric metric, int epsilonIndex) {
        Check.notNull("metric", metric);
        Check.index("epsilonIndex", epsilonIndex, epsilons.length);
        double eps = metric == Metric.K_FRACTION ? epsilons[epsilonIndex] : 0;
        return Table.of(summary.stream().filter(s -> s.metric() == metric && s.epsilon() == eps).toList());
    }

    /** What the run cost. */
    public RunMetrics metrics() {
        return metrics;
    }

    /** The distinct passages analysed without error. */
    public long passages() {
        return rows.stream().map(HeadStats::passageId).distinct().count();
    }

    /** The per-(layer, head) distributions of one metric as aligned text (up to 200 heads). */
    public String text(Metric metric, int epsilonIndex) {
        return summary(metric, epsilonIndex).text(200);
    }

    /** Measured $k_\varepsilon/n$ against the rule, every (passage, layer, head), every budget; the line $y = x$. */
    @Override
    public JFreeChart chart() {
        return ruleChart().chart();
    }

    /** {@link #chart()} as an {@link XYChart}. */
    public XYChart ruleChart() {
        XYChart c = XYChart.of("A.7 at corpus scale: k_eps/n of every (passage, head) against the Gaussian rule ("
                        + passages() + " passages)", "rule  Phi_c(sigma + Phi^-1(eps))", "measured mean k_eps / n");
        for (int e = 0; e < epsilons.length; e++) {
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                x[i] = GaussianRule.keepFraction(rows.get(i).sigma(), epsilons[e]);
                y[i] = rows.get(i).kFraction()[e];
            }
            c = c.points("eps = " + epsilons[e], x, y);
        }
        return c.line("y = x", new double[]{0, 1}, new double[]{0, 1});
    }

    /** One metric per layer: the mean over the layer's heads of the per-head means, with the heads' mean 95% half-width. */
    public ErrorBarChart layerChart(Metric metric, int epsilonIndex) {
        Table<HeadSummary> t = summary(metric, epsilonIndex);
        int layers = t.rows().stream().mapToInt(HeadSummary::layer).max().orElse(-1) + 1;
        List<Double> xs = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        List<Double> es = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            final int layer = l;
            Table<HeadSummary> g = t.where(s -> s.layer() == layer);
            if (g.size() == 0) {
                continue;
            }
            xs.add((double) l);
            ms.add(g.mean(HeadSummary::mean));
            es.add(g.mean(s -> (s.ciHigh() - s.ciLow()) / 2));
        }
        String name = metric.column() + (metric == Metric.K_FRACTION ? " at eps = " + epsilons[epsilonIndex] : "");
        return ErrorBarChart.of(name + " per layer (mean over heads of the per-head mean across passages)", "layer", name)
                .series(name, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                        ms.stream().mapToDouble(Double::doubleValue).toArray(),
                        es.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** One line. */
    @Override
    public String toString() {
        return "CorpusResult[" + passages() + " passages, " + rows.size() + " head rows, " + errors.size() + " errors, "
                + summary.size() + " summary rows, eps " + Arrays.toString(epsilons) + "; " + metrics + "]";
    }
}
