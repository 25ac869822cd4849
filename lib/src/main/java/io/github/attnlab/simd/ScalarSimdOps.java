package io.github.attnlab.simd;

/** The scalar reference implementation of {@link SimdOps}: one plain loop per operation. */
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
        float s = 0;
        for (int i = 0; i < len; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
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
    public double sumExp(double[] a, int off, int len, double shift) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += Math.exp(a[off + i] - shift);
        }
        return s;
    }

    @Override
    public double expShift(double[] a, int off, int len, double shift, double[] out, int outOff) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            double e = Math.exp(a[off + i] - shift);
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
        FloatKernels.checkGemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
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
        FloatKernels.checkSoftmax(a, off, len, max);
        double sum = 0;
        for (int i = 0; i < len; i++) {
            float e = FloatKernels.exp(a[off + i] - max);
            out[outOff + i] = e;
            sum += e;
        }
        float s = (float) sum;
        for (int i = 0; i < len; i++) {
            out[outOff + i] = out[outOff + i] / s;
        }
    }

    @Override
    public void gelu(float[] x, int off, int len, float[] out, int outOff) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = FloatKernels.gelu(x[off + i]);
        }
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
}
