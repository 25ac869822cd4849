package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The example of docs/papers/B.md §B (closing facts): z = [−2, 0, 0.5], against the published four-digit
 * values and against closed forms derived by hand.
 */
class PublishedValuesTest {

    /** The published values have four decimals. */
    private static final double PUBLISHED = 5e-5;
    /** Closed forms against the library: rounding only. */
    private static final double EXACT = 1e-15;

    private static final double[] Z = {-2, 0, 0.5};

    @Test
    void softmax() {
        double[] p = Normalizer.softmax().apply(Z).probabilities();
        assertArrayEquals(new double[] {0.0486, 0.3592, 0.5922}, p, PUBLISHED);
        double zsum = Math.exp(-2) + 1 + Math.exp(0.5);
        assertArrayEquals(new double[] {Math.exp(-2) / zsum, 1 / zsum, Math.exp(0.5) / zsum}, p, EXACT);
        assertEquals(Math.log(zsum), Normalizer.softmax().apply(Z).threshold(), EXACT);
    }

    @Test
    void sparsemax() {
        for (ThresholdMethod m : ThresholdMethod.values()) {
            Normalized r = Normalizer.sparsemax(m).apply(Z);
            assertArrayEquals(new double[] {0, 0.25, 0.75}, r.probabilities(), EXACT, m.name());
            assertEquals(-0.25, r.threshold(), EXACT, m.name()); // (0 + 0.5 - 1) / 2
            assertArrayEquals(new int[] {1, 2}, r.support());
        }
    }

    @Test
    void entmax15() {
        // support {1, 2}, x = z/2 = [-1, 0, 0.25]: (0 - t)^2 + (0.25 - t)^2 = 1, the smaller root
        double tau = (0.5 - Math.sqrt(7.75)) / 4;
        double[] exact = {0, tau * tau, (0.25 - tau) * (0.25 - tau)};
        for (ThresholdMethod m : new ThresholdMethod[] {ThresholdMethod.SORT, ThresholdMethod.BISECTION}) {
            Normalized r = Normalizer.entmax(1.5, m).apply(Z);
            assertArrayEquals(new double[] {0, 0.3260, 0.6740}, r.probabilities(), PUBLISHED, m.name());
            assertArrayEquals(exact, r.probabilities(), 4 * EXACT, m.name());
            assertEquals(tau, r.threshold(), 4 * EXACT, m.name());
        }
    }
}
