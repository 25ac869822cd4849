package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The vector path against the scalar reference, on odd, prime and power-of-two sizes and offsets. */
@EnabledIf(value = "vectorModulePresent",
        disabledReason = "the scalar-path run has no jdk.incubator.vector; the default run compares the paths")
class SimdOpsEquivalenceTest {

    /**
     * The scalar-path surefire run excludes this class; the condition also covers a narrowed run
     * ({@code -Dtest=...} overrides excludes). SimdSelectionTest fails the default run if the module
     * is missing there, so this cannot silently skip where it must run.
     */
    static boolean vectorModulePresent() {
        return SimdOps.vector().isPresent();
    }

    /** Relative agreement expected of two summation orders over at most ~4000 terms. */
    private static final double SUM_RTOL = 1e-12;
    private static final float FLOAT_RTOL = 1e-4f;

    static IntStream sizes() {
        return IntStream.of(1, 7, 8, 9, 31, 1021, 4099);
    }

    /** The default surefire run adds jdk.incubator.vector; the scalar-path run excludes this class. */
    private static SimdOps vectorPath() {
        return SimdOps.vector().orElseThrow(() -> new AssertionError("jdk.incubator.vector is not in this run"));
    }

    private static double[] randoms(Random r, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = scale * r.nextGaussian();
        }
        return a;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void dotAndDistanceAgree(int n) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(31L * n);
        double[] a = randoms(r, n + 3, 1);
        double[] b = randoms(r, n + 5, 1);
        double scaleDot = s.dot(a, 3, a, 3, n) + s.dot(b, 5, b, 5, n);
        assertEquals(s.dot(a, 3, b, 5, n), v.dot(a, 3, b, 5, n), SUM_RTOL * scaleDot);
        double d = s.squaredDistance(a, 1, b, 2, n);
        assertEquals(d, v.squaredDistance(a, 1, b, 2, n), SUM_RTOL * d);

