package io.github.attnlab.topk;

/** The scalar reference of {@link SelectKernels}: the fixed tree lane by lane. */
final class ScalarSelectKernels implements SelectKernels {

    @Override
    public float max(float[] a, int off, int len) {
        float m = a[off];
        for (int i = 1; i < len; i++) {
            m = Math.max(m, a[off + i]);
        }
        return m;
    }

    @Override
    public double exps(float[] a, int off, int len, float m, float[] e, int[] flushed) {
        int whole = len - len % WAYS;
        float[] block = new float[WAYS];
        double[] total = new double[WAYS];
        int zero = 0;
        for (int i = 0; i < whole; i += WAYS) {
            for (int l = 0; l < WAYS; l++) {
                float s = a[off + i + l];
                float x = SelectKernels.exp(s, m);
                if (s - m < XMIN) {
                    zero++;
                }
                e[i + l] = x;
                block[l] += x;
            }
            if ((i / WAYS) % BLOCK == BLOCK - 1) {
                flush(block, total);
            }
        }
        flush(block, total);
        return tail(a, off, whole, len, m, e, combine(total), zero, flushed);
    }

    /**
     * The end of {@link #exps} on both paths: the last {@code len - from} terms written and added in order to
     * {@code z}; {@code flushed[0]} gets {@code zero} plus the number of them flushed to zero. Returns the sum.
     */
    static double tail(float[] a, int off, int from, int len, float m, float[] e, double z, int zero, int[] flushed) {
        for (int i = from; i < len; i++) {
            float s = a[off + i];
            float x = SelectKernels.exp(s, m);
            if (s - m < XMIN) {
                zero++;
            }
            e[i] = x;
            z += x;
        }
        flushed[0] = zero;
        return z;
    }

    @Override
    public void tails(float[] e, int len, float[] t, double[] tails) {
        int whole = len - len % WAYS;
        for (int j = 0; j < PROBES; j++) {
            float tj = t[j];
            float[] lane = new float[WAYS];
            for (int i = 0; i < whole; i += WAYS) {
                for (int l = 0; l < WAYS; l++) {
                    float x = e[i + l];
                    if (x < tj) {
                        lane[l] += x;
                    }
                }
            }
            double s = 0;
            for (int l = 0; l < WAYS; l++) {
                s += lane[l];
            }
            for (int i = whole; i < len; i++) {
                float x = e[i];
                if (x < tj) {
                    s += x;
                }
            }
            tails[j] = s;
        }
    }

    @Override
    public int split(float[] e, int len, float lo, float hi, double[] sums, int[] aboveCount, float[] picked,
                     int[] marks) {
        int whole = len - len % WAYS;
        float[] above = new float[WAYS];
        float[] below = new float[WAYS];
        double[] aboveTotal = new double[WAYS];
        double[] belowTotal = new double[WAYS];
        int c = 0;
        int n = 0;
        for (int i = 0; i < whole; i += WAYS) {
            for (int l = 0; l < WAYS; l++) {
                float x = e[i + l];
                if (x >= hi) {
                    above[l] += x;
                    n++;
                } else if (x < lo) {
                    below[l] += x;
                } else {
                    picked[c++] = x;
                }
            }
            if ((i / WAYS) % BLOCK == BLOCK - 1) {
                flush(above, aboveTotal);
                flush(below, belowTotal);
            }
        }
        flush(above, aboveTotal);
        flush(below, belowTotal);
        double h = combine(aboveTotal);
        double t = combine(belowTotal);
        for (int i = whole; i < len; i++) {
            float x = e[i];
            if (x >= hi) {
                h += x;
                n++;
            } else if (x < lo) {
                t += x;
            } else {
                picked[c++] = x;
            }
        }
        sums[0] = h;
        sums[1] = t;
        aboveCount[0] = n;
        return c;
    }

    /** Adds each lane's float block sum to its double total and clears the block. */
    static void flush(float[] block, double[] total) {
        for (int l = 0; l < WAYS; l++) {
            total[l] += block[l];
            block[l] = 0f;
        }
    }

    /** The lane totals added in lane order. */
    static double combine(double[] total) {
        double s = 0;
        for (int l = 0; l < WAYS; l++) {
            s += total[l];
        }
        return s;
    }
}
