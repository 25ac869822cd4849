package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float softmax and log-sum-exp ({@link FloatRows}) give the same bits on the scalar loops and on both vector
 * layouts (one 16-float vector, two 8-float vectors), on odd, prime, block- and chunk-crossing sizes and on
 * adversarial rows: masks, a fully masked chunk, huge and subnormal logits, ties, and {@code out} aliasing the row.
 */
@EnabledIf(value = "vectorModulePresent",
        disabledReason = "the scalar-path run has no jdk.incubator.vector; the default run compares the paths")
class SimdFloatRowsEquivalenceTest {

    static boolean vectorModulePresent() {
        return SimdOps.vector().isPresent();
    }

    static IntStream sizes() {
        return IntStream.of(1, 7, 15, 16, 17, 63, 64, 255, 257, 1021, 4099, 8192, 8193, 20011);
    }

    /**
     * The row kinds: 0 Gaussian, 1 huge, 2 subnormal, 3 ties, 4 masked chunk, 5 wide spread with masks, 6 a spread
     * of about 87 around the bound below which the exponential is 0 (some arguments below it, some above), 7 a
     * spread of exactly 87 (every other argument at the bound).
     */
    static float[] row(int kind, int n, Random r) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            x[i] = (float) switch (kind) {
                case 1 -> 1e30 * g;
                case 2 -> 1e-40 * g;
                case 3 -> Math.rint(2 * g);
                case 5 -> 40 * g;
                case 6 -> 5.3 - 87 + 0.002 * (i % 11 - 5);
                case 7 -> i % 2 == 0 ? 0.5 : -86.5;
                default -> 3 * g;
            };
        }
        if (kind == 6) {
            x[n - 1] = 5.3f;
        }
        if (kind == 4) {
            java.util.Arrays.fill(x, 0, Math.min(n - 1, FloatRows.CHUNK + 5), Float.NEGATIVE_INFINITY);
        }
        if (kind == 5) {
            for (int i = 0; i < n; i += 3) {
                x[i] = Float.NEGATIVE_INFINITY;
            }
            x[n - 1] = 1f;
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void softmaxAndLogSumExpAreBitIdentical(int n) {
        Random r = new Random(97L * n);
        FloatRows.Kernels[] paths = {FloatRows.SCALAR, VectorFloatRows.WIDE, VectorFloatRows.NARROW};
        for (int kind = 0; kind < 8; kind++) {
            float[] x = row(kind, n, r);
            float[][] outs = new float[paths.length][n + 3];
            double[] lse = new double[paths.length];
            for (int p = 0; p < paths.length; p++) {
                lse[p] = FloatRows.softmax(paths[p], x, 0, n, outs[p], 3);
                assertEquals(lse[p], FloatRows.logSumExp(paths[p], x, 0, n), 0.0, "logSumExp = softmax's return");
                float[] inPlace = x.clone();
                assertEquals(lse[p], FloatRows.softmax(paths[p], inPlace, 0, n, inPlace, 0), 0.0, "in place");
                assertArrayEquals(java.util.Arrays.copyOfRange(outs[p], 3, n + 3), inPlace, "in place, kind " + kind);
            }
            for (int p = 1; p < paths.length; p++) {
                assertArrayEquals(outs[0], outs[p], "kind " + kind + ", path " + p);
                assertEquals(lse[0], lse[p], 0.0, "kind " + kind + ", path " + p);
            }
        }
    }

    @Test
    void simdOpsPathsAgreeAtAnOffset() {
        SimdOps v = SimdOps.vector().orElseThrow();
        Random r = new Random(5);
        for (int n : new int[] {33, 513, 9001}) {
            float[] x = new float[n + 4];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (5 * r.nextGaussian());
            }
            float[] a = new float[n + 1];
            float[] b = new float[n + 1];
            assertEquals(SimdOps.scalar().softmaxOnline(x, 4, n, a, 1), v.softmaxOnline(x, 4, n, b, 1), 0.0);
            assertArrayEquals(a, b);
            assertEquals(SimdOps.scalar().logSumExp(x, 4, n), v.logSumExp(x, 4, n), 0.0);
        }
    }
}
