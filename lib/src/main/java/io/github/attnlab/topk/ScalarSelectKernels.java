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

    /**
     * One pass over the terms for all the thresholds, each term added to its lane of every threshold without a
     * branch: the term itself below the threshold, else $+0$, which leaves a lane sum ($\ge +0$) unchanged, as the
     * vector path's blend does. For terms $x \ge 0$ and $t &gt; 0$, $x &lt; t$ is the order of their bit patterns as
     * integers, whose difference's sign bit is the mask; a threshold $t \le 0$ (or NaN) keeps no term.
     */
    @Override
    public void tails(float[] e, int len, float[] t, double[] tails) {
        int whole = len - len % WAYS;
        int[] bt = new int[PROBES];
        for (int j = 0; j < PROBES; j++) {
            bt[j] = t[j] > 0 ? Float.floatToRawIntBits(t[j]) : 0;
        }
        float[] lane = new float[PROBES * WAYS];
        for (int j = 0; j < PROBES; j++) {
            laneSums(e, whole, bt[j], lane, j * WAYS);
        }
        for (int j = 0; j < PROBES; j++) {
            float tj = t[j];
            double s = 0;
            for (int l = 0; l < WAYS; l++) {
                s += lane[j * WAYS + l];
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

    /**
     * The 16 lane sums of one threshold (bit pattern {@code bt}) into {@code lane[at, at + 16)}, kept in locals so
     * that the adds of different lanes do not wait on one another.
     */
    private static void laneSums(float[] e, int whole, int bt, float[] lane, int at) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        float s8 = 0f, s9 = 0f, s10 = 0f, s11 = 0f, s12 = 0f, s13 = 0f, s14 = 0f, s15 = 0f;
        for (int i = 0; i < whole; i += WAYS) {
            s0 += below(e[i], bt);
            s1 += below(e[i + 1], bt);
            s2 += below(e[i + 2], bt);
            s3 += below(e[i + 3], bt);
            s4 += below(e[i + 4], bt);
            s5 += below(e[i + 5], bt);
            s6 += below(e[i + 6], bt);
            s7 += below(e[i + 7], bt);
            s8 += below(e[i + 8], bt);
            s9 += below(e[i + 9], bt);
            s10 += below(e[i + 10], bt);
            s11 += below(e[i + 11], bt);
            s12 += below(e[i + 12], bt);
            s13 += below(e[i + 13], bt);
            s14 += below(e[i + 14], bt);
            s15 += below(e[i + 15], bt);
        }
        lane[at] = s0;
        lane[at + 1] = s1;
        lane[at + 2] = s2;
        lane[at + 3] = s3;
        lane[at + 4] = s4;
        lane[at + 5] = s5;
        lane[at + 6] = s6;
        lane[at + 7] = s7;
        lane[at + 8] = s8;
        lane[at + 9] = s9;
        lane[at + 10] = s10;
        lane[at + 11] = s11;
        lane[at + 12] = s12;
        lane[at + 13] = s13;
        lane[at + 14] = s14;
        lane[at + 15] = s15;
    }

    /** $x$ when its bit pattern is below {@code bt}, else $+0$ (see {@link #tails}). */
    private static float below(float x, int bt) {
        int bx = Float.floatToRawIntBits(x);
        return Float.intBitsToFloat(bx & ((bx - bt) >> 31));
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
        // without branches (the head holds most keys, so x >= hi is a coin toss for the predictor): for terms x >= 0,
        // comparisons by bit pattern as in tails; hi <= 0 takes every term, NaN none; lo <= 0 or NaN leaves none below
        int bhi = hi > 0 ? Float.floatToRawIntBits(hi) : hi != hi ? Integer.MAX_VALUE : 0;
        int blo = lo > 0 ? Float.floatToRawIntBits(lo) : 0;
        for (int i = 0; i < whole; i += WAYS) {
            for (int l = 0; l < WAYS; l++) {
                float x = e[i + l];
                int bx = Float.floatToRawIntBits(x);
                int isAbove = ~((bx - bhi) >> 31);
                int isBelow = ((bx - blo) >> 31) & ~isAbove;
                above[l] += Float.intBitsToFloat(bx & isAbove); // + 0 leaves the sum as it is
                below[l] += Float.intBitsToFloat(bx & isBelow);
                n -= isAbove;
                picked[c] = x; // picked has room for len + 1 terms; overwritten unless kept
                c += 1 + (isAbove | isBelow);
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

    @Override
    public double buckets(double[] row, int off, int len, double max, int shift, int base, int last, int masked,
                          int[] bucketOf) {
        return buckets(row, off, 0, len, max, shift, base, last, masked, bucketOf);
    }

    /** {@link #buckets} of the keys {@code [from, len)} only; returns their widest gap (0 if none). */
    static double buckets(double[] row, int off, int from, int len, double max, int shift, int base, int last,
                          int masked, int[] bucketOf) {
        double widest = 0;
        for (int i = from; i < len; i++) {
            double s = row[off + i];
            boolean live = s != Double.NEGATIVE_INFINITY;
            double gap = max - s; // +Infinity for a masked key
            if (gap > widest && live) { // a rarely taken branch: Math.max would chain its latency through the loop
                widest = gap;
            }
            int f = Float.floatToRawIntBits((float) gap);
            int b = Math.min(last, Math.max(0, (f >>> shift) - base));
            bucketOf[i] = live ? b : masked;
        }
        return widest;
    }
}
