package io.github.attnlab.compact;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;

/**
 * Sparsemax (pivot search) and $\alpha$-entmax (bisection) of one row, double or float, computed on the row's
 * candidates only: the scores with $(\alpha-1)(z_i - m) &gt; -1$, $m = \max_j z_j$ ($\alpha = 2$ for sparsemax).
 *
 * <p>Why only those: $p_{\max} \le 1$ puts the threshold at $\tau' = \tau - (\alpha-1)m \ge -1$, so every other
 * score has a bracket $(\alpha-1)(z_i - m) - \tau' \le 0$, probability 0, and adds nothing to the normalisation
 * sum (see {@link Thresholds}). On attention rows the candidates are a few dozen of thousands, so the row itself
 * is only read twice (the maximum from memory, then a vector comparison from cache that lists the candidates,
 * {@link SimdOps#indicesAbove}) and written once (zeros, then the candidates' probabilities); the threshold
 * search, the probabilities and their sum run on a short per-thread list. A float row is never widened: its
 * candidates are widened one by one, exactly, so the float result is the double result of the widened row.
 *
 * <p>The bits are those of the full-row computation of the scalar path on both paths: the candidate list is in
 * index order and is summed in that order, in the scalar loop; the scores left out contribute exact zeros there.
 */
final class CandidateRows {

    private CandidateRows() {
    }

    /** Per thread: candidate positions, their scores, and working space; grown to the longest row seen. */
    private static final class Scratch {
        int[] idx = new int[0];
        double[] z = new double[0];
        double[] work = new double[0];
        /** The path of the current call, looked up once per row. */
        SimdOps ops;

