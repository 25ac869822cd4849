package io.github.attnlab.compact;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.simd.SimdOps;

/**
 * The normalisers as allocation-free static operations on one row of a caller's arrays.
 *
 * <p>Each reads {@code scores[off, off + len)}, writes the probabilities into
 * {@code out[off, off + len)} (the same offset, so a row-major matrix of scores and its matrix of
 * probabilities share a layout) and returns the threshold $\tau$ of the row. {@code out} is also
 * the working space of the sorting methods, so it must not be {@code scores}. Nothing else is written. Nothing is
 * allocated per call: the pivot search and the bisection ({@link #sparsemaxPivot}, {@link #entmaxBisect}, float and
 * double) list the row's candidates, the scores with $(\alpha-1)(z_i - \max z) &gt; -1$, in per-thread buffers grown
 * to the longest row seen, and search the threshold on those only (the others have probability 0).
 *
 * <p>Rows follow the row contract of the library ({@link LogitRow}, {@code docs/row-contract.md}): $-\infty$
 * marks a masked key (probability 0, never in the support); a NaN or $+\infty$ score, an empty row and a row of
 * only $-\infty$ are refused with an {@link IllegalArgumentException} naming the position in the row.
 * The {@code double[]} operations compute in double precision. The {@code float[]} overloads read float32 rows
 * without widening them: softmax and log-sum-exp in float arithmetic (a fixed summation tree, the same bits on
 * both paths); sparse thresholds are still computed in double from the float scores, since in float arithmetic
 * $\tau$ is only resolved to about $10^{-7}\max|z|$ and entries that close to $\tau$ land on the wrong side of
 * the support (see {@code FloatPrecisionTest}).
 *
 * <p>Hot loops (maximum, exponentials, rectified powers of the bisection and of the final
 * thresholding) run through {@link SimdOps#get()}.
 */
public final class Normalizers {

    private Normalizers() {
    }

    /**
     * Softmax, $p_i = e^{z_i - \tau}$ with $\tau = \log\sum_j e^{z_j}$ (the log-partition), computed
     * after subtracting the maximum. Gaussian-kernel Nadaraya–Watson weights (docs/papers/B.md §B.3).
     *
     * @return $\tau = \log\sum_j e^{z_j}$
     */
    public static double softmax(double[] scores, double[] out, int off, int len) {
        SimdOps ops = SimdOps.get();
        double m = checkedMax(scores, out, off, len);
        double sum = ops.expShift(scores, off, len, m, out, off);
        divide(out, off, len, sum);
        return m + Math.log(sum);
    }

    /**
     * Softmax of a float32 row, $p_i = e^{z_i - M}/S$ with $M = \max_j z_j$ and $S = \sum_j e^{z_j - M}$, written
     * into {@code out[off, off + len)} ({@code out} may be {@code scores}): one pass finds $M$ and $S$ online, one
     * pass normalises ({@link SimdOps#softmaxOnline}). Float arithmetic throughout with
     * float exponentials of 2 ulp, so each $p_i$ is within about $4\cdot10^{-6}$ (relative) of the double
     * {@link #softmax(double[], double[], int, int)} of the same scores, and below $e^{-87}$ it is 0; the same bits
     * on the scalar and the vector path.
     *
     * @return the log-partition $\log\sum_j e^{z_j} = M + \log S$, in double
     */
    public static double softmax(float[] scores, float[] out, int off, int len) {
        return FloatNormalizers.softmax(scores, out, off, len);
    }

    /**
     * The log-sum-exp (log-partition) of a float32 row, $\log\sum_j e^{z_j} = M + \log\sum_j e^{z_j - M}$: the
     * first pass of {@link #softmax(float[], float[], int, int)}, returning the same bits; nothing is written.
     */
    public static double logSumExp(float[] scores, int off, int len) {
        return FloatNormalizers.logSumExp(scores, off, len);
    }

    /**
     * The support size of sparsemax from its definition, $k(z) = \max\{k : 1 + k z_{(k)} > \sum_{j \le k} z_{(j)}\}$
     * over the unmasked scores sorted decreasingly (docs/papers/B.md, B.facts): an evaluation of the formula,
     * independent of how {@link #sparsemax} finds its threshold, so the two can be compared.
     */
    public static int sparsemaxSupportSize(double... scores) {
        LogitRow.validate("scores", scores);
        double[] z = java.util.Arrays.stream(scores).filter(x -> x != Double.NEGATIVE_INFINITY).toArray();
        int[] order = io.github.attnlab.core.ArgSort.descending(z);
        int k = 0;
        double cum = 0;
        for (int j = 1; j <= z.length; j++) {
            double zj = z[order[j - 1]];
            cum += zj;
            if (1 + j * zj > cum) {
                k = j;
            }
        }
        return k;
    }

    /**
     * Sparsemax, the Euclidean projection onto the simplex, $p = [z - \tau]_+$, with $\tau$ found by
     * sorting ($O(n \log n)$). Adaptive-normalisation Epanechnikov regression (docs/papers/B.md §B.2).
     *
     * @return $\tau$, so that $\sum_i [z_i - \tau]_+ = 1$
     */
    public static double sparsemax(double[] scores, double[] out, int off, int len) {
        double m = checkedMax(scores, out, off, len);
        return threshold(2, scores, out, off, len, m, Thresholds.sparsemaxSort(scores, out, off, len, m));
    }

