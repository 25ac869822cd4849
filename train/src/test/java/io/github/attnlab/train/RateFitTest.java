package io.github.attnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.measure.MixtureContext;
import io.github.attnlab.train.task.MixtureTask;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RateFit} on synthetic curves of known slope, bad input, copying; {@link MixtureTask}'s examples. */
class RateFitTest {

    private static final double[] SIZES = {16, 32, 64, 128, 256};

    private static double[][] curves(double slope, double noise, int seeds, long seed) {
        Random r = new Random(seed);
        double[][] e = new double[seeds][SIZES.length];
        for (int s = 0; s < seeds; s++) {
            for (int j = 0; j < SIZES.length; j++) {
                e[s][j] = 3 * Math.pow(SIZES[j], slope) * Math.exp(noise * r.nextGaussian());
            }
        }
        return e;
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void exactPowerLawGivesItsSlope() {
        double[][] e = curves(-0.75, 0, 3, 1);
        RateFit f = RateFit.of("error", SIZES, e, 7);
        assertEquals(-0.75, f.slope().estimate(), 1e-12);
        assertEquals(-0.75, f.slope().lo(), 1e-12);
        assertEquals(-0.75, f.slope().hi(), 1e-12);
        assertEquals(0.75, f.exponent().estimate(), 1e-12);
        assertFalse(f.agreesWith(0.5));
        assertEquals(3 * Math.pow(100, -0.75), f.fitted(100), 1e-12);
    }

    @Test
    void noisySeedsCoverTheTrueSlope() {
        double[][] e = curves(-0.5, 0.1, 8, 3);
        RateFit f = RateFit.of("error", SIZES, e, 11);
        // 8 seeds, log-normal noise 0.1 per point: the estimate is within a few hundredths of the true slope
        assertEquals(0.5, f.exponent().estimate(), 0.05, f.toString());
        assertTrue(f.exponent().lo() <= f.exponent().estimate() && f.exponent().estimate() <= f.exponent().hi());
        assertTrue(f.exponent().hi() - f.exponent().lo() > 0, "a noisy curve has an interval of positive width");
        assertTrue(f.exponent().hi() - f.exponent().lo() < 0.3, f.toString());
        assertEquals(f.slope().estimate(), RateFit.of("error", SIZES, e, 11).slope().estimate(), 0, "seeded");
    }

    @Test
    void logLogSlopeOfAPowerLaw() {
        assertEquals(2, RateFit.logLogSlope(new double[] {1, 2, 4}, new double[] {1, 4, 16}), 1e-12);
    }

    @Test
    void badInputIsNamed() {
        double[][] ok = curves(-1, 0, 2, 1);
        assertTrue(message(() -> RateFit.of("e", new double[] {4}, new double[][] {{1}, {1}}, 1)).contains("sizes"));
        assertTrue(message(() -> RateFit.of("e", new double[] {4, 2, 8, 16, 32}, ok, 1)).contains("sizes[1]"));
        assertTrue(message(() -> RateFit.of("e", new double[] {0, 2, 4, 8, 16}, ok, 1)).contains("sizes[0]"));
        assertTrue(message(() -> RateFit.of("e", SIZES, new double[][] {ok[0]}, 1)).contains("errors"));
        assertTrue(message(() -> RateFit.of("e", SIZES, new double[][] {ok[0], {1, 2}}, 1)).contains("errors[1]"));
        double[][] bad = curves(-1, 0, 2, 1);
        bad[1][3] = Double.NaN;
        assertTrue(message(() -> RateFit.of("e", SIZES, bad, 1)).contains("errors[1][3]"));
        bad[1][3] = 0;
        assertTrue(message(() -> RateFit.of("e", SIZES, bad, 1)).contains("errors[1][3]"));
        assertTrue(message(() -> RateFit.of(null, SIZES, ok, 1)).contains("name"));
        assertTrue(message(() -> RateFit.logLogSlope(new double[] {1, 1}, new double[] {1, 2})).contains("x"));
        assertTrue(message(() -> RateFit.logLogSlope(new double[] {1, 2}, new double[] {1})).contains("y"));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] sizes = SIZES.clone();
        double[][] e = curves(-1, 0, 2, 1);
        RateFit f = RateFit.of("e", sizes, e, 1);
        double before = f.errors()[0][0];
        sizes[0] = 999;
        e[0][0] = 999;
        assertEquals(16, f.sizes()[0]);
        assertEquals(before, f.errors()[0][0]);
        f.sizes()[0] = 5;
        f.errors()[0][0] = 5;
        assertEquals(16, f.sizes()[0]);
        assertEquals(before, f.errors()[0][0]);
        assertEquals(before, f.meanErrors()[0] * 2 - f.errors()[1][0], 1e-12);
    }

    @Test
    void drawsItself() {
        assertNotNull(RateFit.of("e", SIZES, curves(-1, 0.1, 3, 2), 1).png(200, 120));
    }

    @Test
    void mixtureTaskExamplesAndRecall() {
        MixtureTask t = MixtureTask.random(2, 2, 0.4, 16, 3);
        assertTrue(t.fresh());
        assertEquals(2 + 6 + 1, t.inputDim());
        assertEquals(2 * 5 + 1, t.length(5));
        MixtureContext.Episode a = t.episode(new Random(4), 5);
        MixtureContext.Episode b = t.episode(new Random(4), 5);
        assertEquals(a.target(), b.target(), 0, "seeded");
        assertFalse(a.target() == t.episode(new Random(5), 5).target(), "fresh densities per episode");
        Example ex = t.example(a);
        assertEquals(11, ex.length());
        assertEquals(1, ex.scoredCount());
        assertTrue(ex.scored(10));
        // uniform attention: half of the 10 context tokens belong to the other component
        double[][] p = new double[11][11];
        for (double[] row : p) {
            java.util.Arrays.fill(row, 1.0 / 11);
        }
        assertEquals(5.0 / 11, t.recallError(a, p), 1e-12);
        assertTrue(message(() -> t.recallError(a, new double[3][3])).contains("p"));
        Example other = t.example(t.episode(new Random(6), 4));
        assertTrue(message(() -> t.fixed(List.of(ex, other))).contains("set[1]"));
        assertEquals(ex, t.fixed(List.of(ex)).sample(new Random(1), 5));
        assertTrue(message(() -> MixtureTask.random(2, 2, 0.9, 16, 3)).contains("amplitude")
                || message(() -> MixtureTask.random(2, 2, 0.9, 16, 3)).length() > 0);
    }
}
