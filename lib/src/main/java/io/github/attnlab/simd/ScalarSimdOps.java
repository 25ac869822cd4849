package io.github.attnlab.simd;

/**
 * The scalar reference implementation of {@link SimdOps}: one plain loop per operation, and the argument checks
 * both paths share. The exponential is {@link LaneMath#exp(double)}, the one the vector path computes lane by
 * lane; the float dot product accumulates in the vector path's fixed interleaved order.
 */
final class ScalarSimdOps implements SimdOps {

    static final ScalarSimdOps INSTANCE = new ScalarSimdOps();

    private ScalarSimdOps() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        float a4 = 0;
        float a5 = 0;
        float a6 = 0;
        float a7 = 0;
        int i = 0;
        for (int bound = len - DOT_WAYS; i <= bound; i += DOT_WAYS) {
            int p = aOff + i;
            int q = bOff + i;
            a0 = Math.fma(a[p], b[q], a0);
            a1 = Math.fma(a[p + 1], b[q + 1], a1);
            a2 = Math.fma(a[p + 2], b[q + 2], a2);
            a3 = Math.fma(a[p + 3], b[q + 3], a3);
            a4 = Math.fma(a[p + 4], b[q + 4], a4);
            a5 = Math.fma(a[p + 5], b[q + 5], a5);
            a6 = Math.fma(a[p + 6], b[q + 6], a6);
            a7 = Math.fma(a[p + 7], b[q + 7], a7);
        }
        float s = combine(a0, a1, a2, a3, a4, a5, a6, a7);
        for (; i < len; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    /** The interleaving of the float dot product: element i goes to accumulator i mod 8. */
    static final int DOT_WAYS = 8;

    /** The fixed combination of the eight float dot-product accumulators. */
    static float combine(float a0, float a1, float a2, float a3, float a4, float a5, float a6, float a7) {
        return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
    }

    @Override
    public double max(double[] a, int off, int len) {
        double m = a[off];
        for (int i = 1; i < len; i++) {
            m = Math.max(m, a[off + i]);
        }
        return m;
    }

    @Override
    public double maxOrdered(double[] a, int off, int len) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            double x = a[off + i];
            m = x > m ? x : m;
        }
        return m + 0.0; // -0 + 0 = +0
    }

    @Override
    public float maxOrdered(float[] a, int off, int len) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            float x = a[off + i];
            m = x > m ? x : m;
        }
        return m + 0.0f; // -0 + 0 = +0
    }

    @Override
    public int indicesAbove(double[] a, int off, int len, double floor, int[] idx) {
        return indicesAbove(a, off, 0, len, floor, idx, 0);
    }

    /**
     * The positions $i \in [from, to)$ with $\lnot(a_{off+i} \le floor)$ written from {@code idx[count]} on (each
     * position is stored, and kept by advancing the count, so the loop has no branch); returns the new count.
     */
    static int indicesAbove(double[] a, int off, int from, int to, double floor, int[] idx, int count) {
        for (int i = from; i < to; i++) {
            idx[count] = i;
            count += a[off + i] <= floor ? 0 : 1;
        }
        return count;
    }

    @Override
    public int indicesAbove(float[] a, int off, int len, float floor, int[] idx) {
        return indicesAbove(a, off, 0, len, floor, idx, 0);
    }

    /** {@link #indicesAbove(double[], int, int, int, double, int[], int)} on floats. */
    static int indicesAbove(float[] a, int off, int from, int to, float floor, int[] idx, int count) {
        for (int i = from; i < to; i++) {
            idx[count] = i;
            count += a[off + i] <= floor ? 0 : 1;
        }
        return count;
    }

    @Override
    public double sumExp(double[] a, int off, int len, double shift) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += LaneMath.exp(a[off + i] - shift);
        }
        return s;
    }

    @Override
    public double expShift(double[] a, int off, int len, double shift, double[] out, int outOff) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            double e = LaneMath.exp(a[off + i] - shift);
            out[outOff + i] = e;
            s += e;
        }
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public double squaredDistance(double[] a, int aOff, double[] b, int bOff, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            double d = a[aOff + i] - b[bOff + i];
            s += d * d;
        }
        return s;
    }

    @Override
    public double sumRectifiedPower(double[] a, int off, int len, double center, double scale, double shift,
                                    double power) {
        int k = integerPower(power);
        double s = 0;
        for (int i = 0; i < len; i++) {
            double r = scale * (a[off + i] - center) - shift;
            if (r > 0) {
                s += k == NOT_INTEGER ? Math.pow(r, power) : power(r, k);
            }
        }
        return s;
    }

    @Override
    public double rectifiedPower(double[] a, int off, int len, double center, double scale, double shift, double power,
                                 double[] out, int outOff) {
        int k = integerPower(power);
        double s = 0;
        for (int i = 0; i < len; i++) {
            double r = scale * (a[off + i] - center) - shift;
            double t = r > 0 ? (k == NOT_INTEGER ? Math.pow(r, power) : power(r, k)) : 0.0;
            out[outOff + i] = t;
            s += t;
        }
        return s;
    }

    /** Returned by {@link #integerPower} for a power that is not a small integer. */
    static final int NOT_INTEGER = Integer.MIN_VALUE;
    /** Largest |power| computed by repeated squaring. */
    static final int MAX_INTEGER_POWER = 64;

    /**
     * The integer within $10^{-12}$ (relative) of {@code power} when its magnitude is at most 64, else
     * {@link #NOT_INTEGER}: so $1/(4/3 - 1) = 3.0000000000000004$ is computed as a cube, by
     * multiplication, on both paths.
     */
    static int integerPower(double power) {
        double k = Math.rint(power);
        if (Math.abs(k) <= MAX_INTEGER_POWER && Math.abs(power - k) <= 1e-12 * Math.max(1, Math.abs(k))) {
            return (int) k;
        }
        return NOT_INTEGER;
    }

    /** $r^k$ by repeated squaring ($r^{-k} = 1/r^k$). */
    static double power(double r, int k) {
        if (k < 0) {
            return 1 / power(r, -k);
        }
        double result = 1;
        double base = r;
        while (k > 0) {
            if ((k & 1) != 0) {
                result *= base;
            }
            k >>= 1;
            if (k > 0) {
                base *= base;
            }
        }
        return result;
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        checkGemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            java.util.Arrays.fill(c, ci, ci + n, 0f);
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * lda + p];
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    @Override
    public void softmax(float[] a, int off, int len, float[] out, int outOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            max = Math.max(max, a[off + i]);
        }
        checkSoftmax(a, off, len, max);
        double sum = 0;
        for (int i = 0; i < len; i++) {
            float e = LaneMath.exp(a[off + i] - max);
            out[outOff + i] = e;
            sum += e;
        }
        float s = (float) sum;
        for (int i = 0; i < len; i++) {
            out[outOff + i] = out[outOff + i] / s;
        }
    }

    @Override
    public double softmaxOnline(float[] a, int off, int len, float[] out, int outOff) {
        return FloatRows.softmax(FloatRows.SCALAR, a, off, len, out, outOff);
    }

    @Override
    public void widen(float[] a, int off, int len, double[] out, int outOff) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = a[off + i];
        }
    }

    @Override
    public void narrow(double[] a, int off, int len, float[] out, int outOff) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = (float) a[off + i];
        }
    }

    @Override
    public double logSumExp(float[] a, int off, int len) {
        return FloatRows.logSumExp(FloatRows.SCALAR, a, off, len);
    }

    @Override
    public void gelu(float[] x, int off, int len, float[] out, int outOff) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = LaneMath.gelu(x[off + i]);
        }
    }

    @Override
    public void addToRows(float[] x, int off, int rows, int m, float[] v, int vOff) {
        for (int r = 0; r < rows; r++) {
            int o = off + r * m;
            for (int j = 0; j < m; j++) {
                x[o + j] += v[vOff + j];
            }
        }
    }

    @Override
    public void addTo(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    @Override
    public void divide(float[] a, int off, int len, float d) {
        for (int i = 0; i < len; i++) {
            a[off + i] /= d;
        }
    }

    @Override
    public void layerNorm(float[] x, int off, int rows, int h, float[] gamma, float[] beta, float eps) {
        for (int t = 0; t < rows; t++) {
            int o = off + t * h;
            double mean = layerNormSum(x, o, h, 0, false) / h;
            double var = layerNormSum(x, o, h, mean, true) / h;
            double inv = 1 / Math.sqrt(var + eps);
            for (int j = 0; j < h; j++) {
                x[o + j] = (float) ((x[o + j] - mean) * inv) * gamma[j] + beta[j];
            }
        }
    }

    /**
     * $\sum_{j<h} x_{o+j}$, or with {@code squares} $\sum_{j<h} (x_{o+j} - \mu)^2$, in double in {@link #dot}'s
     * order (see {@link FloatOps#layerNorm}).
     */
    private static double layerNormSum(float[] x, int o, int h, double mu, boolean squares) {
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        double c3 = 0;
        double c4 = 0;
        double c5 = 0;
        double c6 = 0;
        double c7 = 0;
        int j = 0;
        for (int bound = h - DOT_WAYS; j <= bound; j += DOT_WAYS) {
            int p = o + j;
            c0 += term(x[p], mu, squares);
            c1 += term(x[p + 1], mu, squares);
            c2 += term(x[p + 2], mu, squares);
            c3 += term(x[p + 3], mu, squares);
            c4 += term(x[p + 4], mu, squares);
            c5 += term(x[p + 5], mu, squares);
            c6 += term(x[p + 6], mu, squares);
            c7 += term(x[p + 7], mu, squares);
        }
        double s = combine(c0, c1, c2, c3, c4, c5, c6, c7);
        for (; j < h; j++) {
            s += term(x[o + j], mu, squares);
        }
        return s;
    }

    /** A term of the LayerNorm sums on both paths: $x$, or $(x - \mu)^2$ as a product (not fused into the sum). */
    static double term(float x, double mu, boolean squares) {
        if (!squares) {
            return x;
        }
        double e = x - mu;
        return e * e;
    }

    /** {@link #combine(float, float, float, float, float, float, float, float)} for doubles. */
    static double combine(double a0, double a1, double a2, double a3, double a4, double a5, double a6, double a7) {
        return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
    }

    @Override
    public void axpby(double a, double[] x, int xOff, double b, double[] y, int yOff, double[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = a * x[xOff + i] + b * y[yOff + i];
        }
    }

    @Override
    public void scale(double a, double[] x, int xOff, double[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = a * x[xOff + i];
        }
    }

    @Override
    public double sumAbs(double[] a, int off, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += Math.abs(a[off + i]);
        }
        return s;
    }

    @Override
    public double l1Distance(double[] a, int aOff, double[] b, int bOff, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += Math.abs(a[aOff + i] - b[bOff + i]);
        }
        return s;
    }

    @Override
    public double gatherDot(double[] values, int[] idx, int off, int len, double[] x) {
        double s = 0;
        for (int i = off, end = off + len; i < end; i++) {
            s += values[i] * x[idx[i]];
        }
        return s;
    }

    @Override
    public void orRows(long[] rows, int words, int[] idx, int off, int len, long[] out, int outOff) {
        checkOrRows(rows, words, idx, off, len, out, outOff);
        java.util.Arrays.fill(out, outOff, outOff + words, 0L);
        for (int i = off, end = off + len; i < end; i++) {
            int base = idx[i] * words;
            for (int w = 0; w < words; w++) {
                out[outOff + w] |= rows[base + w];
            }
        }
    }

    /**
     * Checks a softmax row under the row contract ({@link io.github.attnlab.core.LogitRow}) at the cost of one
     * comparison: a finite maximum means no NaN, no $+\infty$ and at least one unmasked entry. Otherwise the
     * row is validated in full, which throws the contract's message naming the position.
     */
    static void checkSoftmax(float[] a, int off, int len, float max) {
        if (!(max > Float.NEGATIVE_INFINITY && max < Float.POSITIVE_INFINITY)) {
            io.github.attnlab.core.LogitRow.validate("a", a, off, len);
        }
    }

    /** Checks the arguments of {@link SimdOps#orRows}: every range inside its array, every index a row. */
    static void checkOrRows(long[] rows, int words, int[] idx, int off, int len, long[] out, int outOff) {
        io.github.attnlab.core.Check.notNull("rows", rows);
        io.github.attnlab.core.Check.notNull("idx", idx);
        io.github.attnlab.core.Check.notNull("out", out);
        io.github.attnlab.core.Check.positive("words", words);
        if (len < 0 || off < 0 || (long) off + len > idx.length) {
            throw new IllegalArgumentException("off = " + off + ", len = " + len + " is not a range of idx (length "
                    + idx.length + ")");
        }
        if (outOff < 0 || (long) outOff + words > out.length) {
            throw new IllegalArgumentException("outOff = " + outOff + " with words = " + words + " is not inside out "
                    + "(length " + out.length + ")");
        }
        int count = rows.length / words;
        for (int i = off; i < off + len; i++) {
            if (idx[i] < 0 || idx[i] >= count) {
                throw new IllegalArgumentException("idx[" + i + "] = " + idx[i] + " is not a row of rows (" + count
                        + " rows of " + words + " words)");
            }
        }
    }

    /** Checks the shapes and ranges of {@link SimdOps#gemm}. */
    static void checkGemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                          float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size m = " + m + ", n = " + n + ", k = " + k);
        }
        if (lda < k || ldb < n || ldc < n) {
            throw new IllegalArgumentException("gemm: row strides lda = " + lda + ", ldb = " + ldb + ", ldc = " + ldc
                    + " must be at least k = " + k + ", n = " + n + ", n = " + n);
        }
        checkRange("a", a, aOff, m, lda, k, "m", "k");
        checkRange("b", b, bOff, k, ldb, n, "k", "n");
        checkRange("c", c, cOff, m, ldc, n, "m", "n");
    }

    /** Refuses a range outside its array, naming the array and every argument that places the range. */
    private static void checkRange(String name, float[] x, int off, int rows, int ld, int cols, String rowsName,
                                   String colsName) {
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || last > x.length) {
            throw new IllegalArgumentException("gemm: " + name + " needs elements [" + off + ", " + last + ") but has "
                    + x.length + " (" + rowsName + " = " + rows + " rows of " + colsName + " = " + cols + " from "
                    + name + "Off = " + off + ", ld" + name + " = " + ld + ")");
        }
    }
}
