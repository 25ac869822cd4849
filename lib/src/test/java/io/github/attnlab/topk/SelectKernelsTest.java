package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.simd.SimdOps;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The float path's kernels ({@link SelectKernels}): the exponential within its documented error
 * ($|e - E| \le \eta E + \alpha$, measured against {@link Math#exp} of the exact argument), and the scalar and vector
 * twins giving the same bits on odd, prime and block-crossing sizes and on adversarial rows.
 */
class SelectKernelsTest {

    private static final int[] SIZES = {1, 2, 7, 15, 16, 17, 31, 255, 256, 257, 1021, 4099, 4111, 8192, 8209};

    static boolean vectorModulePresent() {
        return SimdOps.vector().isPresent();
    }

    @Test
    void theExponentialIsWithinItsErrorModel() {
        Random r = new Random(5);
        double worst = 0;
        for (int t = 0; t < 2_000_000; t++) {
            float m = (float) (t % 3 == 0 ? 1e4 * r.nextGaussian() : t % 3 == 1 ? r.nextGaussian() : 1e-30);
            float s = t % 5 == 0 ? Math.nextDown(m) : (float) (m - 90 * r.nextDouble() * r.nextDouble());
            if (s > m) {
                continue;
            }
            double x = (double) s - (double) m; // exact: two floats within 2^29 of each other's exponent here
            double exact = Math.exp(x); // within 1 ulp of double
            double e = SelectKernels.exp(s, m);
            double err = Math.abs(e - exact);
            assertTrue(err <= SelectKernels.ETA * exact * (1 - 0x1p-40) + SelectKernels.ALPHA,
                    "exp(" + s + " - " + m + ") = " + e + " against " + exact);
            if (exact > 0x1p-120) {
                worst = Math.max(worst, err / exact);
            }
        }
        assertTrue(worst < 4 * 0x1p-24, "measured relative error " + worst / 0x1p-24 + " u");
        assertEquals(1f, SelectKernels.exp(3.5f, 3.5f), 0f);
        assertEquals(0f, SelectKernels.exp(Float.NEGATIVE_INFINITY, 2f), 0f);
        assertEquals(0f, SelectKernels.exp(-Float.MAX_VALUE, Float.MAX_VALUE), 0f);
        // the Cody-Waite constants: ln 2 to well below the 1e-11 the error model allows
        assertTrue(Math.abs((double) SelectKernels.LN2_HI + SelectKernels.LN2_LO - Math.log(2)) < 1e-11);
    }

    static float[] row(int kind, int n, Random r) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            x[i] = (float) switch (kind) {
                case 1 -> 1e30 * g;
                case 2 -> 1e-40 * g;
                case 3 -> Math.rint(2 * g);
                case 4 -> 40 * g;
                default -> 2 * g;
            };
            if (kind == 4 && r.nextInt(5) == 0) {
                x[i] = Float.NEGATIVE_INFINITY;
            }
        }
        x[r.nextInt(n)] = kind == 4 ? 0f : x[0];
        return x;
    }

    @Test
    @EnabledIf(value = "vectorModulePresent",
            disabledReason = "the scalar-path run has no jdk.incubator.vector; the default run compares the paths")
    void bothTwinsGiveTheSameBits() {
        SelectKernels scalar = SelectKernels.SCALAR;
        SelectKernels vector = SelectKernels.of(SimdOps.vector().orElseThrow());
        assertTrue(vector instanceof VectorSelectKernels);
        Random r = new Random(23);
        for (int n : SIZES) {
            for (int kind = 0; kind < 5; kind++) {
                String where = "n = " + n + ", kind " + kind;
                float[] a = new float[n + 5];
                System.arraycopy(row(kind, n, r), 0, a, 3, n); // an offset row
                assertEquals(Float.floatToRawIntBits(scalar.max(a, 3, n)), Float.floatToRawIntBits(vector.max(a, 3, n)),
                        where);
                float m = scalar.max(a, 3, n);
                float[] es = new float[n];
                float[] ev = new float[n];
                int[] fs = new int[1];
                int[] fv = new int[1];
                assertEquals(scalar.exps(a, 3, n, m, es, fs), vector.exps(a, 3, n, m, ev, fv), 0.0, where);
                assertArrayEquals(es, ev, 0f, where);
                assertEquals(fs[0], fv[0], where);
                float[] t = new float[SelectKernels.PROBES];
                for (int j = 0; j < t.length; j++) {
                    t[j] = j == 0 ? 0f : es[r.nextInt(n)] * (j % 2 == 0 ? 1f : 1.001f);
                }
                double[] ts = new double[t.length];
                double[] tv = new double[t.length];
                scalar.tails(es, n, t, ts);
                vector.tails(es, n, t, tv);
                assertArrayEquals(ts, tv, 0.0, where);
                float lo = Math.min(t[1], t[2]);
                float hi = Math.max(t[1], t[2]);
                double[] ss = new double[2];
                double[] sv = new double[2];
                int[] as = new int[1];
                int[] av = new int[1];
                float[] ps = new float[n + 1];
                float[] pv = new float[n + 1];
                int cs = scalar.split(es, n, lo, hi, ss, as, ps, new int[n / 16 + 1]);
                int cv = vector.split(es, n, lo, hi, sv, av, pv, new int[n / 16 + 1]);
                assertEquals(cs, cv, where);
                assertArrayEquals(ss, sv, 0.0, where);
                assertEquals(as[0], av[0], where);
                for (int i = 0; i < cs; i++) {
                    assertEquals(ps[i], pv[i], 0f, where);
                }
            }
        }
    }

    /**
     * The double path's buckets: the same bucket for every key and the same widest gap on both twins, for rows of
     * ordinary, tiny (subnormal gaps), huge (gaps that overflow the float or the double) and masked logits, at every
     * resolution {@link KSelect} uses; and the scalar definition itself: masked keys apart, buckets in $[0, last]$
     * and never increasing as the logit grows.
     */
    @Test
    void bothTwinsBucketTheSameWay() {
        SelectKernels vector = SelectKernels.of(SimdOps.vector().orElse(SimdOps.scalar()));
        Random r = new Random(29);
        for (int n : SIZES) {
            for (int kind = 0; kind < 5; kind++) {
                double[] row = new double[n + 3];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double g = r.nextGaussian();
                    double s = switch (kind) {
                        case 1 -> 1e-310 * g;
                        case 2 -> 1e307 * g;
                        case 3 -> r.nextInt(3) == 0 ? Double.NEGATIVE_INFINITY : 4 * g;
                        case 4 -> Math.rint(8 * g) / 8;
                        default -> 3 * g;
                    };
                    row[2 + i] = s;
                    max = Math.max(max, s);
                }
                if (max == Double.NEGATIVE_INFINITY) {
                    row[2] = 0;
                    max = 0;
                }
                for (int bits = 4; bits <= 6; bits++) {
                    String where = "n = " + n + ", kind " + kind + ", bits " + bits;
                    int last = 1 + (11 << bits);
                    int masked = last + 1;
                    int[] bs = new int[n];
                    int[] bv = new int[n];
                    double ws = SelectKernels.SCALAR.buckets(row, 2, n, max, 23 - bits, (123 << bits) - 1, last,
                            masked, bs);
                    double wv = vector.buckets(row, 2, n, max, 23 - bits, (123 << bits) - 1, last, masked, bv);
                    assertArrayEquals(bs, bv, where);
                    assertEquals(ws, wv, 0.0, where);
                    double widest = 0;
                    for (int i = 0; i < n; i++) {
                        double s = row[2 + i];
                        if (s == Double.NEGATIVE_INFINITY) {
                            assertEquals(masked, bs[i], where);
                            continue;
                        }
                        widest = Math.max(widest, max - s);
                        assertTrue(bs[i] >= 0 && bs[i] <= last, where);
                    }
                    assertEquals(widest, ws, 0.0, where);
                    // in increasing order of the logit, the buckets never increase
                    Integer[] order = new Integer[n];
                    for (int i = 0; i < n; i++) {
                        order[i] = i;
                    }
                    java.util.Arrays.sort(order, (i, j) -> Double.compare(row[2 + i], row[2 + j]));
                    for (int t = 1; t < n; t++) {
                        int i = order[t - 1];
                        int j = order[t];
                        if (row[2 + i] != Double.NEGATIVE_INFINITY) {
                            assertTrue(bs[i] >= bs[j], where + ": keys " + i + " and " + j);
                        }
                    }
                }
            }
        }
    }
}
