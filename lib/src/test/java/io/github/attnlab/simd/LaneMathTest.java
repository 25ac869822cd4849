package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.Test;

/** The float kernels against independent double-precision references, on whichever path this run uses. */
class LaneMathTest {

    /** Our exp: within 2 ulp of the correctly rounded float. */
    private static final int EXP_ULPS = 2;
    /** GELU: erfc fit 1.2e-7 relative plus float rounding of ~5 operations. */
    private static final double GELU_RTOL = 6e-7;
    /** GELU: the float z = x/√2 carries relative error 6e-8, so e^{-z²} carries 1.2e-7·z² more. */
    private static final double GELU_RTOL_PER_Z2 = 2.4e-7;
    /** Softmax: exp 2 ulp, the division 1 ulp, the float sum ~1 ulp. */
    private static final double SOFTMAX_RTOL = 4.5e-7;
    /** Softmax: the float difference x - max is rounded (half an ulp), which e^{x-max} carries. */
    private static final double SOFTMAX_RTOL_PER_UNIT = 6e-8;
    /** gemm: float fma chain of length k against a double sum, relative to Σ|a||b|. */
    private static final double GEMM_RTOL_PER_TERM = 1.2e-7;

    @Test
    void expIsWithinTwoUlp() {
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            float x = (float) (-87 + 175 * r.nextDouble());
            float want = (float) Math.exp(x);
            float got = LaneMath.exp(x);
            assertTrue(Math.abs(got - want) <= EXP_ULPS * Math.ulp(want), "exp(" + x + ") = " + got + ", want " + want);
        }
        assertEquals(0f, LaneMath.exp(Float.NEGATIVE_INFINITY));
        assertEquals(0f, LaneMath.exp(-87.5f));
        assertEquals(1f, LaneMath.exp(0f));
        assertTrue(Float.isNaN(LaneMath.exp(Float.NaN)));
    }

    @Test
    void rowExpIsWithinTwoUlpOnNonPositiveArguments() {
        Random r = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            float x = i < 1000 ? -i * 0x1p-10f : (float) (-87 * Math.pow(r.nextDouble(), 3));
            float want = (float) Math.exp(x);
            float got = LaneMath.expRow(x);
            assertTrue(Math.abs(got - want) <= EXP_ULPS * Math.ulp(want), "expRow(" + x + ") = " + got + ", want " + want);
        }
        assertEquals(0f, LaneMath.expRow(Float.NEGATIVE_INFINITY));
        assertEquals(0f, LaneMath.expRow(-87.5f));
        assertEquals(1f, LaneMath.expRow(0f));
        assertEquals(1f, LaneMath.expRow(-0f));
        assertTrue(Float.isNaN(LaneMath.expRow(Float.NaN)));
    }

    /** Our double exp: within 2 ulp of the correctly rounded double (StrictMath is within 1 ulp of it). */
    private static final int EXP_ULPS_D = 2;

    @Test
    void doubleExpIsWithinTwoUlpAndHalfASubnormal() {
        Random r = new Random(4);
        int worst = 0;
        for (int i = 0; i < 400_000; i++) {
            double x = i % 4 == 0 ? -745.5 + 40 * r.nextDouble() : -746 + 1456 * r.nextDouble();
            double want = StrictMath.exp(x);
            double got = LaneMath.exp(x);
            double err = Math.abs(got - want);
            if (want == Double.POSITIVE_INFINITY) {
                assertEquals(want, got, 0.0, "exp(" + x + ")");
            } else if (want >= Double.MIN_NORMAL) {
                worst = Math.max(worst, (int) Math.round(err / Math.ulp(want)));
                assertTrue(err <= EXP_ULPS_D * Math.ulp(want), "exp(" + x + ") = " + got + ", want " + want);
            } else {
                // subnormal: the final scaling rounds once, half the smallest subnormal, plus StrictMath's own
                assertTrue(err <= 1.5 * Double.MIN_VALUE + 2 * 0x1p-52 * want, "exp(" + x + ") = " + got + ", want " + want);
            }
        }
        assertTrue(worst <= 1, "worst error " + worst + " ulp");
        assertEquals(0.0, LaneMath.exp(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, LaneMath.exp(-746.5), 0.0);
        assertEquals(1.0, LaneMath.exp(0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, LaneMath.exp(709.8), 0.0);
        assertEquals(StrictMath.exp(709.78), LaneMath.exp(709.78), 2 * Math.ulp(StrictMath.exp(709.78)));
        assertTrue(Double.isNaN(LaneMath.exp(Double.NaN)));
    }

    @Test
    void geluMatchesTheErfcDefinition() {
        Random r = new Random(5);
        SimdOps ops = SimdOps.get();
        float[] x = new float[100_003];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (6 * r.nextGaussian());
        }
        x[0] = 0f;
        x[1] = -20f;
        x[2] = 20f;
        float[] g = new float[x.length];
        ops.gelu(x, 0, x.length, g, 0);
        for (int i = 0; i < x.length; i++) {
            double want = 0.5 * x[i] * Erfc.value(-x[i] / Math.sqrt(2));
            double tol = (GELU_RTOL + GELU_RTOL_PER_Z2 * x[i] * x[i] / 2) * Math.abs(want) + 1e-37;
            assertEquals(want, g[i], tol, "gelu(" + x[i] + ")");
        }
    }

    @Test
    void softmaxMatchesDoublePrecisionAndMasksInfinities() {
        Random r = new Random(7);
        SimdOps ops = SimdOps.get();
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + r.nextInt(300);
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) (8 * r.nextGaussian());
            }
            int masked = n > 1 ? r.nextInt(n) : -1;
            if (masked >= 0) {
                x[masked] = Float.NEGATIVE_INFINITY;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (float v : x) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : x) {
                sum += Math.exp(v - max);
            }
            float[] p = new float[n];
            ops.softmax(x, 0, n, p, 0);
            double total = 0;
            for (int i = 0; i < n; i++) {
                double want = Math.exp(x[i] - max) / sum;
                double spread = i == masked ? 0 : Math.abs(x[i] - max);
                double tol = (SOFTMAX_RTOL + SOFTMAX_RTOL_PER_UNIT * spread) * want + 1e-38;
                assertEquals(want, p[i], tol, "softmax[" + i + "] of " + n);
                total += p[i];
            }
            if (masked >= 0) {
                assertEquals(0f, p[masked]);
            }
            assertEquals(1.0, total, n * 1e-7);
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> ops.softmax(new float[] {Float.NEGATIVE_INFINITY}, 0, 1, new float[1], 0));
        assertTrue(e.getMessage().contains("-Infinity"), e.getMessage());
    }

    @Test
    void gemmMatchesADoubleReference() {
        Random r = new Random(11);
        SimdOps ops = SimdOps.get();
        for (int trial = 0; trial < 60; trial++) {
            int m = 1 + r.nextInt(40);
            int n = 1 + r.nextInt(70);
            int k = 1 + r.nextInt(600);
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextGaussian();
            }
            float[] c = new float[m * n];
            ops.gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    double abs = 0;
                    for (int p = 0; p < k; p++) {
                        s += (double) a[i * k + p] * b[p * n + j];
                        abs += Math.abs((double) a[i * k + p] * b[p * n + j]);
                    }
                    assertEquals(s, c[i * n + j], GEMM_RTOL_PER_TERM * k * abs, "C[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void gemmRefusesBadShapes() {
        SimdOps ops = SimdOps.get();
        float[] x = new float[10];
        var e = assertThrows(IllegalArgumentException.class, () -> ops.gemm(2, 3, 4, x, 0, 4, x, 0, 3, x, 0, 3));
        assertTrue(e.getMessage().startsWith("gemm: b needs elements [0, 12) but has 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ops.gemm(2, 3, 4, x, 0, 3, x, 0, 3, x, 0, 3));
        assertTrue(e.getMessage().contains("lda = 3"), e.getMessage());
    }
}
