package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.patterns.AttentionPattern;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.Style;
import io.github.attnlab.repro.Interval;
import io.github.attnlab.stats.Summary;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Paper E's experiment (Yun et al., NeurIPS 2020, docs/papers/E.md): the same model trained on the same task with
 * different attention patterns, each for seeds $1..S$, and tested on the same held-out examples.
 *
 * <p>For pattern $p$ and seed $s$ the measurement $a_{ps}$ is the token accuracy over the scored positions of the test
 * examples ({@link Evaluation#tokenAccuracy()}, teacher-forced). Over the seeds: the mean
 * $\bar a_p = \frac1S\sum_s a_{ps}$ and its standard error $\sqrt{\sum_s (a_{ps} - \bar a_p)^2 / ((S-1)S)}$, and a 95%
 * percentile bootstrap interval of the mean ({@link Interval#ofMean}; with 3 seeds it has only 10 distinct resampled
 * means, so the standard error is the main error bar). A seed fixes the initial weights and the training examples
 * ({@link Training}), so the patterns' comparisons are paired.
 *
 * <p>{@code keys[p]} is the budget of pattern $p$: the mean number of keys a query sees, over the layers of the model
 * and the positions of a training sequence, after the causal cut of a decoder (what the trainer's attention uses).
 *
 * @param task     the task's name
 * @param size     the task size $N$ of training and test
 * @param names    the patterns' names, distinct, in order
 * @param accuracy token accuracy, {@code accuracy[p][s]} for pattern {@code p} and seed {@code s + 1}, in $[0, 1]$
 * @param keys     mean visible keys per query of each pattern, positive
 */
public record PatternComparison(String task, int size, List<String> names, double[][] accuracy, double[] keys)
        implements Figure {

    /** Checks the fields and copies the arrays. */
    public PatternComparison {
        Check.notNull("task", task);
        Check.positive("size", size);
        Check.notNull("names", names);
        Check.positive("names.size()", names.size());
        names = List.copyOf(names);
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("names = " + names + " are not distinct");
        }
        Check.notNull("accuracy", accuracy);
        Check.size("accuracy.length", accuracy.length, names.size());
        Check.rectangular("accuracy", accuracy);
        int seeds = Check.range("accuracy[0].length (seeds)", accuracy[0].length, 2, Integer.MAX_VALUE);
        double[][] a = new double[accuracy.length][];
        for (int p = 0; p < a.length; p++) {
            a[p] = accuracy[p].clone();
            for (int s = 0; s < seeds; s++) {
                Check.closed("accuracy[" + p + "][" + s + "]", a[p][s], 0, 1);
            }
        }
        accuracy = a;
        Check.notNull("keys", keys);
        Check.size("keys.length", keys.length, names.size());
        keys = keys.clone();
        for (int p = 0; p < keys.length; p++) {
            Check.finite("keys[" + p + "]", keys[p]);
            Check.positive("keys[" + p + "]", keys[p]);
        }
    }

    /**
     * Trains {@code training}'s model once per pattern and seed $1..S$ (the pattern and the seed replace the
     * template's), and measures each model's token accuracy on the same {@code testExamples} examples of the
     * training size, drawn from {@code testSeed}. The map's iteration order is the order of the patterns (use a
     * {@link java.util.LinkedHashMap}).
     *
     * @throws TrainingDiverged when a run diverges
     */
    public static PatternComparison of(Training training, Map<String, ? extends AttentionPattern> patterns, int seeds,
                                       int testExamples, long testSeed) {
        Check.notNull("training", training);
        Check.notNull("patterns", patterns);
        Check.positive("patterns.size()", patterns.size());
        Check.range("seeds", seeds, 2, 1 << 16);
        Check.positive("testExamples", testExamples);
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, ? extends AttentionPattern> e : patterns.entrySet()) {
            Check.notNull("pattern name", e.getKey());
            Check.notNull("patterns.get(" + e.getKey() + ")", e.getValue());
            names.add(e.getKey());
        }
        List<Example> test = training.task().sample(new Random(testSeed), training.size(), testExamples);
        int n = training.task().length(training.size());
        ModelConfig base = training.model();
        double[][] acc = new double[names.size()][seeds];
        double[] keys = new double[names.size()];
        int p = 0;
        for (AttentionPattern pattern : patterns.values()) {
            ModelConfig cfg = base.withPattern(pattern);
            keys[p] = meanKeys(pattern, n, cfg.layers(), cfg.causal());
            for (int s = 0; s < seeds; s++) {
                TrainingRun run = training.model(cfg).seed(s + 1).run();
                acc[p][s] = run.model().evaluate(test).tokenAccuracy();
            }
            p++;
        }
        return new PatternComparison(training.task().name(), training.size(), names, acc, keys);
    }

    /**
     * The mean number of keys a query sees on {@code n} tokens, over {@code layers} layers (the pattern cycling with
     * its period) and the {@code n} queries, after the causal cut when {@code causal}.
     */
    public static double meanKeys(AttentionPattern pattern, int n, int layers, boolean causal) {
        Check.notNull("pattern", pattern);
        Check.positive("n", n);
        Check.positive("layers", layers);
        long total = 0;
        for (int l = 0; l < layers; l++) {
            total += Visibility.of(pattern, n, l, causal).connections;
        }
        return (double) total / ((double) layers * n);
    }

    /** A copy of the accuracies, {@code [pattern][seed]}. */
    @Override
    public double[][] accuracy() {
        double[][] a = new double[accuracy.length][];
        for (int p = 0; p < a.length; p++) {
            a[p] = accuracy[p].clone();
        }
        return a;
    }

    /** A copy of the budgets. */
    @Override
    public double[] keys() {
        return keys.clone();
    }

    /** The number of seeds. */
    public int seeds() {
        return accuracy[0].length;
    }

    private int index(String name) {
        int i = names.indexOf(Check.notNull("name", name));
        if (i < 0) {
            throw new IllegalArgumentException("name = " + name + " is not one of " + names);
        }
        return i;
    }

    /** The accuracies of pattern {@code name} over the seeds (a copy). */
    public double[] accuracy(String name) {
        return accuracy[index(name)].clone();
    }

    /** The mean accuracy over seeds, $\bar a_p$. */
    public double mean(String name) {
        return mean(accuracy[index(name)]);
    }

    /** The standard error of the mean over seeds, $\sqrt{\sum_s (a_{ps} - \bar a_p)^2 / ((S-1)S)}$. */
    public double stderr(String name) {
        return Summary.of(accuracy[index(name)]).stdError();
    }

    /** The 95% percentile bootstrap interval of the mean accuracy over seeds (2000 resamples, seeded). */
    public Interval interval(String name) {
        return Interval.ofMean(accuracy[index(name)], 2020L + index(name));
    }

    /** The budget of pattern {@code name}: mean visible keys per query. */
    public double keys(String name) {
        return keys[index(name)];
    }

    /** The pattern with the lowest mean accuracy (the first one on ties). */
    public String lowest() {
        int best = 0;
        for (int p = 1; p < names.size(); p++) {
            if (mean(accuracy[p]) < mean(accuracy[best])) {
                best = p;
            }
        }
        return names.get(best);
    }

    /** The lowest mean accuracy among the patterns other than {@code excluded}; NaN when none is left. */
    public double lowestMeanExcept(String... excluded) {
        Check.notNull("excluded", excluded);
        List<String> out = new ArrayList<>();
        for (String e : excluded) {
            out.add(names.get(index(e)));
        }
        double min = Double.NaN;
        for (int p = 0; p < names.size(); p++) {
            if (!out.contains(names.get(p))) {
                double m = mean(accuracy[p]);
                min = Double.isNaN(min) ? m : Math.min(min, m);
            }
        }
        return min;
    }

    /** The table: one row per pattern with its budget, the accuracy of each seed, mean ± s.e. and the bootstrap interval. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-34s %8s", task + " N = " + size, "keys/q"));
        for (int s = 1; s <= seeds(); s++) {
            b.append(String.format(Locale.ROOT, "%9s", "seed " + s));
        }
        b.append(String.format(Locale.ROOT, "%18s  %s", "mean ± s.e.", "95% bootstrap"));
        for (int p = 0; p < names.size(); p++) {
            String n = names.get(p);
            b.append(String.format(Locale.ROOT, "%n%-34s %8.2f", n, keys[p]));
            for (double v : accuracy[p]) {
                b.append(String.format(Locale.ROOT, "%9.3f", v));
            }
            Interval i = interval(n);
            b.append(String.format(Locale.ROOT, "%18s  [%.3f, %.3f]", String.format(Locale.ROOT, "%.3f ± %.3f",
                    mean(n), stderr(n)), i.lo(), i.hi()));
        }
        return b.toString();
    }

    /** Bars of the mean accuracy per pattern with ± one standard error. */
    @Override
    public JFreeChart chart() {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        String series = "token accuracy (mean ± s.e., " + seeds() + " seeds)";
        for (String n : names) {
            data.add(mean(n), stderr(n), series, n);
        }
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setSeriesPaint(0, Style.color(0));
        r.setErrorIndicatorPaint(Color.BLACK);
        r.setDrawBarOutline(false);
        NumberAxis y = new NumberAxis("token accuracy");
        y.setRange(0, 1.05);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("pattern"), y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart("Paper E: " + task + " (N = " + size + ") by attention pattern",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static double mean(double[] x) {
        return Summary.of(x).mean();
    }

    @Override
    public String toString() {
        return "PatternComparison[" + task + ", N = " + size + ", " + names.size() + " patterns, " + seeds() + " seeds]";
    }
}
