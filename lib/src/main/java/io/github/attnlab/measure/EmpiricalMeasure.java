package io.github.attnlab.measure;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * A stored finite measure $\sum_j w_j \delta_{y_j}$: points row-major in one array, with weights (uniform $1/n$ by
 * default, the empirical measure of a sample). Immutable: the factories copy.
 */
public final class EmpiricalMeasure implements Measure {

    private final double[] points;
    private final double[] weights;
    private final int n;
    private final int d;

    private EmpiricalMeasure(double[] points, double[] weights, int n, int d) {
        this.points = points;
        this.weights = weights;
        this.n = n;
        this.d = d;
    }

    /** The empirical measure $\frac1n\sum_j \delta_{y_j}$ of the rows. */
    public static EmpiricalMeasure of(double[][] points) {
        int n = checkedPoints(points);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return new EmpiricalMeasure(flatten(points), w, n, points[0].length);
    }

    /** $\sum_j w_j \delta_{y_j}$ with the given weights ($\ge 0$, finite, not all 0). */
    public static EmpiricalMeasure weighted(double[][] points, double[] weights) {
        int n = checkedPoints(points);
        Check.vector("weights", weights, n);
        double total = 0;
        for (int j = 0; j < n; j++) {
            if (weights[j] < 0) {
                throw new IllegalArgumentException("weights[" + j + "] = " + weights[j] + " is negative");
            }
            total += weights[j];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights are all 0: the measure has no mass");
        }
        return new EmpiricalMeasure(flatten(points), weights.clone(), n, points[0].length);
    }

    private static int checkedPoints(double[][] points) {
        Check.notNull("points", points);
        if (points.length == 0) {
            throw new IllegalArgumentException("points is empty: a measure needs at least one atom");
        }
        return Check.finiteMatrix("points", points);
    }

    private static double[] flatten(double[][] a) {
        int d = a[0].length;
        double[] f = new double[a.length * d];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, f, i * d, d);
        }
        return f;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public long size() {
        return n;
    }

    @Override
    public void forEach(Sink sink) {
        Check.notNull("sink", sink);
        double[] buf = new double[d];
        for (int j = 0; j < n; j++) {
            System.arraycopy(points, j * d, buf, 0, d);
            sink.accept(buf, weights[j]);
        }
    }

    /** Atom {@code j}'s point (a copy). */
    public double[] point(int j) {
        Check.index("j", j, n);
        double[] p = new double[d];
        System.arraycopy(points, j * d, p, 0, d);
        return p;
    }

    /** Atom {@code j}'s weight. */
    public double weight(int j) {
        return weights[Check.index("j", j, n)];
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EmpiricalMeasure[%d atoms in R^%d, mass %.6g]", n, d, mass());
    }
}