    /**
     * Sparsemax with $\tau$ from the randomised pivot search, expected $O(n)$; same result as {@link #sparsemax}.
     * The row is read twice (its maximum, then a vector comparison listing the candidates $z_i &gt; \max z - 1$) and
     * written once; the search runs on the candidates, with the same bits on both paths.
     */
    public static double sparsemaxPivot(double[] scores, double[] out, int off, int len) {
        return CandidateRows.sparsemaxPivot(scores, out, off, len);
    }

    /**
     * 1.5-entmax, $p = [z/2 - \tau]_+^2$, with the exact sort method. Adaptive biweight regression
     * ($n = 2$, docs/papers/B.md §B.1).
     *
     * @return $\tau$, so that $\sum_i [z_i/2 - \tau]_+^2 = 1$
     */
    public static double entmax15(double[] scores, double[] out, int off, int len) {
        double m = checkedMax(scores, out, off, len);
        return threshold(1.5, scores, out, off, len, m, Thresholds.entmax15Sort(scores, out, off, len, m));
    }

    /**
     * $\alpha$-entmax for any $\alpha &gt; 1$ by safeguarded bisection on $\tau$:
     * $p_i = [(\alpha-1)z_i - \tau]_+^{1/(\alpha-1)}$, the maximiser of $p^\top z + H_\alpha(p)$ over
     * the simplex. With $\alpha = 1 + 1/n$ it is $[z_i/n - \tau]_+^n$ (docs/papers/B.md §B.1).
     *
     * <p>Safeguarded Newton steps from the left end of the bracket, bisecting when a step leaves it, on the candidates
     * $(\alpha-1)(z_i - \max z) &gt; -1$ only (see the class comment), to the double resolution of $\tau$; the same
     * bits on both paths.
     *
     * @return $\tau$, so that $\sum_i [(\alpha-1)z_i - \tau]_+^{1/(\alpha-1)} = 1$
     */
    public static double entmaxBisect(double alpha, double[] scores, double[] out, int off, int len) {
        checkAlpha(alpha);
        if (alpha == 1) {
            throw new IllegalArgumentException("alpha = 1 is softmax, which has no threshold to bisect; use softmax");
        }
        return CandidateRows.entmaxBisect(alpha, scores, out, off, len);
    }

    /**
     * $\alpha$-entmax with the best method for $\alpha$: softmax for $\alpha = 1$ (returning its
     * log-partition), sorting for $\alpha = 1.5$ and $\alpha = 2$, bisection otherwise.
     *
     * @throws IllegalArgumentException for $\alpha &lt; 1$ or a non-finite $\alpha$
     */
    public static double entmax(double alpha, double[] scores, double[] out, int off, int len) {
        checkAlpha(alpha);
        if (alpha == 1) {
            return softmax(scores, out, off, len);
        } else if (alpha == 1.5) {
            return entmax15(scores, out, off, len);
        } else if (alpha == 2) {
            return sparsemax(scores, out, off, len);
        }
        return entmaxBisect(alpha, scores, out, off, len);
    }

    /**
     * Sparsemax of a float32 row (threshold by sorting): {@link #sparsemax(double[], double[], int, int)} of the
     * scores widened exactly to double, its probabilities rounded to float. The threshold is computed in double on
     * a per-thread copy of the row, which stays in cache while it is searched, so it is the double threshold bit for
     * bit and every $p_i$ is the double one correctly rounded.
     *
     * @return $\tau$, so that $\sum_i [z_i - \tau]_+ = 1$
     */
    public static double sparsemax(float[] scores, float[] out, int off, int len) {
        return FloatNormalizers.sparse(Normalizers::sparsemax, scores, out, off, len);
    }

    /**
     * Sparsemax of a float32 row with the expected-$O(n)$ pivot search: the double
     * {@link #sparsemaxPivot(double[], double[], int, int)} of the scores widened exactly, bit for bit (its threshold,
     * and every $p_i$ the double one correctly rounded), without widening the row: the maximum and the candidates are
     * found on the floats, and only the candidates are widened.
     */
    public static double sparsemaxPivot(float[] scores, float[] out, int off, int len) {
        return CandidateRows.sparsemaxPivot(scores, out, off, len);
    }

    /** 1.5-entmax of a float32 row by sorting, computed as {@link #sparsemax(float[], float[], int, int)} is. */
    public static double entmax15(float[] scores, float[] out, int off, int len) {
        return FloatNormalizers.sparse(Normalizers::entmax15, scores, out, off, len);
    }

    /**
     * $\alpha$-entmax of a float32 row by bisection, $p_i = [(\alpha-1)z_i - \tau]_+^{1/(\alpha-1)}$: the double
     * {@link #entmaxBisect(double, double[], double[], int, int)} of the scores widened exactly, bit for bit, computed
     * as {@link #sparsemaxPivot(float[], float[], int, int)} is, on the widened candidates only.
     */
    public static double entmaxBisect(double alpha, float[] scores, float[] out, int off, int len) {
        checkAlpha(alpha);
        if (alpha == 1) {
            throw new IllegalArgumentException("alpha = 1 is softmax, which has no threshold to bisect; use softmax");
        }
        return CandidateRows.entmaxBisect(alpha, scores, out, off, len);
    }

