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
        FloatKernels.checkSoftmax(max, len);
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
}
