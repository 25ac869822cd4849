package io.github.attnlab.compact.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.Copy;
import io.github.attnlab.plot.ErrorBarChart;
import io.github.attnlab.plot.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Trained heads evaluated at several context lengths: per normaliser and length, the mean over
 * seeds of each head's test MSE and its standard error across seeds (so the bars show how much a
 * retrained head varies), and the mean support size. Every head at a given length sees the same
 * evaluation episodes, so differences between normalisers are paired by seed.
 *
 * @param task     the task
 * @param names    the normalisers, in the order of the runs
 * @param lengths  the context lengths
 * @param seeds    heads per normaliser
 * @param perSeed  MSE of seed $s$ of normaliser $k$ at length $l$: {@code perSeed[k][l][s]}
 * @param support  mean support size, {@code support[k][l]} (averaged over seeds)
 */
public record LengthSweep(Task task, List<String> names, int[] lengths, int seeds, double[][][] perSeed,
                          double[][] support) implements Figure {

    /** Copies the list and the arrays. */
    public LengthSweep {
        Check.notNull("perSeed", perSeed);
        Check.notNull("support", support);
        Check.notNull("names", names);
        Check.notNull("lengths", lengths);
        names = List.copyOf(names);
        lengths = lengths.clone();
        perSeed = Copy.of(perSeed);
        support = Copy.of(support);
    }

    /** A paired difference of MSE between two normalisers at one length: mean and standard error over seeds. */
    public record Difference(String a, String b, int length, double mean, double stderr) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "MSE(%s) − MSE(%s) at N = %d: %.4g ± %.2g", a, b, length, mean, stderr);
        }
    }

    /**
     * Evaluates every run at every length on {@code episodes} episodes per length; runs are grouped
     * by normaliser name in order of appearance and must have the same number of seeds each.
     */
    public static LengthSweep of(Task task, List<TrainingRun> runs, int[] lengths, int episodes, long seed) {
        Check.notNull("task", task);
        Check.notNull("runs", runs);
        Check.notNull("lengths", lengths);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs is empty: a sweep needs at least one trained head");
        }
        for (int l = 0; l < lengths.length; l++) {
            Check.positive("lengths[" + l + "]", lengths[l]);
        }
        Map<String, List<TrainingRun>> groups = new LinkedHashMap<>();
        for (TrainingRun r : runs) {
            groups.computeIfAbsent(r.head().normalizer().name(), k -> new ArrayList<>()).add(r);
        }
        int seeds = groups.values().iterator().next().size();
        double[][][] mse = new double[groups.size()][lengths.length][seeds];
        double[][] support = new double[groups.size()][lengths.length];
        int k = 0;
        for (List<TrainingRun> group : groups.values()) {
            if (group.size() != seeds) {
                throw new IllegalArgumentException("every normaliser needs " + seeds + " runs; one has " + group.size());
            }
            for (int l = 0; l < lengths.length; l++) {
                for (int s = 0; s < seeds; s++) {
                    Evaluation e = Evaluation.of(group.get(s).head(), task, lengths[l], episodes, seed + 7919L * l);
                    mse[k][l][s] = e.mse();
                    support[k][l] += e.meanSupport() / seeds;
                }
            }
            k++;
        }
        return new LengthSweep(task, List.copyOf(groups.keySet()), lengths.clone(), seeds, mse, support);
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    @Override
    public double[][][] perSeed() {
        return Copy.of(perSeed);
    }

    @Override
    public double[][] support() {
        return Copy.of(support);
    }

    /** Mean over seeds of the MSE of normaliser {@code name} at length index {@code l}. */
    public double mse(String name, int l) {
        Check.notNull("name", name);
        return mean(perSeed[index("name", name)][length(l)]);
    }

    /** Standard error over seeds of that MSE. */
    public double stderr(String name, int l) {
        Check.notNull("name", name);
        double[] x = perSeed[index("name", name)][length(l)];
        double m = mean(x);
        double v = 0;
        for (double xi : x) {
            v += (xi - m) * (xi - m);
        }
        return x.length > 1 ? Math.sqrt(v / (x.length - 1) / x.length) : Double.NaN;
    }

    /** The paired difference MSE(a) − MSE(b) at length index {@code l}. */
    public Difference difference(String a, String b, int l) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        double[] x = perSeed[index("a", a)][length(l)];
        double[] y = perSeed[index("b", b)][length(l)];
        double[] d = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            d[s] = x[s] - y[s];
        }
        double m = mean(d);
        double v = 0;
        for (double di : d) {
            v += (di - m) * (di - m);
        }
        return new Difference(a, b, lengths[l], m, seeds > 1 ? Math.sqrt(v / (seeds - 1) / seeds) : Double.NaN);
    }

    private int length(int l) {
        return Check.index("l", l, lengths.length);
    }

    private int index(String param, String name) {
        Check.notNull(param, name);
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(param + " = '" + name + "' names no normaliser of this sweep; have " + names);
        }
        return i;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double xi : x) {
            s += xi;
        }
        return s / x.length;
    }

    /** MSE against context length, log–log, bars of one standard error over seeds. */
    @Override
    public JFreeChart chart() {
        double[] x = new double[lengths.length];
        for (int l = 0; l < lengths.length; l++) {
            x[l] = lengths[l];
        }
        ErrorBarChart c = ErrorBarChart.of("test MSE against context length (" + seeds + " seeds, ±1 s.e.)",
                "context length N", "MSE").logX().logY();
        for (String name : names) {
            double[] m = new double[lengths.length];
            double[] e = new double[lengths.length];
            for (int l = 0; l < lengths.length; l++) {
                m[l] = mse(name, l);
                e[l] = stderr(name, l);
            }
            c = c.series(name, x, m, e);
        }
        return c.chart();
    }

    /** The table: one line per normaliser, MSE ± s.e. (support) per length. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s", "N ="));
        for (int n : lengths) {
            sb.append(String.format(Locale.ROOT, "%24d", n));
        }
        for (String name : names) {
            sb.append('\n').append(String.format(Locale.ROOT, "%-28s", name));
            for (int l = 0; l < lengths.length; l++) {
                sb.append(String.format(Locale.ROOT, "%13.4g ±%7.1e(%4.0f)", mse(name, l), stderr(name, l),
                        support[index("name", name)][l]));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "LengthSweep[" + task.name() + ", " + names.size() + " normalisers × " + seeds + " seeds, N = "
                + java.util.Arrays.toString(lengths) + "]";
    }
}