        float[] fa = new float[n + 1];
        float[] fb = new float[n + 2];
        for (int i = 0; i < n; i++) {
            fa[i + 1] = (float) a[i];
            fb[i + 2] = (float) b[i];
        }
        assertEquals(Float.floatToRawIntBits(s.dot(fa, 1, fb, 2, n)), Float.floatToRawIntBits(v.dot(fa, 1, fb, 2, n)),
                "the float dot product is bit-identical on both paths (FloatOps)");
    }

    /**
     * The maximum is NaN when any element is, +infinity when one is and no NaN is, and the scalar loop's signed zero:
     * the row contract's cheap check ({@code Normalizers}) relies on it, at every position of the four accumulators,
     * the single-vector loop and the tail.
     */
    @ParameterizedTest
    @MethodSource("sizes")
    void maxPropagatesNanAndInfinityAtEveryPosition(int n) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(19L * n + 5);
        double[] base = randoms(r, n + 2, 5);
        for (int i = 0; i < n; i++) {
            for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
                double[] a = base.clone();
                a[2 + i] = special;
                if (special == Double.POSITIVE_INFINITY && i > 0) {
                    a[2 + i - 1] = Double.NEGATIVE_INFINITY;
                }
                assertEquals(special, v.max(a, 2, n), 0.0, special + " at " + i + " of " + n);
                assertEquals(special, s.max(a, 2, n), 0.0, special + " at " + i + " of " + n + ", scalar");
            }
        }
        double[] zeros = new double[n + 2];
        java.util.Arrays.fill(zeros, -0.0);
        zeros[2 + n / 2] = 0.0;
        assertEquals(Double.doubleToRawLongBits(s.max(zeros, 2, n)), Double.doubleToRawLongBits(v.max(zeros, 2, n)));
        java.util.Arrays.fill(zeros, Double.NEGATIVE_INFINITY);
        assertEquals(Double.NEGATIVE_INFINITY, v.max(zeros, 2, n), 0.0, "a fully masked row");
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void maxAndExponentialsAgree(int n) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(17L * n + 1);
        double[] a = randoms(r, n + 2, 5);
        if (n > 1) {
            a[3 + r.nextInt(n - 1)] = Double.NEGATIVE_INFINITY; // a masked key contributes exactly 0
        }
        assertEquals(s.max(a, 2, n), v.max(a, 2, n), 0.0);

        double shift = s.max(a, 2, n);
        double se = s.sumExp(a, 2, n, shift);
        assertEquals(se, v.sumExp(a, 2, n, shift), SUM_RTOL * se);

        double[] outS = new double[n + 1];
        double[] outV = new double[n + 1];
        double ss = s.expShift(a, 2, n, shift, outS, 1);
        double sv = v.expShift(a, 2, n, shift, outV, 1);
        assertEquals(ss, sv, SUM_RTOL * ss);
        assertEquals(0.0, outV[0], 0.0, "expShift wrote outside its range");
        for (int i = 1; i <= n; i++) {
            assertEquals(outS[i], outV[i], 0.0, "exp at " + i + ": the same polynomial on both paths");
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void axpyAgrees(int n) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(5L * n + 3);
        double[] x = randoms(r, n + 1, 1);
        double[] y0 = randoms(r, n + 4, 1);
        double[] ys = y0.clone();
        double[] yv = y0.clone();
        s.axpy(0.75, x, 1, ys, 4, n);
        v.axpy(0.75, x, 1, yv, 4, n);
        assertArrayEquals(new double[] {y0[0], y0[1], y0[2], y0[3]}, new double[] {yv[0], yv[1], yv[2], yv[3]});
        for (int i = 0; i < n + 4; i++) {
            assertEquals(ys[i], yv[i], 2 * Math.ulp(Math.abs(ys[i]) + 1), "axpy at " + i);
        }
    }

    /**
     * Powers of the entmax family (1/(α−1) for α = 2, 1.5, 4/3 in floating point, 1.25, 1.1, 1 + 1/64), of its
     * Jacobian (2 − α) and beyond the repeated-squaring range (65).
     */
    static final double[] POWERS = {0, 1, 2, 3, 4, 10, 1 / (4.0 / 3 - 1), 64, 65, -1, 0.5, 2.5, -0.5};

    @ParameterizedTest
    @MethodSource("sizes")
    void rectifiedPowersAgree(int n) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(13L * n + 7);
        double[] a = randoms(r, n + 3, 1);
        if (n > 2) {
            a[3 + r.nextInt(n)] = Double.NEGATIVE_INFINITY; // a masked key contributes exactly 0
        }
        for (double power : POWERS) {
            for (double scale : new double[] {0.5, -1}) {
                double shift = scale > 0 ? 0.1 : -0.3;
                double center = scale > 0 ? 0.25 : 0;
                double ss = s.sumRectifiedPower(a, 3, n, center, scale, shift, power);
                double sv = v.sumRectifiedPower(a, 3, n, center, scale, shift, power);
                String where = "n=" + n + " power=" + power + " scale=" + scale;
                assertEquals(ss, sv, SUM_RTOL * Math.abs(ss) + 1e-300, where);

                double[] outS = new double[n + 2];
                double[] outV = new double[n + 2];
                outV[0] = outV[n + 1] = 42;
                double ws = s.rectifiedPower(a, 3, n, center, scale, shift, power, outS, 1);
                double wv = v.rectifiedPower(a, 3, n, center, scale, shift, power, outV, 1);
                assertEquals(ws, wv, SUM_RTOL * Math.abs(ws) + 1e-300, where);
                assertEquals(ss, ws, SUM_RTOL * Math.abs(ss) + 1e-300, "sum and written terms, " + where);
                assertEquals(42.0, outV[0], 0.0, "wrote before its range, " + where);
                assertEquals(42.0, outV[n + 1], 0.0, "wrote after its range, " + where);
                for (int i = 1; i <= n; i++) {
                    assertEquals(outS[i], outV[i], 4 * Math.ulp(outS[i]), "term " + i + ", " + where);
                    double bracket = scale * (a[2 + i] - center) - shift;
                    double exact = bracket > 0 ? Math.pow(bracket, power) : 0;
                    assertEquals(exact, outS[i], 1e-13 * exact, "term " + i + " against Math.pow, " + where);
                }
            }
        }
    }

    /** The float operations are specified to give the same bits on both paths. */
    @ParameterizedTest
    @MethodSource("sizes")
    void gemmIsBitIdentical(int size) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(41L * size + 7);
        // shapes around the tile sizes (6 or 8 rows, 2 or 3 vectors of columns, 256-deep blocks)
        int[][] shapes = {{size, 3, 5}, {7, size % 97 + 1, 33}, {13, 37, size % 600 + 1}, {6, 16, 256},
            {12, 32, 257}, {1, 1, 1}, {size % 50 + 1, 48, 64}};
        for (int[] sh : shapes) {
            int m = sh[0];
            int n = sh[1];
            int k = sh[2];
            float[] a = floats(r, 2 + m * (k + 1));
            float[] b = floats(r, 3 + k * (n + 2));
            float[] cs = floats(r, 1 + m * (n + 3));
            float[] cv = cs.clone();
            s.gemm(m, n, k, a, 2, k + 1, b, 3, n + 2, cs, 1, n + 3);
            v.gemm(m, n, k, a, 2, k + 1, b, 3, n + 2, cv, 1, n + 3);
            assertArrayEquals(cs, cv, "gemm " + m + "x" + n + "x" + k);
        }
    }

    /** Products of thousands of rows between small ones that reuse the thread's buffers. */
    @org.junit.jupiter.api.Test
    void gemmAroundTheKeptScratchIsBitIdentical() {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(43);
        int[][] shapes = {{13, 40, 70}, {4100, 40, 300}, {25, 33, 260}, {6000, 17, 180}, {7, 40, 9}};
        for (int[] sh : shapes) {
            int m = sh[0];
            int n = sh[1];
            int k = sh[2];
            float[] a = floats(r, m * k);
            float[] b = floats(r, k * n);
            float[] cs = new float[m * n];
            float[] cv = new float[m * n];
            s.gemm(m, n, k, a, 0, k, b, 0, n, cs, 0, n);
            v.gemm(m, n, k, a, 0, k, b, 0, n, cv, 0, n);
            assertArrayEquals(cs, cv, "gemm " + m + "x" + n + "x" + k);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void softmaxAndGeluAreBitIdentical(int n) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(13L * n + 5);
        float[] x = new float[n + 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (12 * r.nextGaussian());
        }
        if (n > 2) {
            x[2 + r.nextInt(n - 1)] = Float.NEGATIVE_INFINITY;
        }
        float[] ps = new float[n + 1];
        float[] pv = new float[n + 1];
        s.softmax(x, 2, n, ps, 1);
        v.softmax(x, 2, n, pv, 1);
        assertArrayEquals(ps, pv, "softmax");
        x[Math.min(2, n)] = 0.5f;
        for (int i = 0; i < x.length; i++) {
            if (Float.isInfinite(x[i])) {
                x[i] = -3f;
            }
        }
        float[] gs = new float[n + 2];
        float[] gv = new float[n + 2];
        s.gelu(x, 1, n, gs, 2);
        v.gelu(x, 1, n, gv, 2);
        assertArrayEquals(gs, gv, "gelu");
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void layerNormIsBitIdentical(int h) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(17L * h + 3);
        int rows = 3;
        float[] x = new float[2 + rows * h + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (5 + 3 * r.nextGaussian()); // an offset mean: the variance sum cancels
        }
        float[] gamma = floats(r, h);
        float[] beta = floats(r, h);
        float[] xs = x.clone();
        float[] xv = x.clone();
        s.layerNorm(xs, 2, rows, h, gamma, beta, 1e-12f);
        v.layerNorm(xv, 2, rows, h, gamma, beta, 1e-12f);
        assertArrayEquals(xs, xv, "layerNorm h = " + h);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void biasResidualAndDivisionAreBitIdentical(int m) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(29L * m + 5);
        int rows = 3;
        float[] x = floats(r, 2 + rows * m + 1);
        float[] bias = floats(r, m + 1);
        float[] xs = x.clone();
        float[] xv = x.clone();
        s.addToRows(xs, 2, rows, m, bias, 1);
        v.addToRows(xv, 2, rows, m, bias, 1);
        assertArrayEquals(xs, xv, "addToRows m = " + m);
        assertEquals(x[0], xv[0], 0f, "addToRows wrote before its rows");
        assertEquals(x[x.length - 1], xv[x.length - 1], 0f, "addToRows wrote after its rows");
        assertEquals(x[2 + m] + bias[1], xs[2 + m], 0f, "row 1, column 0 gets bias[vOff + 0]");
        float[] y = floats(r, m + 4);
        float[] ys = y.clone();
        float[] yv = y.clone();
        s.addTo(x, 1, ys, 3, m);
        v.addTo(x, 1, yv, 3, m);
        assertArrayEquals(ys, yv, "addTo m = " + m);
        assertEquals(y[3] + x[1], ys[3], 0f);
        assertEquals(y[2], yv[2], 0f, "addTo wrote before its range");
        float[] a = floats(r, m + 2);
        a[1] = Float.MIN_VALUE; // a subnormal quotient, rounded the same on both paths
        float[] as = a.clone();
        float[] av = a.clone();
        s.divide(as, 1, m, 3f);
        v.divide(av, 1, m, 3f);
        assertArrayEquals(as, av, "divide m = " + m);
        assertEquals(a[m + 1], av[m + 1], 0f, "divide wrote after its range");
        assertEquals(Float.MIN_VALUE / 3f, as[1], 0f);
    }

    private static float[] floats(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void axpbyAndScaleAgree(int n) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(11L * n + 7);
        double[] x = randoms(r, n + 2, 1);
        double[] y = randoms(r, n + 3, 1);
        double[] outS = new double[n + 5];
        double[] outV = new double[n + 5];
        s.axpby(0.6, x, 2, -1.3, y, 3, outS, 1, n);
        v.axpby(0.6, x, 2, -1.3, y, 3, outV, 1, n);
        assertEquals(0.0, outV[0], 0.0, "axpby wrote before its range");
        for (int i = n + 1; i < n + 5; i++) {
            assertEquals(0.0, outV[i], 0.0, "axpby wrote after its range");
        }
        for (int i = 1; i <= n; i++) {
            assertEquals(outS[i], outV[i], 4 * Math.ulp(Math.abs(outS[i]) + 2), "axpby at " + i);
        }
        // in place: out is y at the same offset
        double[] yS = y.clone();
        double[] yV = y.clone();
        s.axpby(1.0, x, 2, 1.0, yS, 3, yS, 3, n);
        v.axpby(1.0, x, 2, 1.0, yV, 3, yV, 3, n);
        for (int i = 0; i < n + 3; i++) {
            assertEquals(yS[i], yV[i], 4 * Math.ulp(Math.abs(yS[i]) + 2), "in-place axpby at " + i);
        }
        double[] sS = new double[n + 1];
        double[] sV = new double[n + 1];
        s.scale(-2.5, x, 1, sS, 1, n);
        v.scale(-2.5, x, 1, sV, 1, n);
        assertEquals(0.0, sV[0], 0.0, "scale wrote before its range");
        for (int i = 1; i <= n; i++) {
            assertEquals(sS[i], sV[i], 0.0, "scale is a single rounding, so bit-identical, at " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void l1NormsAgree(int n) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(13L * n + 5);
        double[] a = randoms(r, n + 1, 3);
        double[] b = randoms(r, n + 4, 3);
        double na = s.sumAbs(a, 1, n);
        assertEquals(na, v.sumAbs(a, 1, n), SUM_RTOL * na);
        double d = s.l1Distance(a, 1, b, 4, n);
        assertEquals(d, v.l1Distance(a, 1, b, 4, n), SUM_RTOL * d);
        // an independent reference: the l1 distance of a range to itself shifted by a constant
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = a[1 + i] + 0.5;
        }
        assertEquals(0.5 * n, v.l1Distance(a, 1, c, 0, n), SUM_RTOL * (na + n));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void gatherDotAgrees(int n) {
        SimdOps v = vectorPath();
        SimdOps s = SimdOps.scalar();
        Random r = new Random(11L * n + 7);
        double[] x = randoms(r, 2 * n + 3, 1);
        double[] values = randoms(r, n + 2, 1);
        int[] idx = new int[n + 2];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = r.nextInt(x.length);
        }
        idx[idx.length - 1] = x.length - 1; // the last admissible index
        double scale = 0;
        for (int i = 2; i < n + 2; i++) {
            scale += Math.abs(values[i] * x[idx[i]]);
        }
        double expected = 0;
        for (int i = 2; i < n + 2; i++) {
            expected += values[i] * x[idx[i]]; // an independent plain loop
        }
        assertEquals(expected, s.gatherDot(values, idx, 2, n, x), SUM_RTOL * scale);
        assertEquals(expected, v.gatherDot(values, idx, 2, n, x), SUM_RTOL * scale);
    }
}
