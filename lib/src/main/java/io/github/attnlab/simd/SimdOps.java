package io.github.attnlab.simd;

/**
 * The heavy loops of the library, behind one interface with two implementations.
 *
 * <p>{@link #scalar()} is the plain-Java reference. The Vector API implementation
 * ({@code jdk.incubator.vector}) is loaded reflectively, and only when that module is in the boot
 * layer, so the scalar path never links against the incubator (the same pattern as Lucene's
 * {@code VectorizationProvider}). {@link #get()} returns the implementation chosen once per JVM:
 * the system property {@code attnlab.simd} forces it ({@code scalar}, {@code vector}) or leaves
 * the choice to the library ({@code auto}, the default); the choice is logged once.
 *
 * <p>All operations read ranges of caller-owned arrays, write only into the output arguments they
 * name and allocate nothing, except that the vector {@link #gemm} copies panels of its operands
 * into two small buffers per call (at most $256\,(m + 6 + 2\ell)$ floats for $\ell$ lanes). Results of the two implementations agree to rounding (summation order
 * and the vector {@code exp} differ in the last bits), not bit for bit.
 */
public interface SimdOps {

    /** The implementation chosen for this JVM (see the class comment). */
    static SimdOps get() {
        return SimdSelection.chosen();
    }

    /** The scalar reference implementation, always available. */
    static SimdOps scalar() {
        return ScalarSimdOps.INSTANCE;
    }

    /**
     * The Vector API implementation, or empty when {@code jdk.incubator.vector} is not in the boot
     * layer (start the JVM with {@code --add-modules jdk.incubator.vector}).
     */
    static java.util.Optional<SimdOps> vector() {
        return SimdSelection.vectorIfPresent();
    }

    /** A short name: {@code scalar} or {@code vector(<species>)}. */
    String name();

    /** $\sum_{i<len} a_{aOff+i} b_{bOff+i}$. */
    double dot(double[] a, int aOff, double[] b, int bOff, int len);

    /** $\sum_{i<len} a_{aOff+i} b_{bOff+i}$ in float arithmetic. */
    float dot(float[] a, int aOff, float[] b, int bOff, int len);

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

    /*
     * The float operations of a transformer's forward pass. Unlike the double operations above,
     * these give bit-identical results on both paths: every output element is the same sequence of
     * IEEE float operations (for gemm, fused multiply-adds in ascending p starting from 0; exp and
     * erfc from additions, products and fused multiply-adds only; row sums added in index order).
     */

    /**
     * The matrix product $C = AB$, $C_{ij} = \sum_{p<k} A_{ip}B_{pj}$ accumulated by fused
     * multiply-adds in ascending $p$, for row-major $A$ ($m\times k$, row stride {@code lda}),
     * $B$ ($k\times n$, {@code ldb}) and $C$ ($m\times n$, {@code ldc}); $C$ is overwritten.
     * The vector path is blocked (panels of $B$ copied into a small buffer, a register tile of $C$),
     * the scalar path a plain triple loop; both give the same bits.
     *
     * @throws IllegalArgumentException when a size is negative, a stride is shorter than its row or
     *                                  a range runs outside its array
     */
    void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc);

    /**
     * Writes $\mathrm{softmax}(a)_i = e^{a_i - \max a} / \sum_j e^{a_j - \max a}$ into {@code out}
     * ({@code out} may be {@code a}). The exponential is a float polynomial accurate to 2 ulp that
     * returns exactly 0 below $e^{-87}$, so $-\infty$ entries (masked keys) get probability 0; the sum
     * is accumulated in double in index order. {@code len >= 1}, and at least one entry must be finite.
     */
    void softmax(float[] a, int off, int len, float[] out, int outOff);

    /**
     * Writes $\mathrm{GELU}(x_i) = x_i\,\Phi(x_i) = \tfrac{x_i}{2}\,\mathrm{erfc}(-x_i/\sqrt2)$
     * into {@code out} ({@code out} may be {@code x}): the exact (erf) GELU of BERT, with erfc from
     * a Chebyshev fit of relative error below 1.2e-7 (Numerical Recipes §6.2).
     */
    void gelu(float[] x, int off, int len, float[] out, int outOff);

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
     * Word-parallel union of bit rows: $out_{outOff+w} = \bigvee_{i<len} rows_{idx_{off+i}\cdot words + w}$ for
     * $w &lt; words$, where row $r$ of {@code rows} is the bitset {@code rows[r*words .. r*words + words)}. This is
     * the step of the reach recursion $S_k^t = \bigcup_{j \in A_k} S_j^{t-1}$ of paper E (Assumption 1 (iii)):
     * row $k$ of the next state is the union of the rows of $k$'s keys. {@code out} is overwritten (all zero when
     * {@code len = 0}) and must not overlap the rows read. Both paths give the same bits.
     *
     * <p>Every index in {@code idx[off .. off+len)} must name a row inside {@code rows}.
     */
    void orRows(long[] rows, int words, int[] idx, int off, int len, long[] out, int outOff);
}
