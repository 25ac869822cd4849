package io.github.attnlab.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared root finder against closed forms. */
class RectifiedPowerEquationTest {

    @Test
    void powerOneIsTheShiftedMeanOfTheTopK() {
        Random r = new Random(51);
        for (int it = 0; it < 500; it++) {
            int n = 1 + r.nextInt(50);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextGaussian();
            }
            double t = RectifiedPowerEquation.solve(a, 0, n, 0, 1, 1, max(a) - 1, max(a));
            double s = 0;
            int k = 0;
            for (double x : a) {
                if (x > t) {
                    s += x;
                    k++;
                }
            }
            assertEquals((s - 1) / k, t, 1e-14);
        }
    }

    @Test
    void powerTwoWithOneTermIsASquareRoot() {
        // (c (a - m) - t)^2 = 1 with a single value: t = c (a - m) - 1
        double[] a = {3.0};
        assertEquals(0.5 * (3 - 1) - 1, RectifiedPowerEquation.solve(a, 0, 1, 1, 0.5, 2, -5, 0.99), 1e-15);
        // two equal values: 2 (x - t)^2 = 1
        double[] b = {2.0, 2.0};
        assertEquals(2 - Math.sqrt(0.5), RectifiedPowerEquation.solve(b, 0, 2, 0, 1, 2, 0, 2), 1e-15);
    }

    @Test
    void badBracketsAreRefused() {
        double[] a = {1, 2};
        assertThrows(IllegalArgumentException.class, () -> RectifiedPowerEquation.solve(a, 0, 2, 0, 1, 1, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> RectifiedPowerEquation.solve(a, 0, 2, 0, 1, 0, 0, 1));
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            m = Math.max(m, x);
        }
        return m;
    }
}