    /**
     * Normalised ReLU of order $n$ with a fixed threshold $\theta$:
     * $p_i = [z_i/n - \theta]_+^n / \sum_j [z_j/n - \theta]_+^n$; $n = 1$ is normalised ReLU,
     * fixed-bandwidth Epanechnikov regression (docs/papers/B.md §B.2). When no score exceeds $n\theta$
     * (an empty support) the row falls back to the uniform distribution over its unmasked scores.
     *
     * @return the normalising sum $\sum_j [z_j/n - \theta]_+^n$, or 0 when the uniform fallback was taken
     */
    public static double normalizedRelu(double order, double theta, double[] scores, double[] out, int off,
                                        int len) {
        checkRelu(order, theta);
        double m = checkedMax(scores, out, off, len);
        double top = m / order - theta;
        if (!(top > 0)) {
            uniformOverUnmasked(scores, out, off, len);
            return 0;
        }
        // (r_i / r_max)^n = ((z_i - m)/(n r_max) + 1)^n avoids overflow; the sum is rescaled on return
        double sum = SimdOps.get().rectifiedPower(scores, off, len, m, 1 / (order * top), -1, order, out, off);
        divide(out, off, len, sum);
        return sum * Math.pow(top, order);
    }

    /**
     * Writes $[(\alpha-1)(z - m) - \tau']_+^{1/(\alpha-1)}$, renormalised to sum 1 exactly, and returns
     * $\tau = \tau' + (\alpha-1)m$.
     */
    private static double threshold(double alpha, double[] scores, double[] out, int off, int len, double m,
                                    double centered) {
        double a1 = alpha - 1;
        double sum = SimdOps.get().rectifiedPower(scores, off, len, m, a1, centered, 1 / a1, out, off);
        divide(out, off, len, sum);
        return centered + a1 * m;
    }

    /**
     * Validates a row under the row contract and the output range ({@code out} must not be {@code scores}) at the
     * cost of the one pass every normaliser makes anyway, and returns the row maximum $M$. A
     * finite $M$ proves the row valid ({@link SimdOps#max} is NaN when an element is NaN, $+\infty$ when one is,
     * and $-\infty$ only when all are masked); otherwise the row is validated in full, which throws naming the
     * position. The scores are checked before out.
     */
    static double checkedMax(double[] scores, double[] out, int off, int len) {
        Check.notNull("scores", scores);
        Check.slice("scores", scores.length, off, len);
        if (len < 1) {
            LogitRow.validate("scores", scores, off, len); // throws: an empty row
        }
        double m = SimdOps.get().max(scores, off, len);
        if (!(m > Double.NEGATIVE_INFINITY && m < Double.POSITIVE_INFINITY)) {
            LogitRow.validate("scores", scores, off, len);
            throw new IllegalStateException("a valid row gave the maximum " + m);
        }
        checkOut(scores, out, off, len);
        return m;
    }

    private static void checkOut(double[] scores, double[] out, int off, int len) {
        Check.notNull("out", out);
        Check.slice("out", out.length, off, len);
        if (out == scores) {
            throw new IllegalArgumentException("out must not be the scores array (it is used as working space)");
        }
    }

    /** Validates the arguments of {@link Normalizer#residual}: a whole row, its probabilities, a finite threshold. */
    static void checkResidual(double[] scores, double[] p, double threshold) {
        LogitRow.validate("scores", scores);
        Check.vector("p", p, scores.length);
        Check.finite("threshold", threshold);
    }

    /** The number of scores of the row that are not $-\infty$. */
    private static int unmasked(double[] scores, int off, int len) {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            if (scores[i] != Double.NEGATIVE_INFINITY) {
                n++;
            }
        }
        return n;
    }

    /** Writes the uniform distribution over the unmasked scores. */
    static void uniformOverUnmasked(double[] scores, double[] out, int off, int len) {
        double w = 1.0 / unmasked(scores, off, len);
        for (int i = off; i < off + len; i++) {
            out[i] = scores[i] == Double.NEGATIVE_INFINITY ? 0.0 : w;
        }
    }

    /** Divides {@code out[off, off + len)} by {@code sum}. */
    static void divide(double[] out, int off, int len, double sum) {
        double inv = 1.0 / sum;
        for (int i = off; i < off + len; i++) {
            out[i] *= inv;
        }
    }

    static void checkAlpha(double alpha) {
        Check.finite("alpha", alpha);
        if (alpha < 1) {
            throw new IllegalArgumentException("alpha = " + alpha + " < 1 is refused: alpha-entmax needs alpha >= 1"
                    + " (alpha = 1 is softmax, alpha = 2 sparsemax)");
        }
    }

    static void checkRelu(double order, double theta) {
        Check.positive("order", order);
        Check.finite("theta", theta);
    }
}
