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
    public double gatherDot(double[] values, int[] idx, int off, int len, double[] x) {
        double s = 0;
        for (int i = off, end = off + len; i < end; i++) {
            s += values[i] * x[idx[i]];
        }
        return s;
    }
}
