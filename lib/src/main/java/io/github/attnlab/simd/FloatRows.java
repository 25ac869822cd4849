package io.github.attnlab.simd;

import io.github.attnlab.core.LogitRow;

/**
 * Softmax and log-sum-exp of a float row in one pass with an online maximum and sum, then one normalising pass;
 * the definition both paths compute bit for bit ({@link FloatOps#softmaxOnline}, {@link FloatOps#logSumExp}).
 *
 * <p>The row is cut into chunks of {@link #CHUNK} elements. Chunk $c$ gets its maximum $m_c$ and
 * $s_c = \sum_{i \in c} e^{a_i - m_c}$ (float exponentials {@link LaneMath#expRow(float)}), summed in a fixed tree:
 * element $j$ of the chunk goes to lane $j \bmod 16$; every lane sums its terms of each block of {@link #BLOCK}
 * elements in float, in order, and adds that block sum to its running float total; the 16 totals are combined as
 * $((t_0 + t_1) + (t_2 + t_3)) + ((t_4 + t_5) + (t_6 + t_7))$ for each half, the two halves added; the last
 * $len \bmod 16$ elements of the chunk are added in order. The chunks are merged online in double:
 * $S \leftarrow S e^{M - m_c} + s_c$, $M \leftarrow m_c$ when $m_c &gt; M$, else $S \leftarrow S + s_c e^{m_c - M}$
 * ({@link LaneMath#exp(double)}). Then $\log\sum_i e^{a_i} = M + \log S$, and
 * $p_i = e^{a_i - M} \cdot \mathrm{fl}(1/S)$: from the exponentials written in the first pass when the row is one
 * chunk, recomputed otherwise (so {@code out} may be {@code a}). Rows of more than one chunk allocate one
 * two-element array for the merge; the scalar reference allocates its 16 lane sums.
 */
final class FloatRows {

    /** Elements per chunk: 32 KB of floats, so a chunk stays in the first-level cache between its two reads. */
    static final int CHUNK = 8192;
    /** Elements per block of the lane sums: each lane adds 16 terms in float before its running total. */
    static final int BLOCK = 256;
    /** Lanes of the fixed summation tree. */
    static final int WAYS = 16;

    /** The chunk loops of one path. */
    interface Kernels {

        /** $\max_{i<len} a_{off+i}$ (NaN if any element is NaN); {@code len >= 1}. */
        float max(float[] a, int off, int len);

        /**
         * $s = \sum_{i<len} e^{a_{off+i} - m}$ in the fixed tree of the class comment; also writes the terms into
         * {@code out} unless it is null.
         */
        float expSum(float[] a, int off, int len, float m, float[] out, int outOff);

        /** $out_i \leftarrow out_i \cdot f$. */
        void scale(float[] out, int off, int len, float f);

        /** $out_i \leftarrow e^{a_i - m} \cdot f$. */
        void expScale(float[] a, int off, int len, float m, float f, float[] out, int outOff);
    }

    private FloatRows() {
    }

    /** Softmax into {@code out}; returns the log-partition $\log\sum_i e^{a_i}$. */
    static double softmax(Kernels k, float[] a, int off, int len, float[] out, int outOff) {
        if (len < 1) {
            LogitRow.validate("a", a, off, len); // throws: an empty row
        }
        if (len <= CHUNK) {
            float m = k.max(a, off, len);
            double s = check(a, off, len, m, k.expSum(a, off, len, m, out, outOff));
            k.scale(out, outOff, len, (float) (1 / s));
            return m + Math.log(s);
        }
        double[] ms = new double[2];
        online(k, a, off, len, ms);
        k.expScale(a, off, len, (float) ms[0], (float) (1 / ms[1]), out, outOff);
        return ms[0] + Math.log(ms[1]);
    }

    /** $\log\sum_i e^{a_i}$ by the first pass of {@link #softmax}, with the same bits as its return value. */
    static double logSumExp(Kernels k, float[] a, int off, int len) {
        if (len < 1) {
            LogitRow.validate("a", a, off, len); // throws: an empty row
        }
        if (len <= CHUNK) {
            float m = k.max(a, off, len);
            double s = check(a, off, len, m, k.expSum(a, off, len, m, null, 0));
            return m + Math.log(s);
        }
        double[] ms = new double[2];
        online(k, a, off, len, ms);
        return ms[0] + Math.log(ms[1]);
    }

