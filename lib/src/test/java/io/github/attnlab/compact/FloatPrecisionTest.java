package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Why the library computes in double, against the reference entmax bisection run in float32
 * arithmetic. The true threshold is certified by exact {@link BigDecimal} evaluation of the
 * normalisation equation at $\tau \pm 8$ ulps of the scores' scale, so "true" below is independent
 * of both implementations.
 */
class FloatPrecisionTest {

    private static final int ROW = 64;
    private static final int ROWS = 50;

    /**
     * Near softmax ($\alpha = 1 + 1/64$, the order-64 compact kernel) $p_i = u_i^{64}$ underflows
     * in float32 for $u_i &lt; 0.2$, so keys inside the compact support get probability 0; double
     * keeps every key whose $u_i$ exceeds $10^{-4}$. Scores spread like unscaled logits (sd 30).
     */
    @Test
    void float32UnderflowDropsKeysOfTheSupportNearSoftmax() {
        double alpha = 1 + 1.0 / 64;
        Random r = new Random(31);
        int lostFloat = 0;
        int inSupport = 0;
        for (int row = 0; row < ROWS; row++) {
            float[] zf = new float[ROW];
            double[] z = new double[ROW];
            for (int i = 0; i < ROW; i++) {
                zf[i] = (float) (30 * r.nextGaussian());
                z[i] = zf[i];
            }
            Normalized exact = Normalizer.entmax(alpha).apply(z);
            double[] bracket = certify(alpha, 64, z, exact.threshold());
            float tauF = float32Bisection((float) alpha, zf);
            float a1 = (float) alpha - 1;
            for (int i = 0; i < ROW; i++) {
                double u = (alpha - 1) * z[i] - bracket[1];
                if (u > 1e-4) {
                    inSupport++;
                    assertTrue(exact.probability(i) > 0, "double lost key " + i + " with u = " + u);
                    float uf = a1 * zf[i] - tauF;
                    lostFloat += uf > 0 && (float) Math.pow(uf, 1 / a1) > 0 ? 0 : 1;
                }
            }
        }
        assertTrue(inSupport > ROWS, "too few keys in the true supports: " + inSupport);
        assertTrue(lostFloat > 0, "float32 kept every key of the support; the rows no longer demonstrate the loss");
    }

    /**
     * With a large common offset (3000, as unscaled scores of long vectors can have) the float32
     * sparsemax probabilities are off by about $10^{-4}$, the double ones by less than $10^{-11}$.
     */
    @Test
    void float32LosesTheMassesAtLargeOffsets() {
        Random r = new Random(32);
        double worstFloat = 0;
        for (int row = 0; row < ROWS; row++) {
            float[] zf = new float[ROW];
            double[] z = new double[ROW];
            for (int i = 0; i < ROW; i++) {
                zf[i] = (float) (3000 + 0.1 * r.nextGaussian());
                z[i] = zf[i];
            }
            Normalized exact = Normalizer.sparsemax().apply(z);
            double[] bracket = certify(2, 1, z, exact.threshold());
            float tauF = float32Bisection(2f, zf);
            double sumF = 0;
            for (float x : zf) {
                sumF += Math.max(x - tauF, 0f);
            }
            for (int i = 0; i < ROW; i++) {
                double lo = Math.max(z[i] - bracket[1], 0);
                double hi = Math.max(z[i] - bracket[0], 0);
                assertTrue(exact.probability(i) >= lo - 1e-11 && exact.probability(i) <= hi + 1e-11, "double p[" + i + "] off");
                double pf = Math.max(zf[i] - tauF, 0f) / sumF;
                worstFloat = Math.max(worstFloat, Math.max(pf - hi, lo - pf));
            }
        }
        assertTrue(worstFloat > 1e-5, "float32 was accurate to " + worstFloat + "; the rows no longer demonstrate the loss");
    }

    /**
     * The interval $\tau \pm 8$ ulps of the largest $(\alpha-1)|z_i|$ (the scale of the differences
     * $(\alpha-1)z_i - \tau$), after checking exactly that the root lies in it.
     */
    private static double[] certify(double alpha, int power, double[] z, double tau) {
        double scale = Math.abs(tau);
        for (double x : z) {
            scale = Math.max(scale, Math.abs((alpha - 1) * x));
        }
        double lo = tau - 8 * Math.ulp(scale);
        double hi = tau + 8 * Math.ulp(scale);
        assertTrue(exactF(alpha, power, z, lo).signum() >= 0 && exactF(alpha, power, z, hi).signum() <= 0,
                "the double threshold is not within 8 ulps of the true one");
        return new double[] {lo, hi};
    }

    /** The reference bisection (50 halvings of [max − 1, max − n^{1−α}]) in float arithmetic. */
    private static float float32Bisection(float alpha, float[] z) {
        float a1 = alpha - 1;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : z) {
            max = Math.max(max, a1 * x);
        }
        float lo = max - 1;
        float dm = (max - (float) Math.pow(z.length, -a1)) - lo;
        float fLo = f(a1, z, lo);
        for (int it = 0; it < 50; it++) {
            dm /= 2;
            float mid = lo + dm;
            if (f(a1, z, mid) * fLo >= 0) {
                lo = mid;
            }
        }
        return lo;
    }

    private static float f(float a1, float[] z, float t) {
        float s = 0;
        for (float x : z) {
            float u = a1 * x - t;
            s += u > 0 ? (float) Math.pow(u, 1 / a1) : 0;
        }
        return s - 1;
    }

    /** $\sum_i [(\alpha-1)z_i - t]_+^{power} - 1$ in exact decimal arithmetic, $1/(\alpha-1) = power$ a power of two. */
    private static BigDecimal exactF(double alpha, int power, double[] z, double t) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal bt = new BigDecimal(t);
        BigDecimal a1 = new BigDecimal(alpha - 1); // exact: alpha - 1 = 1/power is a power of two here
        for (double x : z) {
            BigDecimal u = a1.multiply(new BigDecimal(x)).subtract(bt);
            if (u.signum() > 0) {
                sum = sum.add(u.pow(power));
            }
        }
        return sum.subtract(BigDecimal.ONE, MathContext.UNLIMITED);
    }
}
