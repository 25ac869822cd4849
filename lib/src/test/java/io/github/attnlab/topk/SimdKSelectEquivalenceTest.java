package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attnlab.simd.SimdOps;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The float32 certified $k_\varepsilon$ ({@link KSelect}) gives the same answers, certificates and log-partitions,
 * bit for bit, on the scalar and the vector path: the exponentials are element-wise (bit-identical) and every sum
 * is added in the workspace's own order.
 */
@EnabledIf(value = "vectorModulePresent",
        disabledReason = "the scalar-path run has no jdk.incubator.vector; the default run compares the paths")
class SimdKSelectEquivalenceTest {

    static boolean vectorModulePresent() {
        return SimdOps.vector().isPresent();
    }

    @Test
    void bothPathsGiveTheSameBits() {
        SimdOps vector = SimdOps.vector().orElseThrow();
        Random r = new Random(41);
        for (int n : new int[] {1, 7, 17, 31, 1021, 4099}) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) (3 * r.nextGaussian());
            }
            if (n > 3) {
                f[1] = Float.NEGATIVE_INFINITY;
                f[2] = f[0];
            }
            for (double eps : new double[] {0.3, 0.01, 1e-6}) {
                double[] s = run(SimdOps.scalar(), f, eps);
                double[] v = run(vector, f, eps);
                for (int i = 0; i < s.length; i++) {
                    assertEquals(s[i], v[i], 0.0, "n = " + n + ", eps = " + eps + ", result " + i);
                }
            }
        }
    }

    private static double[] run(SimdOps ops, float[] f, double eps) {
        return SimdOps.with(ops, () -> {
            KSelect sel = new KSelect();
            int k = sel.certifiedK(f, eps);
            return new double[] {k, sel.tailMassUpper(), sel.logSumExp()};
        });
    }
}