    /** The online merge of the chunks: writes $M$ and $S$ into {@code ms}. */
    private static void online(Kernels k, float[] a, int off, int len, double[] ms) {
        double big = Double.NEGATIVE_INFINITY;
        double s = 0;
        for (int c = 0; c < len; c += CHUNK) {
            int n = Math.min(CHUNK, len - c);
            float m = k.max(a, off + c, n);
            if (m == Float.NEGATIVE_INFINITY) {
                continue; // a fully masked chunk carries no mass
            }
            float sc = k.expSum(a, off + c, n, m, null, 0);
            if (m > big) {
                s = s * LaneMath.exp(big - m) + sc;
                big = m;
            } else {
                s += sc * LaneMath.exp(m - big); // NaN when m is NaN: refused by check
            }
        }
        ms[0] = big;
        ms[1] = check(a, off, len, (float) big, s);
    }

    /**
     * The row contract at the cost of two comparisons: a finite maximum and a finite positive sum mean no NaN, no
     * $+\infty$ and an unmasked key; otherwise the row is validated in full, which throws naming the position.
     */
    private static double check(float[] a, int off, int len, float m, double s) {
        if (!(m > Float.NEGATIVE_INFINITY && m < Float.POSITIVE_INFINITY && s >= 1 && s < Double.POSITIVE_INFINITY)) {
            LogitRow.validate("a", a, off, len);
            throw new IllegalStateException("softmax of a valid row gave max " + m + ", sum " + s);
        }
        return s;
    }

    /** Per thread: the terms of a sum whose caller wants no output ({@link #logSumExp}), at most {@link #CHUNK}. */
    private static final ThreadLocal<float[]> TERMS = ThreadLocal.withInitial(() -> new float[CHUNK]);

    /**
     * The scalar loops: the reference of the definition. The maximum keeps four running maxima (the maximum of a
     * set does not depend on the order, NaN and signed zeros included), and the sum writes its terms first and
     * then adds them lane by lane, so that both loops run without a long dependency chain.
     */
    static final Kernels SCALAR = new Kernels() {

        @Override
        public float max(float[] a, int off, int len) {
            float m0 = a[off];
            float m1 = m0;
            float m2 = m0;
            float m3 = m0;
            int i = 1;
            for (; i + 4 <= len; i += 4) {
                m0 = Math.max(m0, a[off + i]);
                m1 = Math.max(m1, a[off + i + 1]);
                m2 = Math.max(m2, a[off + i + 2]);
                m3 = Math.max(m3, a[off + i + 3]);
            }
            for (; i < len; i++) {
                m0 = Math.max(m0, a[off + i]);
            }
            return Math.max(Math.max(m0, m1), Math.max(m2, m3));
        }

        @Override
        public float expSum(float[] a, int off, int len, float m, float[] out, int outOff) {
            float[] e = out != null ? out : TERMS.get();
            int eOff = out != null ? outOff : 0;
            for (int j = 0; j < len; j++) {
                e[eOff + j] = LaneMath.expRow(a[off + j] - m);
            }
            float[] total = new float[WAYS];
            int full = len - len % WAYS;
            for (int b = 0; b < full; b += BLOCK) {
                int end = Math.min(full, b + BLOCK);
                for (int l = 0; l < WAYS; l++) { // lane by lane: the lanes' chains of adds overlap
                    float block = 0f;
                    for (int j = eOff + b + l; j < eOff + end; j += WAYS) {
                        block += e[j];
                    }
                    total[l] += block;
                }
            }
            float s = tree(total);
            for (int j = full; j < len; j++) {
                s += e[eOff + j];
            }
            return s;
        }

        @Override
        public void scale(float[] out, int off, int len, float f) {
            for (int i = 0; i < len; i++) {
                out[off + i] *= f;
            }
        }

        @Override
        public void expScale(float[] a, int off, int len, float m, float f, float[] out, int outOff) {
            for (int i = 0; i < len; i++) {
                out[outOff + i] = LaneMath.expRow(a[off + i] - m) * f;
            }
        }
    };

    /** The fixed combination of the 16 lane totals. */
    static float tree(float[] t) {
        return half(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7])
                + half(t[8], t[9], t[10], t[11], t[12], t[13], t[14], t[15]);
    }

    /** $((t_0 + t_1) + (t_2 + t_3)) + ((t_4 + t_5) + (t_6 + t_7))$. */
    static float half(float t0, float t1, float t2, float t3, float t4, float t5, float t6, float t7) {
        return ((t0 + t1) + (t2 + t3)) + ((t4 + t5) + (t6 + t7));
    }
}
