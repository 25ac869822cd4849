package io.github.attnlab.train;

/**
 * Adam (Kingma and Ba 2015) with bias correction and global-norm gradient clipping on a float parameter vector,
 * moments in float: the one mutable object of a training loop. The update of each coordinate is a fixed sequence of
 * double operations, so the same gradients give the same parameters bit for bit.
 */
final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final float[] m;
    private final float[] v;
    private final double clip;
    private int t;

    Adam(int size, double clip) {
        this.m = new float[size];
        this.v = new float[size];
        this.clip = clip;
    }

    /** One step with learning rate {@code rate}; returns the gradient's norm before clipping. */
    double step(float[] w, float[] g, double rate) {
        double norm = 0;
        for (float x : g) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        double scale = clip > 0 && norm > clip ? clip / norm : 1;
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < w.length; i++) {
            double gi = g[i] * scale;
            m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * gi);
            v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * gi * gi);
            w[i] -= (float) (rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS));
        }
        return norm;
    }
}
