package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The discarded tail mass $\tau(k)$ of one row against k, with every bound of {@link TailBound}:
 * how tight each bound is, and where it certifies a budget.
 *
 * <p>For rows of at most 512 unmasked keys every k is evaluated; longer rows use about 200 values
 * of k spaced geometrically.
 *
 * @param ks       the values of k
 * @param tailMass $\tau(k)$ as computed
 * @param bounds   each bound → its value at each k (certified, so never below the exact $\tau$)
 */
public record TailCurve(int[] ks, double[] tailMass, Map<TailBound, double[]> bounds) implements Figure {

    /** Deep copies. */
    public TailCurve {
        Check.notNull("ks", ks);
        Check.notNull("tailMass", tailMass);
        Check.notNull("bounds", bounds);
        ks = ks.clone();
        tailMass = tailMass.clone();
        bounds = copy(bounds);
    }

    private static Map<TailBound, double[]> copy(Map<TailBound, double[]> bounds) {
        Map<TailBound, double[]> copy = new LinkedHashMap<>();
        bounds.forEach((bound, values) -> copy.put(bound, values.clone()));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The values of k (a copy). */
    @Override
    public int[] ks() {
        return ks.clone();
    }

    /** $\tau(k)$ at each k (a copy). */
    @Override
    public double[] tailMass() {
        return tailMass.clone();
    }

    /** Each bound's values (a deep copy). */
    @Override
    public Map<TailBound, double[]> bounds() {
        return copy(bounds);
    }

    static TailCurve of(RankedRow row, int blockSize) {
        int[] ks = grid(Math.max(1, row.unmasked()));
        List<TailBound> all = List.of(TailBound.EXACT, TailBound.blocks(blockSize), TailBound.DYADIC,
                TailBound.SINGLE_GAP, TailBound.GAP_ONLY);
        double[] tau = new double[ks.length];
        Map<TailBound, double[]> bounds = new LinkedHashMap<>();
        for (TailBound b : all) {
            double[] y = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                y[i] = b.upper(row, ks[i]);
            }
            bounds.put(b, y);
        }
        for (int i = 0; i < ks.length; i++) {
            tau[i] = row.tailMass(ks[i]);
        }
        return new TailCurve(ks, tau, bounds);
    }

    private static int[] grid(int n) {
        if (n <= 512) {
            int[] ks = new int[n];
            for (int i = 0; i < n; i++) {
                ks[i] = i + 1;
            }
            return ks;
        }
        List<Integer> ks = new ArrayList<>();
        double ratio = Math.pow(n, 1.0 / 199);
        double x = 1;
        int last = 0;
        while (last < n) {
            int k = (int) Math.min(n, Math.round(x));
            if (k > last) {
                ks.add(k);
                last = k;
            }
            x *= ratio;
        }
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The smallest k on the grid whose bound is at most {@code eps}, or -1 if none. */
    public int firstCertified(TailBound bound, double eps) {
        io.github.attnlab.core.Check.notNull("bound", bound);
        io.github.attnlab.core.Check.open("eps", eps, 0, 1);
        double[] y = bounds.get(bound);
        if (y == null) {
            throw new IllegalArgumentException("bound = " + bound + " is not on this curve; have " + bounds.keySet());
        }
        for (int i = 0; i < ks.length; i++) {
            if (y[i] <= eps) {
                return ks[i];
            }
        }
        return -1;
    }

    /** A log-scale chart of the k with a positive tail mass (keeping every key leaves $\tau = 0$). */
    @Override
    public JFreeChart chart() {
        int m = 0;
        while (m < ks.length && tailMass[m] > 0) {
            m++;
        }
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = ks[i];
        }
        // the first series is drawn on top: the true tail mass stays visible where a bound attains it
        XYChart c = XYChart.of("Tail mass discarded by top-k, and its bounds", "k", "tau(k)")
                .linePoints("tau(k), exact", x, java.util.Arrays.copyOf(tailMass, m));
        for (Map.Entry<TailBound, double[]> e : bounds.entrySet()) {
            if (!e.getKey().equals(TailBound.EXACT)) {
                c = c.line(e.getKey().name() + " bound", x, java.util.Arrays.copyOf(e.getValue(), m));
            }
        }
        return c.logY().chart();
    }

    @Override
    public String toString() {
        return "TailCurve[" + ks.length + " values of k up to " + ks[ks.length - 1] + ", bounds " + bounds.keySet().stream().map(TailBound::name).toList() + "]";
    }
}
