package io.github.attnlab.wasserstein;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sampler on product targets whose marginals are known exactly: $f(x) = \lVert x - b\rVert^2/2$ with no prior (a
 * Gaussian) and with $\lambda\lVert x\rVert_1$ (each marginal the L1 kernel at $y = b_k$, $T = 1$, $\beta/2$).
 */
class BrwpSamplerTest {

    private static final double[] B = {2, 0.3, -1};
    private static final BrwpSampler.Gradient F = (x, out) -> {
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k] - B[k];
        }
    };

    private static double[][] initial(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][B.length];
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = 3 * r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void perCoordinateBrwpReachesTheGaussianTarget() {
        BrwpSampler.Trajectory t = BrwpSampler.of(F, Prior.none(), 1).step(0.02)
                .run(initial(200, 1), 400, 400, SamplingMethod.BRWP_SPLITTING_PER_COORDINATE, 0);
        for (int k = 0; k < B.length; k++) {
            double[] s = t.marginal(1, k);
            double mean = java.util.Arrays.stream(s).average().orElseThrow();
            double var = java.util.Arrays.stream(s).map(v -> (v - mean) * (v - mean)).sum() / s.length;
            assertEquals(B[k], mean, 0.03, "coordinate " + k);
            // O(h) bias of the scheme: the stationary variance of the linear recursion is (1 - 3h)/(1 - h)^2 = 0.98
            assertEquals(1, var, 0.06, "coordinate " + k);
        }
    }

    @Test
    void perCoordinateBrwpMatchesTheLaplaceGaussianMarginals() {
        double lambda = 1;
        double beta = 1;
        BrwpSampler.Trajectory t = BrwpSampler.of(F, Prior.l1(lambda), beta).step(0.02)
                .run(initial(200, 2), 400, 400, SamplingMethod.BRWP_SPLITTING_PER_COORDINATE, 0);
        for (int k = 0; k < B.length; k++) {
            TwoPieceGaussian exact = Prior.l1(lambda).kernel(B[k], beta / 2, 1);
            double w1 = exact.wasserstein1(t.marginal(1, k));
            assertTrue(w1 < 0.06, "coordinate " + k + ": W1 = " + w1);
        }
    }

    @Test
    void runsAreReproducibleAndLeaveTheirInputAlone() {
        double[][] init = initial(30, 3);
        double[][] copy = initial(30, 3);
        for (SamplingMethod m : SamplingMethod.values()) {
            BrwpSampler s = BrwpSampler.of(F, Prior.l1(0.5), 1).step(0.05);
            BrwpSampler.Trajectory a = s.run(init, 20, 5, m, 9);
            BrwpSampler.Trajectory b = s.run(init, 20, 5, m, 9);
            assertArrayEquals(new int[] {0, 5, 10, 15, 20}, a.iterations());
            for (int i = 0; i < 30; i++) {
                assertArrayEquals(a.last()[i], b.last()[i], 0, m.name());
                assertArrayEquals(copy[i], init[i], 0);
            }
        }
    }

    @Test
    void badInputIsRefusedByName() {
        assertEquals("beta = 0.0 must be finite and > 0",
                assertThrows(IllegalArgumentException.class, () -> BrwpSampler.of(F, Prior.none(), 0)).getMessage());
        assertEquals("h = -1.0 must be finite and > 0", assertThrows(IllegalArgumentException.class,
                () -> BrwpSampler.of(F, Prior.none(), 1).step(-1)).getMessage());
        assertEquals("initial has no rows", assertThrows(IllegalArgumentException.class,
                () -> BrwpSampler.of(F, Prior.none(), 1).run(new double[0][], 1, 1, SamplingMethod.MYULA, 0)).getMessage());
    }
}
