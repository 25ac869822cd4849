package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.ErrorBarChart;
import io.github.attnlab.stats.Summary;

/**
 * What a {@link ContextSweep} measured (paper F.1, {@code docs/papers/F.md}): per context size $n_j$ and seed $r$ the
 * trained model's test MSE and recall error; per size, on the same test episodes, the uniform predictor's and the
 * shrinkage reference's MSE, and the reference's closed-form error. Immutable: arrays are copied in and out.
 *
 * @param sizes             the context sizes $n_j$ (tokens per component)
 * @param mse               {@code mse[r][j]}: seed $r$'s test MSE at $n_j$
 * @param recall            {@code recall[r][j]}: seed $r$'s recall error at $n_j$
 * @param uniform           the uniform predictor's test MSE at $n_j$
 * @param reference         the shrinkage reference's test MSE at $n_j$
 * @param referenceExpected the reference's closed-form expected error at $n_j$
 * @param seconds           total training time
 */
public record ContextSweepResult(double[] sizes, double[][] mse, double[][] recall, double[] uniform,
                                 double[] reference, double[] referenceExpected, double seconds) {

    /** Checks shapes and copies. */
    public ContextSweepResult {
        Check.notNull("sizes", sizes);
        int j = sizes.length;
        mse = rows("mse", mse, j);
        recall = rows("recall", recall, j);
        if (recall.length != mse.length) {
            throw new IllegalArgumentException("recall has " + recall.length + " seeds but mse has " + mse.length);
        }
        sizes = sizes.clone();
        uniform = Check.vector("uniform", uniform, j).clone();
        reference = Check.vector("reference", reference, j).clone();
        referenceExpected = Check.vector("referenceExpected", referenceExpected, j).clone();
        Check.nonNegative("seconds", seconds);
    }

    /** The rate of the test MSE in $n$ ({@link RateFit}, seed bootstrap seeded by {@code seed}). */
    public RateFit prediction(long seed) {
        return RateFit.of("test MSE", sizes, mse, seed);
    }

    /** The rate of the recall error in $n$. */
    public RateFit recallRate(long seed) {
        return RateFit.of("recall error", sizes, recall, seed);
    }

    /** The reference's exponent over the same sizes: minus the log-log slope of its closed-form error. */
    public double referenceExponent() {
        return -RateFit.logLogSlope(sizes, referenceExpected);
    }

    /**
     * Test MSE and recall error against $n$ on log-log axes: seed means with $\pm$ one standard deviation over seeds,
     * the uniform predictor, and the reference (closed form).
     */
    public ErrorBarChart chart() {
        ErrorBarChart c = ErrorBarChart.of("F.1: error against context size n", "n (tokens per component)", "error")
                .logX().logY();
        c = c.series("test MSE (mean +- sd over seeds)", sizes, mean(mse), sd(mse));
        c = c.series("recall error (mean +- sd over seeds)", sizes, mean(recall), sd(recall));
        double[] none = new double[sizes.length];
        c = c.series("uniform predictor MSE (test set)", sizes, uniform, none);
        return c.series("shrinkage reference MSE (closed form)", sizes, referenceExpected, none);
    }

    private static double[] mean(double[][] e) {
        double[] m = new double[e[0].length];
        for (int j = 0; j < m.length; j++) {
            double[] col = new double[e.length];
            for (int r = 0; r < e.length; r++) {
                col[r] = e[r][j];
            }
            m[j] = Summary.of(col).mean();
        }
        return m;
    }

    private static double[] sd(double[][] e) {
        double[] m = new double[e[0].length];
        for (int j = 0; j < m.length; j++) {
            double[] col = new double[e.length];
            for (int r = 0; r < e.length; r++) {
                col[r] = e[r][j];
            }
            m[j] = Summary.of(col).sd();
        }
        return m;
    }

    /** Seed-mean test MSE per size. */
    public double[] meanMse() {
        return mean(mse);
    }

    /** Seed-mean recall error per size. */
    public double[] meanRecall() {
        return mean(recall);
    }

    @Override
    public double[] sizes() {
        return sizes.clone();
    }

    @Override
    public double[][] mse() {
        return copy(mse);
    }

    @Override
    public double[][] recall() {
        return copy(recall);
    }

    @Override
    public double[] uniform() {
        return uniform.clone();
    }

    @Override
    public double[] reference() {
        return reference.clone();
    }

    @Override
    public double[] referenceExpected() {
        return referenceExpected.clone();
    }

    private static double[][] rows(String name, double[][] a, int j) {
        Check.notNull(name, a);
        if (a.length == 0) {
            throw new IllegalArgumentException(name + " has no seeds");
        }
        double[][] c = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            c[r] = Check.vector(name + "[" + r + "]", a[r], j).clone();
        }
        return c;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            c[r] = a[r].clone();
        }
        return c;
    }
}
