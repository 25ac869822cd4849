package io.github.attnlab.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bootstrap intervals: the estimate, coverage of a known mean, determinism, checks. */
class IntervalTest {

    /** Coverage of the 95% interval over repeated samples: binomial 2-sigma band around 0.95 at 400 repetitions. */
    private static final double COVERAGE_SLACK = 0.03;

    @Test
    void theMeanOfNormalSamplesIsCoveredAbout95PercentOfTheTime() {
        Random r = new Random(3);
        int covered = 0;
        int reps = 400;
        for (int t = 0; t < reps; t++) {
            double[] x = new double[60];
            for (int i = 0; i < x.length; i++) {
                x[i] = 2 + r.nextGaussian();
            }
            Interval iv = Interval.bootstrap(x.length, s -> {
                double m = 0;
                for (int i : s) {
                    m += x[i];
                }
                return m / s.length;
            }, 0.95, 400, t);
            double mean = java.util.Arrays.stream(x).average().orElseThrow();
            assertEquals(mean, iv.estimate(), 1e-12);
            assertTrue(iv.lo() <= mean && mean <= iv.hi(), iv.toString());
            covered += iv.lo() <= 2 && 2 <= iv.hi() ? 1 : 0;
        }
        // the percentile interval of a mean of 60 normals undercovers slightly (about 0.94)
        assertEquals(0.95, covered / (double) reps, COVERAGE_SLACK + 0.01);
    }

    @Test
    void sameSeedSameIntervalAndChecks() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        assertEquals(Interval.ofMean(x, 9), Interval.ofMean(x, 9));
        Interval iv = Interval.ofMean(x, 9);
        assertEquals(4.5, iv.estimate(), 0);
        assertTrue(iv.above(2) && !iv.above(4), iv.toString());
        assertTrue(iv.toString().startsWith("4.500 ["), iv.toString());
        assertThrows(IllegalArgumentException.class, () -> Interval.ofMean(new double[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> Interval.ofMean(new double[] {1, Double.NaN}, 1));
        assertThrows(IllegalArgumentException.class, () -> Interval.bootstrap(5, s -> 0, 1.5, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> Interval.bootstrap(5, null, 0.95, 10, 1));
    }
}
