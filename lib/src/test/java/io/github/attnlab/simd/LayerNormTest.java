package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FloatOps#layerNorm} on every path of this run against a two-pass LayerNorm in double with index-order sums:
 * the same up to the float rounding of the result, and the elements outside the rows untouched.
 */
class LayerNormTest {

    private static List<SimdOps> paths() {
        List<SimdOps> paths = new ArrayList<>();
        paths.add(SimdOps.scalar());
        SimdOps.vector().ifPresent(paths::add);
        return paths;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8, 13, 384, 769})
    void matchesTheDoubleReference(int h) {
        Random r = new Random(31L * h);
        int rows = 4;
        float[] x = new float[1 + rows * h + 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextInt(3) - 1 + 0.5 * r.nextGaussian() * (1 + i % 5));
        }
        float[] gamma = new float[h];
        float[] beta = new float[h];
        for (int j = 0; j < h; j++) {
            gamma[j] = (float) (1 + 0.2 * r.nextGaussian());
            beta[j] = (float) (0.1 * r.nextGaussian());
        }
        float eps = 1e-5f;
        for (SimdOps ops : paths()) {
            float[] y = x.clone();
            ops.layerNorm(y, 1, rows, h, gamma, beta, eps);
            assertEquals(x[0], y[0], ops.name() + ": the element before the rows");
            assertEquals(x[x.length - 1], y[y.length - 1], ops.name() + ": the element after the rows");
            assertEquals(x[x.length - 2], y[y.length - 2], ops.name() + ": the element after the rows");
            for (int t = 0; t < rows; t++) {
                int o = 1 + t * h;
                double mean = 0;
                for (int j = 0; j < h; j++) {
                    mean += x[o + j];
                }
                mean /= h;
                double var = 0;
                for (int j = 0; j < h; j++) {
                    var += (x[o + j] - mean) * (x[o + j] - mean);
                }
                double inv = 1 / Math.sqrt(var / h + eps);
                for (int j = 0; j < h; j++) {
                    double want = (x[o + j] - mean) * inv * gamma[j] + beta[j];
                    double tol = 1e-6 * (Math.abs((x[o + j] - mean) * inv * gamma[j]) + Math.abs(beta[j])) + 1e-12;
                    assertEquals(want, y[o + j], tol, ops.name() + " h = " + h + " row " + t + " element " + j);
                }
            }
        }
    }
}
