package io.github.attnlab.measure;

import io.github.attnlab.core.Check;

/**
 * The value map $v: \mathbb{R}^d \to \mathbb{R}^{d_v}$ of measure attention: linear ($v(y) = W_v y$) in a
 * transformer, or any feature map (e.g. {@link FourierFeatures}).
 */
public interface ValueMap {

    /** The input dimension $d$. */
    int inputDimension();

    /** The output dimension $d_v$. */
    int dimension();

    /** Writes $v(y)$ into {@code out} (length {@link #dimension()}). */
    void apply(double[] y, double[] out);

    /** Checks the arguments of {@link #apply}: {@code y} of length $d$, {@code out} of length $d_v$. */
    private static void checkApply(ValueMap v, double[] y, double[] out) {
        Check.notNull("y", y);
        Check.notNull("out", out);
        Check.size("y.length", y.length, v.inputDimension());
        Check.size("out.length", out.length, v.dimension());
    }

    /** $v(y) = y$. */
    static ValueMap identity(int d) {
        Check.positive("d", d);
        return coordinates(d, 0, d);
    }

    /** $v(y) = (y_{from}, \dots, y_{to - 1})$ for points in $\mathbb{R}^d$. */
    static ValueMap coordinates(int d, int from, int to) {
        Check.positive("d", d);
        Check.range("from", from, 0, d - 1);
        Check.range("to", to, from + 1, d);
        return new ValueMap() {
            @Override
            public int inputDimension() {
                return d;
            }

            @Override
            public int dimension() {
                return to - from;
            }

            @Override
            public void apply(double[] y, double[] out) {
                checkApply(this, y, out);
                System.arraycopy(y, from, out, 0, to - from);
            }
        };
    }

    /** $v(y) = W_v y$ for a $d_v \times d$ matrix (copied). */
    static ValueMap linear(double[][] wv) {
        int rows = Check.finiteMatrix("wv", wv);
        double[][] w = new double[rows][];
        for (int i = 0; i < rows; i++) {
            w[i] = wv[i].clone();
        }
        int d = w[0].length;
        return new ValueMap() {
            @Override
            public int inputDimension() {
                return d;
            }

            @Override
            public int dimension() {
                return rows;
            }

            @Override
            public void apply(double[] y, double[] out) {
                checkApply(this, y, out);
                for (int i = 0; i < rows; i++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += w[i][k] * y[k];
                    }
                    out[i] = s;
                }
            }
        };
    }
}
