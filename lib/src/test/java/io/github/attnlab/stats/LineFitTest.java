package io.github.attnlab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineFitTest {

    @Test
    void recoversAnExactLine() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-10, 10);
            y[i] = 3 - 2 * x[i];
        }
        LineFit f = LineFit.of(x, y);
        assertEquals(-2, f.slope(), 1e-12);
        assertEquals(3, f.intercept(), 1e-11);
        assertEquals(50, f.n());
        assertEquals(3 - 2 * 4.5, f.at(4.5), 1e-11);
    }

    @Test
    void logLogRecoversAPowerLawExponent() {
        double[] x = {8, 16, 32, 64, 128, 256};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 5 * Math.pow(x[i], -0.75);
        }
        LineFit f = LineFit.logLog(x, y);
        assertEquals(-0.75, f.slope(), 1e-12);
        assertEquals(Math.log(5), f.intercept(), 1e-12);
    }

    @Test
    void noisySlopeIsWithinItsStandardError() {
        // slope se = sigma / sqrt(sum (x - mean)^2) = 0.5 / sqrt(2000 * 1/3) ~ 0.019; allow 4 se
        SplittableRandom rng = new SplittableRandom(11);
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-1, 1);
            y[i] = 1 + 0.4 * x[i] + 0.5 * gaussian(rng);
        }
        assertEquals(0.4, LineFit.of(x, y).slope(), 4 * 0.5 / Math.sqrt(n / 3.0));
    }

    @Test
    void refusesBadInputByName() {
        double[] two = {1, 2};
        assertMessage(() -> LineFit.of(two, new double[] {1, 2, 3}), "y has 3");
        assertMessage(() -> LineFit.of(new double[] {1}, new double[] {1}), "at least 2");
        assertMessage(() -> LineFit.of(new double[] {2, 2}, two), "x is constant");
        assertMessage(() -> LineFit.of(new double[] {1, Double.NaN}, two), "x");
        assertMessage(() -> LineFit.logLog(two, new double[] {1, 0}), "y[1]");
        assertMessage(() -> LineFit.logLog(new double[] {-1, 2}, two), "x[0]");
        assertMessage(() -> LineFit.logLog(new double[] {1, Double.POSITIVE_INFINITY}, two), "x[1]");
    }

    private static void assertMessage(Runnable r, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
