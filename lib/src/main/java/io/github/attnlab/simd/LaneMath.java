package io.github.attnlab.simd;

/**
 * Elementary functions built only from IEEE additions, multiplications, fused multiply-adds and one division, in a
 * fixed order: the exponential in float and in double, and GELU. The vector path performs the same operations lane
 * by lane, so a lane gives the same bits as these scalar functions, and the result never depends on whether the
 * just-in-time compiler has compiled a loop (the Vector API's own {@code EXP} has an intrinsic and a Java fallback
 * that differ in the last bits).
 */
final class LaneMath {

    /** Below this argument {@link #exp(float)} returns 0 (e^-87 ≈ 1.6e-38 is near the smallest normal float). */
    static final float EXP_MIN = -87f;
    /** Above this argument {@link #exp(float)} is evaluated at this value (e^88 ≈ 1.7e38; float overflows at 88.7). */
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

    /** Below this argument {@link #exp(double)} returns 0: $e^{-746}$ is below half the smallest subnormal. */
    static final double EXP_MIN_D = -746;
    /** Above this argument {@link #exp(double)} returns $+\infty$: $\ln$ of the largest double. */
    static final double EXP_MAX_D = 709.782712893384;
    static final double LOG2E_D = 1.4426950408889634;
    /** 1.5·2^52: adding it rounds a double of magnitude below 2^51 to an integer, ties to even. */
    static final double ROUNDER_D = 0x1.8p52;
    static final long ROUNDER_BITS_D = 0x4338000000000000L;
    /** ln 2 split so that n·LN2_HI_D is exact for |n| < 2^21 (fdlibm's split). */
    static final double LN2_HI_D = 0x1.62e42feep-1;
    static final double LN2_LO_D = 0x1.a39ef35793c76p-33;
    /** Taylor coefficients 1/k!, k = 13 down to 0. */
    static final double[] EXP_TAYLOR_D = taylor(13);

    private LaneMath() {
    }

    private static double[] taylor(int degree) {
        double[] c = new double[degree + 1];
        double f = 1;
        for (int k = 1; k <= degree; k++) {
            f *= k;
        }
        for (int k = degree; k >= 0; k--) {
            c[degree - k] = 1 / f;
            f /= Math.max(k, 1);
        }
        return c;
    }

    /**
     * $e^x$ in double, within 2 ulp (1 ulp measured on 10^6 arguments), and within half the smallest subnormal plus
     * that relative error below $e^{-708}$: $x = n\ln 2 + r$ with $|r| \le \ln 2/2$ (Cody and Waite), $e^r$ by its
     * Taylor polynomial of degree 13 in Horner form with fused multiply-adds (truncation error below
     * $5\cdot10^{-18}$), then scaled by $2^{\lfloor n/2 \rfloor}$ and $2^{n - \lfloor n/2 \rfloor}$ through the
     * exponent bits: the first product is exact, the second rounds once, also into the subnormal range. Returns 0
     * below {@link #EXP_MIN_D} (and for $-\infty$), $+\infty$ above {@link #EXP_MAX_D}, NaN for NaN.
     */
    static double exp(double x) {
        if (x < EXP_MIN_D) {
            return 0;
        }
        if (x > EXP_MAX_D) {
            return Double.POSITIVE_INFINITY;
        }
        double t = Math.fma(x, LOG2E_D, ROUNDER_D);
        double n = t - ROUNDER_D;
        double r = Math.fma(-n, LN2_HI_D, x);
        r = Math.fma(-n, LN2_LO_D, r);
        double p = EXP_TAYLOR_D[0];
        for (int i = 1; i < EXP_TAYLOR_D.length; i++) {
            p = Math.fma(p, r, EXP_TAYLOR_D[i]);
        }
        long k = Double.doubleToRawLongBits(t) - ROUNDER_BITS_D;
        long k1 = k >> 1;
        long k2 = k - k1;
        return p * Double.longBitsToDouble((k1 + 1023) << 52) * Double.longBitsToDouble((k2 + 1023) << 52);
    }

    /**
     * $e^x$ in float, within 2 ulp: $x = n\ln 2 + r$ with $|r| \le \ln 2/2$, $e^r$ by its Taylor
     * polynomial of degree 7 (truncation error below 6e-9), then scaled by $2^n$ through the
     * exponent bits. Returns 0 for $x < -87$ (and for $-\infty$), NaN for NaN.
     */
    static float exp(float x) {
        return x < EXP_MIN ? 0f : reduced(Math.min(x, EXP_MAX), EXP_TAYLOR);
    }

    /**
     * $e^x$ for $-87 \le x \le 88$ (or NaN): $x = n\ln 2 + r$ (Cody and Waite), $e^r = 1 + r(1 + r\,q(r))$ with $q$
     * given by its coefficients {@code c} from the highest degree down, scaled by $2^n$ through the exponent bits.
     */
    private static float reduced(float x, float[] c) {
        float t = Math.fma(x, LOG2E, ROUNDER);
        float n = t - ROUNDER;
        float r = Math.fma(-n, LN2_HI, x);
        r = Math.fma(-n, LN2_LO, r);
        float p = c[0];
        for (int i = 1; i < c.length; i++) {
            p = Math.fma(p, r, c[i]);
        }
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - ROUNDER_BITS + 127) << 23);
        return p * scale;
    }

    /**
     * Coefficients $c_5$ down to $c_2$ of $e^r \approx 1 + r + r^2(c_2 + c_3 r + c_4 r^2 + c_5 r^3)$ on
     * $|r| \le \ln 2/2$: a near-minimax fit of the relative error (weighted least squares, iterated), whose
     * truncation error is below $1.1\cdot10^{-7}$ relative, against $6\cdot10^{-9}$ for the Taylor polynomial of
     * degree 7 in {@link #exp(float)}, for two fused multiply-adds fewer.
     */
    static final float[] EXP_ROW = {0.008312488f, 0.041890055f, 0.16667114f, 0.4999923f};

    /**
     * $e^x$ for the arguments of a softmax row, $x = z_i - \max_j z_j \le 0$ (or NaN), within 2 ulp of the
     * correctly rounded float, as {@link #exp(float)} (checked on every float in $[-87, 0]$: 95 % exact, 4.5 %
     * off by one ulp, 0.7 % by two): the reduction of {@link #exp(float)} ($x = n\ln 2 + r$, Cody and Waite), then
     * the degree-5 polynomial {@link #EXP_ROW}. Returns 0 below {@link #EXP_MIN} (and for $-\infty$), NaN for NaN; not for
     * $x &gt; 0$, where it is not clamped. Used by the float rows ({@code FloatRows}), not by the encoder, whose
     * bits are those of {@link #exp(float)}.
     */
    static float expRow(float x) {
        return x < EXP_MIN ? 0f : reduced(x, EXP_ROW);
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
}
