package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.ErrorBarChart;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.train.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jfree.chart.JFreeChart;

/**
 * Length generalisation: models trained at size $N$ tested at sizes $N, 2N, 4N, \dots$ on the same seeded test
 * examples, grouped by normaliser name and seed; the per-position (teacher-forced) error rate as mean ± standard error
 * over seeds, paired differences between normalisers (the same seeds see the same data and initial weights), a table
 * and an error-bar chart.
 */
public final class LengthSweep implements Figure {

    private final String task;
    private final int[] sizes;
    private final Map<String, double[][]> error;     // name -> [seed][size]
    private final Map<String, double[][]> zeros;

    private LengthSweep(String task, int[] sizes, Map<String, double[][]> error, Map<String, double[][]> zeros) {
        this.task = task;
        this.sizes = sizes;
        this.error = error;
        this.zeros = zeros;
    }

    /**
     * Evaluates every run's model at each of {@code sizes} on {@code examples} test examples per size (the same for
     * every model, drawn from {@code seed}). Runs are grouped by their normaliser's name; within a group, in the order
     * given (one per seed).
     */
    public static LengthSweep of(Task task, List<TrainingRun> runs, int[] sizes, int examples, long seed) {
        Check.notNull("task", task);
        Check.notNull("runs", runs);
        Check.positive("runs.size()", runs.size());
        Check.notNull("sizes", sizes);
        Check.positive("examples", examples);
        List<List<Example>> tests = new ArrayList<>();
        for (int s : sizes) {
            tests.add(task.sample(new Random(seed + 1000003L * s), s, examples));
        }
        boolean mixed = runs.stream().map(r -> r.training().model().positions()).distinct().count() > 1;
        Map<String, List<double[]>> err = new LinkedHashMap<>();
        Map<String, List<double[]>> zer = new LinkedHashMap<>();
        for (TrainingRun r : runs) {
            String name = label(r, mixed);
            double[] e = new double[sizes.length];
            double[] z = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                Evaluation ev = r.model().evaluate(tests.get(i));
                e[i] = ev.tokenError();
                z[i] = ev.attentionZeros();
            }
            err.computeIfAbsent(name, k -> new ArrayList<>()).add(e);
            zer.computeIfAbsent(name, k -> new ArrayList<>()).add(z);
        }
        Map<String, double[][]> e2 = new LinkedHashMap<>();
        Map<String, double[][]> z2 = new LinkedHashMap<>();
        err.forEach((k, v) -> e2.put(k, v.toArray(new double[0][])));
        zer.forEach((k, v) -> z2.put(k, v.toArray(new double[0][])));
        return new LengthSweep(task.name(), sizes.clone(), e2, z2);
    }

    /** The label of a run: its normaliser, and its position encoding when {@code withPositions}. */
    static String label(TrainingRun r, boolean withPositions) {
        ModelConfig c = r.training().model();
        return c.normalizer().name() + (withPositions ? " (" + c.positions().name().toLowerCase(Locale.ROOT) + " positions)" : "");
    }

    /** The group names, in order of first appearance. */
    public List<String> names() {
        return List.copyOf(error.keySet());
    }

    /** The test sizes. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Mean error rate over seeds at size index {@code i}. */
    public double error(String name, int i) {
        return mean(column(error, name, i));
    }

    /** Standard error of the mean over seeds at size index {@code i}. */
    public double stderr(String name, int i) {
        return se(column(error, name, i));
    }

    /** Mean fraction of exactly-zero attention weights at size index {@code i}. */
    public double attentionZeros(String name, int i) {
        return mean(column(zeros, name, i));
    }

    /** A paired difference $a - b$ over seeds. */
    public record Difference(String a, String b, int size, double mean, double stderr, int seeds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s − %s at N = %d: %+.4f ± %.4f (%d seeds)", a, b, size, mean, stderr, seeds);
        }
    }

    /** The paired difference of error rates, {@code a} minus {@code b}, at size index {@code i}. */
    public Difference difference(String a, String b, int i) {
        double[] x = column(error, a, i);
        double[] y = column(error, b, i);
        Check.size("seeds of " + b, y.length, x.length);
        double[] d = new double[x.length];
        for (int s = 0; s < d.length; s++) {
            d[s] = x[s] - y[s];
        }
        return new Difference(a, b, sizes[i], mean(d), se(d), d.length);
    }

    /** The table: rows normalisers, columns test sizes, cells mean ± s.e. of the error rate. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-34s", task + ": error rate"));
        for (int s : sizes) {
            b.append(String.format(Locale.ROOT, "%18s", "N = " + s));
        }
        for (String n : names()) {
            b.append(String.format(Locale.ROOT, "%n%-34s", n));
            for (int i = 0; i < sizes.length; i++) {
                b.append(String.format(Locale.ROOT, "%18s", String.format(Locale.ROOT, "%.3f ± %.3f", error(n, i),
                        stderr(n, i))));
            }
        }
        return b.toString();
    }

    @Override
    public JFreeChart chart() {
        ErrorBarChart c = ErrorBarChart.of("Length generalisation: " + task + " (trained at N = " + sizes[0] + ")",
                "test size N", "error rate per position").logX();
        double[] x = new double[sizes.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = sizes[i];
        }
        for (String n : names()) {
            double[] m = new double[sizes.length];
            double[] e = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                m[i] = error(n, i);
                e[i] = stderr(n, i);
            }
            c = c.series(n, x, m, e);
        }
        return c.chart();
    }

    private static double[] column(Map<String, double[][]> m, String name, int i) {
        double[][] v = m.get(Check.notNull("name", name));
        if (v == null) {
            throw new IllegalArgumentException("name = " + name + " is not one of " + m.keySet());
        }
        double[] c = new double[v.length];
        for (int s = 0; s < v.length; s++) {
            c[s] = v[s][i];
        }
        return c;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double se(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1) / x.length);
    }

    @Override
    public String toString() {
        return "LengthSweep[" + task + ", " + names().size() + " normalisers, sizes " + java.util.Arrays.toString(sizes) + "]";
    }
}
