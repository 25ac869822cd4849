package io.github.attnlab.simd;

/**
 * The double-precision loops of {@link SimdOps}, and their contract.
 *
 * <p><b>Across paths</b>, the scalar and the vector implementation agree to rounding, not bit for bit: reductions
 * add in a different order (the vector path keeps several accumulators). The exponential is the same function on
 * both paths ({@code LaneMath.exp}, a polynomial of fused multiply-adds within 2 ulp), so element-wise results
 * ({@link #expShift}'s outputs, {@link #axpy}, {@link #scale}, {@link #rectifiedPower} for small integer powers)
 * agree bit for bit. <b>On one path</b>, results are deterministic: the same inputs give the same bits whatever the
 * state of the just-in-time compiler (fixed reduction orders, no intrinsic whose fallback differs).
 *
 * <p>Arguments are not validated: these are the innermost loops, called on ranges that the validated entry points
 * above them have checked. A range outside its array throws the JVM's {@link IndexOutOfBoundsException}.
 */
public interface DoubleOps {

    /** $\sum_{i<len} a_{aOff+i} b_{bOff+i}$. */
    double dot(double[] a, int aOff, double[] b, int bOff, int len);

    /** $\max_{i<len} a_{off+i}$ for {@code len >= 1}; NaN if any element is NaN. */
    double max(double[] a, int off, int len);

    /** $\sum_{i<len} e^{a_{off+i} - shift}$; elements equal to $-\infty$ contribute 0. */
    double sumExp(double[] a, int off, int len, double shift);

    /** Writes $e^{a_{off+i} - shift}$ into {@code out} and returns their sum. */
    double expShift(double[] a, int off, int len, double shift, double[] out, int outOff);

    /** $y \leftarrow y + \alpha x$ on the given ranges. */
    void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len);

    /** $\sum_{i<len} (a_{aOff+i} - b_{bOff+i})^2$. */
    double squaredDistance(double[] a, int aOff, double[] b, int bOff, int len);

    /**
     * $\sum_{i<len} [\,c\,(a_{off+i} - center) - shift\,]_+^{power}$ with $c$ = {@code scale}: the
     * rectified power sum that threshold searches (entmax bisection, adaptive bandwidths) evaluate.
     * Subtracting a {@code center} (the row maximum) first keeps the differences exact for large scores.
     *
     * <p>A term contributes only when its bracket is positive, so $-\infty$ elements (masked keys,
     * with $c &gt; 0$) contribute 0 and {@code power = 0} counts the positive terms. A power within
     * $10^{-12}$ of an integer of magnitude at most 64 is computed as that integer power by repeated
     * squaring (so $1/(4/3 - 1)$ is a cube), others with {@code Math.pow}; a negative power is allowed
     * (terms that are not positive still contribute 0). Elements must not be NaN.
     */
    double sumRectifiedPower(double[] a, int off, int len, double center, double scale, double shift, double power);

    /**
     * Writes $[\,c\,(a_{off+i} - center) - shift\,]_+^{power}$ into {@code out} (0 where the
     * bracket is not positive) and returns their sum; the terms are those of {@link #sumRectifiedPower}.
     */
    double rectifiedPower(double[] a, int off, int len, double center, double scale, double shift, double power,
                          double[] out, int outOff);

    /** $out \leftarrow a\,x + b\,y$ on the given ranges ({@code out} may be {@code x} or {@code y} at the same offset). */
    void axpby(double a, double[] x, int xOff, double b, double[] y, int yOff, double[] out, int outOff, int len);

    /** $out \leftarrow a\,x$ on the given ranges ({@code out} may be {@code x} at the same offset). */
    void scale(double a, double[] x, int xOff, double[] out, int outOff, int len);

    /** $\sum_{i<len} |a_{off+i}|$, the $\ell_1$ norm of a range. */
    double sumAbs(double[] a, int off, int len);

    /** $\sum_{i<len} |a_{aOff+i} - b_{bOff+i}|$, the $\ell_1$ distance of two ranges. */
    double l1Distance(double[] a, int aOff, double[] b, int bOff, int len);

    /**
     * A gather dot product $\sum_{i<len} v_{off+i}\, x_{idx_{off+i}}$: one row of a sparse
     * (compressed sparse row) matrix times a dense vector.
     *
     * <p>Every index in {@code idx[off .. off+len)} must lie in {@code [0, x.length)}.
     */
    double gatherDot(double[] values, int[] idx, int off, int len, double[] x);

    /**
     * The largest element of {@code a[off, off + len)} that is not NaN, by comparisons $x &gt; m$ from
     * $m = -\infty$: $-\infty$ when every element is NaN or $-\infty$ (also for {@code len = 0}), and $+0$ for a
     * largest element of $\pm 0$; the same bits on both paths. Unlike {@link #max} it skips NaN (and avoids the
     * vector {@code max}, whose NaN and signed-zero rules make it slow): a caller that must refuse NaN finds it by
     * {@link #indicesAbove}, which keeps it.
     */
    double maxOrdered(double[] a, int off, int len);

    /**
     * Writes into {@code idx[0, count)}, in increasing order, the positions $i$ (relative to {@code off}) with
     * $\lnot(a_{off+i} \le floor)$, i.e. above {@code floor} or NaN, and returns their number; {@code idx} must
     * hold {@code len} positions. The same positions on both paths.
     */
    int indicesAbove(double[] a, int off, int len, double floor, int[] idx);
}