        Scratch grow(int len) {
            if (idx.length < len) {
                idx = new int[len];
                z = new double[len];
                work = new double[len];
            }
            return this;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Sparsemax of a double row by the pivot search on its candidates; see {@link Normalizers#sparsemaxPivot}. */
    static double sparsemaxPivot(double[] scores, double[] out, int off, int len) {
        Scratch s = SCRATCH.get().grow(len);
        double m = maxOf(scores, out, off, len, s);
        int k = candidates(1, scores, off, len, m, s);
        double centered = sparsemaxThreshold(s, k, len, m);
        double inv = 1 / probabilities(1, s, k, m, centered);
        Arrays.fill(out, off, off + len, 0.0);
        for (int j = 0; j < k; j++) {
            out[off + s.idx[j]] = s.work[j] * inv;
        }
        return centered + m;
    }

    /** Sparsemax of a float row, the double result of the widened row; see {@link Normalizers#sparsemaxPivot}. */
    static double sparsemaxPivot(float[] scores, float[] out, int off, int len) {
        Scratch s = SCRATCH.get().grow(len);
        double m = maxOf(scores, out, off, len, s);
        int k = candidates(1, scores, off, len, m, s);
        double centered = sparsemaxThreshold(s, k, len, m);
        writeFloat(out, off, len, s, k, 1 / probabilities(1, s, k, m, centered));
        return centered + m;
    }

    /** $\alpha$-entmax of a double row by bisection on its candidates; see {@link Normalizers#entmaxBisect}. */
    static double entmaxBisect(double alpha, double[] scores, double[] out, int off, int len) {
        Scratch s = SCRATCH.get().grow(len);
        double a1 = alpha - 1;
        double m = maxOf(scores, out, off, len, s);
        int k = candidates(a1, scores, off, len, m, s);
        double centered = Thresholds.entmaxBisect(alpha, s.z, s.work, 0, k, m);
        double inv = 1 / probabilities(a1, s, k, m, centered);
        Arrays.fill(out, off, off + len, 0.0);
        for (int j = 0; j < k; j++) {
            out[off + s.idx[j]] = s.work[j] * inv;
        }
        return centered + a1 * m;
    }

    /** $\alpha$-entmax of a float row, the double result of the widened row; see {@link Normalizers#entmaxBisect}. */
    static double entmaxBisect(double alpha, float[] scores, float[] out, int off, int len) {
        Scratch s = SCRATCH.get().grow(len);
        double a1 = alpha - 1;
        double m = maxOf(scores, out, off, len, s);
        int k = candidates(a1, scores, off, len, m, s);
        double centered = Thresholds.entmaxBisect(alpha, s.z, s.work, 0, k, m);
        writeFloat(out, off, len, s, k, 1 / probabilities(a1, s, k, m, centered));
        return centered + a1 * m;
    }

    /** The centred sparsemax threshold from the candidates' differences $z_i - m$ (in {@code work}). */
    private static double sparsemaxThreshold(Scratch s, int k, int len, double m) {
        for (int j = 0; j < k; j++) {
            s.work[j] = s.z[j] - m;
        }
        return Thresholds.sparsemaxPivot(s.work, 0, k, len);
    }

    /**
     * Writes the candidates' terms $[(\alpha-1)(z_i - m) - \tau']_+^{1/(\alpha-1)}$ into {@code work} and returns
     * their sum, in index order (the scalar loop, on either path), which is the sum over the whole row.
     */
    private static double probabilities(double a1, Scratch s, int k, double m, double centered) {
        if (a1 == 1 || a1 == 0.5) { // sparsemax and 1.5-entmax: r and r*r, the scalar loop's bits (1 * r, 1 * (r * r))
            boolean square = a1 == 0.5;
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double r = a1 * (s.z[j] - m) - centered;
                double t = r > 0 ? (square ? r * r : r) : 0.0;
                s.work[j] = t;
                sum += t;
            }
            return sum;
        }
        return SimdOps.scalar().rectifiedPower(s.z, 0, k, m, a1, centered, 1 / a1, s.work, 0);
    }

    /** Zeros, then each candidate's term times $1/\sum$ rounded to float: the double probability rounded. */
    private static void writeFloat(float[] out, int off, int len, Scratch s, int k, double inv) {
        Arrays.fill(out, off, off + len, 0f);
        for (int j = 0; j < k; j++) {
            out[off + s.idx[j]] = (float) (s.work[j] * inv);
        }
    }

    /**
     * The row maximum $m$ after the range checks: a finite $m$ leaves only NaN to find, which
     * {@link #candidates} does; otherwise (a $+\infty$, a row of NaN and $-\infty$) the row is refused here.
     */
    private static double maxOf(double[] scores, double[] out, int off, int len, Scratch s) {
        Check.notNull("scores", scores);
        Check.slice("scores", scores.length, off, len);
        if (len < 1) {
            LogitRow.validate("scores", scores, off, len); // throws: an empty row
        }
        s.ops = SimdOps.get();
        double m = s.ops.maxOrdered(scores, off, len);
        if (!finite(m)) {
            LogitRow.validate("scores", scores, off, len);
            throw new IllegalStateException("a valid row gave the maximum " + m);
        }
        Check.notNull("out", out);
        Check.slice("out", out.length, off, len);
        if (out == scores) {
            throw new IllegalArgumentException("out must not be the scores array (it is used as working space)");
        }
        return m;
    }

    /** {@link #maxOf(double[], double[], int, int, Scratch)} of a float row. */
    private static double maxOf(float[] scores, float[] out, int off, int len, Scratch s) {
        FloatNormalizers.checkRange(scores, off, len);
        Check.notNull("out", out);
        Check.slice("out", out.length, off, len);
        s.ops = SimdOps.get();
        float m = s.ops.maxOrdered(scores, off, len);
        if (!finite(m)) {
            LogitRow.validate("scores", scores, off, len);
            throw new IllegalStateException("a valid row gave the maximum " + m);
        }
        return m;
    }

    private static boolean finite(double m) {
        return m > Double.NEGATIVE_INFINITY && m < Double.POSITIVE_INFINITY;
    }

    /**
     * Lists the candidates, $(\alpha-1)(z_i - m) &gt; -1$ in double, into {@code s.idx} and {@code s.z} in index
     * order and returns their number ($\ge 1$: the maximum). The vector comparison against a float or double
     * {@link #floor} below $m - 1/(\alpha-1)$ keeps a few more, and NaN, which the exact test then drops or refuses.
     */
    private static int candidates(double a1, double[] scores, int off, int len, double m, Scratch s) {
        int found = s.ops.indicesAbove(scores, off, len, floor(a1, m), s.idx);
        return keep(a1, m, found, s, scores, null, off, len);
    }

    /** {@link #candidates(double, double[], int, int, double, Scratch)} of a float row, each score widened. */
    private static int candidates(double a1, float[] scores, int off, int len, double m, Scratch s) {
        double floor = floor(a1, m);
        float f = (float) floor;
        if (f > floor) {
            f = Math.nextDown(f); // rounded down, so every candidate is above it
        }
        int found = s.ops.indicesAbove(scores, off, len, f, s.idx);
        return keep(a1, m, found, s, null, scores, off, len);
    }

    /**
     * The exact test of the {@code found} positions in {@code s.idx}, of the row {@code d} or else {@code f}: keeps
     * in place those with $(\alpha-1)(z_i - m) &gt; -1$ in double, writing their scores into {@code s.z}, and refuses
     * a NaN. Returns how many it kept.
     */
    private static int keep(double a1, double m, int found, Scratch s, double[] d, float[] f, int off, int len) {
        int k = 0;
        for (int j = 0; j < found; j++) {
            int i = s.idx[j];
            double z = d != null ? d[off + i] : f[off + i];
            if (a1 * (z - m) > -1) {
                s.idx[k] = i;
                s.z[k++] = z;
            } else if (z != z) { // throws, naming the NaN
                if (d != null) {
                    LogitRow.validate("scores", d, off, len);
                } else {
                    LogitRow.validate("scores", f, off, len);
                }
            }
        }
        return k;
    }

    /**
     * A value below every candidate: $(\alpha-1)\,\mathrm{fl}(z - m)$ rounds above $-1$ only for
     * $z - m &gt; -(1 + 2^{-51})/(\alpha-1)$, so {@code nextDown}$(m - (1 + 2^{-40})/(\alpha-1))$ is below it whatever
     * the rounding of the subtraction.
     */
    static double floor(double a1, double m) {
        return Math.nextDown(m - (1 + 0x1p-40) / a1);
    }
}
