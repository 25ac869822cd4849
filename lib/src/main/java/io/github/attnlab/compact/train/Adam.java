package io.github.attnlab.compact.train;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction and global-norm gradient clipping, updating a
 * parameter vector in place: the one mutable object of the training loop.
 */
final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final double rate;
    private final double clip;
    private final double[] m;
    private final double[] v;
    private int t;

    Adam(int size, double rate, double clip) {
        this.rate = rate;
        this.clip = clip;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One step $\theta \leftarrow \theta - \eta\,\hat m/(\sqrt{\hat v} + \epsilon)$ on the gradient {@code g}. */
    void step(double[] theta, double[] g) {
        double norm = 0;
        for (double x : g) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        double scale = norm > clip ? clip / norm : 1;
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i] * scale;
            m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
            v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
            theta[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
        }
    }
}
