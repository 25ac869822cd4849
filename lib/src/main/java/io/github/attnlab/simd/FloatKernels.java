package io.github.attnlab.simd;

/**
 * The scalar float kernels shared by both {@link SimdOps} paths: an exponential and GELU built only
 * from IEEE float additions, multiplications, fused multiply-adds and one division, in a fixed
 * order, so that the vector path (which performs the same operations lane by lane) gives the same
 * bits. Also the argument checks of the matrix product.
 */
final class FloatKernels {

    /** Below this argument {@link #exp} returns 0 (e^-87 ≈ 1.6e-38 is near the smallest normal float). */
    static final float EXP_MIN = -87f;
    /** Above this argument {@link #exp} is evaluated at this value (e^88 ≈ 1.7e38; float overflows at 88.7). */
    static final float EXP_MAX = 88f;
    static final float LOG2E = 1.44269504f;
    /** 1.5·2^23: adding it rounds a float of magnitude below 2^22 to an integer, ties to even. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = 0x4b400000;
    /** ln 2 split so that n·LN2_HI is exact for |n| < 2^10 (Cody and Waite). */
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    /** Taylor coefficients 1/k!, k = 7 down to 2. */
    static final float[] EXP_TAYLOR = {1f / 5040, 1f / 720, 1f / 120, 1f / 24, 1f / 6, 0.5f};

    static final float INV_SQRT2 = 0.70710678f;
    /**
     * Chebyshev fit of erfc (Numerical Recipes, 2nd ed., §6.2): for $z \ge 0$, $t = 1/(1 + z/2)$,
     * $\mathrm{erfc}(z) \approx t\,\exp(-z^2 + \sum_j c_j t^j)$ with relative error below 1.2e-7
     * everywhere; coefficients $c_9$ down to $c_0$.
     */
    static final float[] ERFC = {0.17087277f, -0.82215223f, 1.48851587f, -1.13520398f, 0.27886807f,
        -0.18628806f, 0.09678418f, 0.37409196f, 1.00002368f, -1.26551223f};

    private FloatKernels() {
    }

    /**
     * $e^x$ in float, within 2 ulp: $x = n\ln 2 + r$ with $|r| \le \ln 2/2$, $e^r$ by its Taylor
     * polynomial of degree 7 (truncation error below 6e-9), then scaled by $2^n$ through the
     * exponent bits. Returns 0 for $x < -87$ (and for $-\infty$), NaN for NaN.
     */
    static float exp(float x) {
        if (x < EXP_MIN) {
            return 0f;
        }
        float xc = Math.min(x, EXP_MAX);
        float t = Math.fma(xc, LOG2E, ROUNDER);
        float n = t - ROUNDER;
        float r = Math.fma(-n, LN2_HI, xc);
        r = Math.fma(-n, LN2_LO, r);
        float p = EXP_TAYLOR[0];
        for (int i = 1; i < EXP_TAYLOR.length; i++) {
            p = Math.fma(p, r, EXP_TAYLOR[i]);
        }
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - ROUNDER_BITS + 127) << 23);
        return p * scale;
    }

    /** $\mathrm{GELU}(x) = x\,\Phi(x)$ with $\Phi(x) = \tfrac12\mathrm{erfc}(-x/\sqrt2)$, erfc as in {@link #ERFC}. */
    static float gelu(float x) {
        float z = x * INV_SQRT2;
        float az = Math.abs(z);
        float t = 1f / Math.fma(0.5f, az, 1f);
        float q = ERFC[0];
        for (int i = 1; i < ERFC.length; i++) {
            q = Math.fma(q, t, ERFC[i]);
        }
        float e = t * exp(Math.fma(-az, az, q));
        float phi = z >= 0 ? 1f - 0.5f * e : 0.5f * e;
        return x * phi;
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
        checkRange("a", a, aOff, m, lda, k);
        checkRange("b", b, bOff, k, ldb, n);
        checkRange("c", c, cOff, m, ldc, n);
    }

    private static void checkRange(String name, float[] x, int off, int rows, int ld, int cols) {
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || last > x.length) {
            throw new IllegalArgumentException("gemm: " + name + " needs elements [" + off + ", " + last + ") but has "
                    + x.length);
        }
    }
}
