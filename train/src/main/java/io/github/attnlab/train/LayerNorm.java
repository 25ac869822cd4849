package io.github.attnlab.train;

/**
 * Layer normalisation of each row, $y = g \circ (x - \mu)/\sqrt{\sigma^2 + \epsilon} + b$, with its backward pass
 * $\nabla x = r\,(\nabla\hat x - \overline{\nabla\hat x} - \hat x\,\overline{\nabla\hat x \circ \hat x})$,
 * $\nabla\hat x = g \circ \nabla y$. Sums in double, in index order.
 */
final class LayerNorm {

    static final double EPS = 1e-5;

    private LayerNorm() {
    }

    static void forward(int rows, int d, float[] x, float[] w, int gOff, int bOff, float[] y, float[] mean,
                        float[] rstd) {
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            double s = 0;
            for (int e = 0; e < d; e++) {
                s += x[o + e];
            }
            double mu = s / d;
            double v = 0;
            for (int e = 0; e < d; e++) {
                double t = x[o + e] - mu;
                v += t * t;
            }
            mean[r] = (float) mu;
            rstd[r] = (float) (1 / Math.sqrt(v / d + EPS));
            double m = mean[r];
            double rs = rstd[r];
            for (int e = 0; e < d; e++) {
                y[o + e] = (float) ((x[o + e] - m) * rs) * w[gOff + e] + w[bOff + e];
            }
        }
    }

    /** Adds the input gradient to {@code dx} and the gain and bias gradients to {@code grad}. */
    static void backward(int rows, int d, float[] x, float[] w, int gOff, int bOff, float[] mean, float[] rstd,
                         float[] dy, float[] dx, float[] grad) {
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            double mu = mean[r];
            double rs = rstd[r];
            double m1 = 0;
            double m2 = 0;
            for (int e = 0; e < d; e++) {
                double xh = (float) ((x[o + e] - mu) * rs);
                double g = (double) dy[o + e] * w[gOff + e];
                m1 += g;
                m2 += g * xh;
                grad[gOff + e] += (float) (dy[o + e] * xh);
                grad[bOff + e] += dy[o + e];
            }
            m1 /= d;
            m2 /= d;
            for (int e = 0; e < d; e++) {
                double xh = (float) ((x[o + e] - mu) * rs);
                double g = (double) dy[o + e] * w[gOff + e];
                dx[o + e] += (float) (rs * (g - m1 - xh * m2));
            }
        }
    }
}
