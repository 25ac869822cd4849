package io.github.attnlab.simd;

/**
 * The float loops of {@link SimdOps} (the forward pass of the transformer models), and their contract: <b>the same
 * bits on both paths</b>, and on one path whatever the state of the just-in-time compiler. Every output element is
 * the same sequence of IEEE float operations on both paths: for {@link #gemm}, fused multiply-adds in ascending
 * $p$ from 0; {@link #softmax}, {@link #gelu} and {@link #layerNorm} from additions, products and fused multiply-adds
 * only ({@link #addToRows}, {@link #addTo} and {@link #divide}: one operation per element), the softmax's row sums
 * added in index order; {@link #dot} and {@link #layerNorm}'s sums in a fixed interleaved
 * order.
 */
public interface FloatOps {

    /**
     * $\sum_{i<len} a_{aOff+i} b_{bOff+i}$ in float arithmetic, in a fixed order: element $i$ is fused
     * (fused multiply-add) into accumulator $i \bmod 8$, the accumulators are combined as
     * $((c_0 + c_1) + (c_2 + c_3)) + ((c_4 + c_5) + (c_6 + c_7))$, and the last $len \bmod 8$ elements are fused
     * in sequence.
     */
    float dot(float[] a, int aOff, float[] b, int bOff, int len);

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
     * The number of columns of $C$ that {@link #gemm} computes together (a panel of the vector path, 1 on the
     * scalar path): a product split into column ranges that start at multiples of it keeps every panel whole
     * ({@link ParallelGemm} splits so). Any split gives the same bits; this one only keeps the speed.
     */
    default int gemmPanel() {
        return 1;
    }

    /**
     * Writes $\mathrm{softmax}(a)_i = e^{a_i - \max a} / \sum_j e^{a_j - \max a}$ into {@code out}
     * ({@code out} may be {@code a}). The exponential is a float polynomial accurate to 2 ulp that
     * returns exactly 0 below $e^{-87}$, so $-\infty$ entries (masked keys) get probability 0; the sum
     * is accumulated in double in index order. {@code len >= 1}, and at least one entry must be finite.
     */
    void softmax(float[] a, int off, int len, float[] out, int outOff);

    /**
     * The fast softmax of a float row: writes $\mathrm{softmax}(a)_i = e^{a_i - M} / S$ into {@code out}
     * ({@code out} may be {@code a}) and returns the log-partition $\log\sum_i e^{a_i} = M + \log S$, with
     * $M = \max_i a_i$ and $S = \sum_i e^{a_i - M}$: one pass finds the maximum and the sum online (per chunk of
     * 8192 elements, the chunks merged in double), one normalising pass multiplies by $\mathrm{fl}(1/S)$. The
     * exponential is {@link #softmax}'s (2 ulp, exactly 0 below $e^{-87}$, so masked keys get 0); $S$ is summed in
     * a fixed tree of 16 float lanes (written out in {@code FloatRows}), so both paths give the same bits, but not
     * the bits of {@link #softmax}, whose index-order double sum the stored attention datasets were generated with.
     * Rows follow the row contract ({@link io.github.attnlab.core.LogitRow}), checked by two comparisons on $M$ and
     * $S$ and in full only when they fail (naming the row {@code a}).
     */
    double softmaxOnline(float[] a, int off, int len, float[] out, int outOff);

    /**
     * $\log\sum_{i<len} e^{a_{off+i}}$: the first pass of {@link #softmaxOnline}, returning the same bits; nothing
     * is written. Rows follow the row contract, as in {@link #softmaxOnline}.
     */
    double logSumExp(float[] a, int off, int len);

    /**
     * Writes the floats {@code a[off, off + len)} widened to double into {@code out[outOff, ...)}: exact, so both
     * paths give the same bits (NaN payloads aside).
     */
    void widen(float[] a, int off, int len, double[] out, int outOff);

    /**
     * Writes the doubles {@code a[off, off + len)} rounded to float (to nearest, ties to even, as the cast does)
     * into {@code out[outOff, ...)}; the same bits on both paths (NaN payloads aside).
     */
    void narrow(double[] a, int off, int len, float[] out, int outOff);

    /**
     * Writes $\mathrm{GELU}(x_i) = x_i\,\Phi(x_i) = \tfrac{x_i}{2}\,\mathrm{erfc}(-x_i/\sqrt2)$
     * into {@code out} ({@code out} may be {@code x}): the exact (erf) GELU of BERT, with erfc from
     * a Chebyshev fit of relative error below 1.2e-7 (Numerical Recipes §6.2).
     */
    void gelu(float[] x, int off, int len, float[] out, int outOff);

    /**
     * LayerNorm, in place, of the {@code rows} rows of length {@code h} that start at {@code x[off]}:
     * $x_j \leftarrow \mathrm{fl}\big((x_j - \mu)\, r\big)\,\gamma_j + \beta_j$ with
     * $\mu = \tfrac1h \sum_j x_j$, $\sigma^2 = \tfrac1h \sum_j (x_j - \mu)^2$ and $r = 1/\sqrt{\sigma^2 + \varepsilon}$
     * in double, and the last product and sum in float (Ba, Kiros and Hinton 2016, as in BERT). Both sums run in
     * double in {@link #dot}'s fixed order: element $j$ is added into accumulator $j \bmod 8$ (the square
     * $(x_j - \mu)^2$ as a product, then a sum, not fused), the accumulators are combined as
     * $((c_0 + c_1) + (c_2 + c_3)) + ((c_4 + c_5) + (c_6 + c_7))$, and the last $h \bmod 8$ elements are added in
     * sequence; so both paths give the same bits.
     */
    void layerNorm(float[] x, int off, int rows, int h, float[] gamma, float[] beta, float eps);

    /**
     * Adds the vector {@code v[vOff, vOff + m)} to each of the {@code rows} rows of length {@code m} that start at
     * {@code x[off]}, in place: $x_{rj} \leftarrow x_{rj} + v_j$ (a bias), one float addition per element.
     */
    void addToRows(float[] x, int off, int rows, int m, float[] v, int vOff);

    /** $y_i \leftarrow y_i + x_i$ for $i &lt; len$ on the given ranges (a residual), one float addition each. */
    void addTo(float[] x, int xOff, float[] y, int yOff, int len);

    /**
     * $a_i \leftarrow a_i / d$ for $i &lt; len$ from {@code off}, in place: one correctly rounded float division each
     * (not a product by $1/d$, whose bits differ).
     */
    void divide(float[] a, int off, int len, float d);

    /**
     * The largest element of {@code a[off, off + len)} that is not NaN, by comparisons $x &gt; m$ from
     * $m = -\infty$: $-\infty$ when every element is NaN or $-\infty$ (also for {@code len = 0}), and $+0$ for a
     * largest element of $\pm 0$, so both paths give the same bits. NaN elements are skipped, not reported: a
     * caller that must refuse them finds them by {@link #indicesAbove}, which keeps them.
     */
    float maxOrdered(float[] a, int off, int len);

    /**
     * Writes into {@code idx[0, count)}, in increasing order, the positions $i$ (relative to {@code off}) with
     * $\lnot(a_{off+i} \le floor)$, i.e. above {@code floor} or NaN, and returns their number: the candidates of a
     * sparse threshold search, a small part of an attention row. {@code idx} must hold {@code len} positions.
     * Both paths give the same positions.
     */
    int indicesAbove(float[] a, int off, int len, float floor, int[] idx);
}
