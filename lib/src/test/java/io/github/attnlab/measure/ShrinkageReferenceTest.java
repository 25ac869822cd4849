package io.github.attnlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ShrinkageReference}: the closed-form error against a seeded Monte Carlo of fresh-density episodes, against the
 * projection estimator, the local exponent against finite differences and its limit $(2s-1)/(2s)$, and refusals.
 */
class ShrinkageReferenceTest {

    private static final double S = 2;
    private static final double A = 0.4;
    private static final int M = 64;

    /** Monte Carlo mean squared error of the predictor (centred target) over fresh-density episodes. */
    private static double[] monteCarlo(ShrinkageReference ref, int n, int episodes, long seed) {
        Random rnd = new Random(seed);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < episodes; i++) {
            MixtureContext m = MixtureContext.random(2, S, A, M, rnd.nextLong());
            MixtureContext.Episode e = m.episode(n, rnd);
            double err = ref.predict(e) - (2 * Math.PI * e.target() - 1);
            sum += err * err;
            sq += err * err * err * err;
        }
        double mean = sum / episodes;
        return new double[] {mean, Math.sqrt((sq / episodes - mean * mean) / episodes)};
    }

    @Test
    void closedFormMatchesMonteCarlo() {
        for (int n : new int[] {4, 32}) {
            ShrinkageReference ref = ShrinkageReference.of(S, A, M);
            double[] mc = monteCarlo(ref, n, 8000, 11 + n);
            double expected = ref.expectedError(n);
            assertEquals(expected, mc[0], 4 * mc[1], "n = " + n + ": closed form " + expected + ", Monte Carlo " + mc[0]
                    + " +- " + mc[1]);
        }
    }

    @Test
    void fewerHarmonicsMatchMonteCarloToo() {
        ShrinkageReference ref = ShrinkageReference.of(S, A, M, 1);
        double[] mc = monteCarlo(ref, 64, 8000, 5);
        assertEquals(ref.expectedError(64), mc[0], 4 * mc[1]);
        assertTrue(ref.expectedError(64) > ShrinkageReference.of(S, A, M).expectedError(64));
    }

    @Test
    void beatsTheProjectionEstimatorAtItsBestCutoffAndTheUniformPredictor() {
        ShrinkageReference ref = ShrinkageReference.of(S, A, M);
        for (int n : new int[] {1, 8, 64, 1024}) {
            int k = MixtureContext.cutoff(S, A, M, n);
            // the projection error on the density's scale, times (2 pi)^2 for the centred target
            double projection = 4 * Math.PI * Math.PI * MixtureContext.expectedError(S, A, M, n, k);
            assertTrue(ref.expectedError(n) < projection, "n = " + n);
            assertTrue(ref.expectedError(n) < ref.uniformError(), "n = " + n);
        }
        assertEquals(ref.uniformError(), ref.expectedError(1e-12), 1e-9);
        assertEquals(A * A / 3 * 1.0823, ref.uniformError(), 1e-3); // 4 sum_k A^2 k^-4 / 12, zeta(4) = 1.0823
    }

    @Test
    void weightsGrowWithTheContextAndShrinkWithTheHarmonic() {
        ShrinkageReference ref = ShrinkageReference.of(S, A, M, 8);
        assertTrue(ref.weight(1, 16) < ref.weight(1, 64));
        assertTrue(ref.weight(3, 64) < ref.weight(1, 64));
        assertEquals(0, ref.weight(9, 64));
        assertEquals(A * A / 12 / 16, ref.priorVariance(2), 1e-15);
    }

    @Test
    void localExponentIsTheDerivativeAndTendsToTheMinimaxExponent() {
        ShrinkageReference ref = ShrinkageReference.of(S, A, M);
        for (double n : new double[] {8, 128, 4096}) {
            double h = 1e-4;
            double fd = -(Math.log(ref.expectedError(n * Math.exp(h))) - Math.log(ref.expectedError(n * Math.exp(-h))))
                    / (2 * h);
            assertEquals(fd, ref.localExponent(n), 1e-6, "n = " + n);
        }
        assertTrue(ref.localExponent(8) < 0.3, "small n is far from the asymptotic exponent");
        ShrinkageReference wide = ShrinkageReference.of(S, A, 1 << 12);
        assertEquals((2 * S - 1) / (2 * S), wide.localExponent(1e12), 0.02);
        ShrinkageReference s3 = ShrinkageReference.of(3, A, 1 << 12);
        assertEquals(5.0 / 6, s3.localExponent(1e15), 0.02);
    }

    @Test
    void refusesBadInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShrinkageReference.of(0.5, A, M)).getMessage()
                .contains("s"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShrinkageReference.of(S, 0.7, M)).getMessage()
                .contains("amplitude"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShrinkageReference.of(S, A, M, 65)).getMessage()
                .contains("harmonics"));
        ShrinkageReference ref = ShrinkageReference.of(S, A, M);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ref.expectedError(0)).getMessage().contains("n"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ref.predict(new double[0], 1)).getMessage()
                .contains("angles"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ref.weight(0, 4)).getMessage().contains("k"));
    }
}
