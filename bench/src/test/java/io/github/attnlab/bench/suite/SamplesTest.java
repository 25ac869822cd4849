package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void medianMinMax() {
        Samples odd = new Samples(new double[] {3, 1, 2, 10, 4});
        assertEquals(3, odd.median());
        assertEquals(1, odd.min());
        assertEquals(10, odd.max());
        assertEquals(2.5, new Samples(new double[] {4, 1, 3, 2}).median());
    }

    @Test
    void copiesItsArray() {
        double[] t = {1, 2, 3};
        Samples s = new Samples(t);
        t[0] = 100;
        s.seconds()[1] = 100;
        assertEquals(3, s.max());
    }

    @Test
    void refusesBadTimes() {
        assertThrows(IllegalArgumentException.class, () -> new Samples(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Samples(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new Samples(new double[] {-1}));
    }
}
