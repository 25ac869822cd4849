package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineLimitsTest {

    private static final double TOL = 1e-12;
    private final MachineLimits limits = new MachineLimits(40, 47, 268, 136, "512-bit");

    @Test
    void triadCountsTwentyFourBytesPerElement() {
        // 10^9 elements in 1 s: 24 GB/s
        assertEquals(24, MachineLimits.triadGBs(1_000_000_000L, 1.0), TOL);
        assertEquals(48, MachineLimits.triadGBs(1_000_000_000L, 0.5), TOL);
    }

    @Test
    void fmaCountsTwoFlopsPerLane() {
        // 10^9 FMAs on 16 lanes in 1 s: 32 GFLOP/s
        assertEquals(32, MachineLimits.fmaGflops(1_000_000_000L, 16, 1.0), TOL);
    }

    @Test
    void fractionIsRateOverTheMatchingLimit() {
        // 134 MB in 16 ms = 8.39 GB/s of 40
        assertEquals(134.217728e6 / 0.016 / 1e9 / 40, limits.fraction(Limit.TRIAD, 134.217728e6, 0.016), TOL);
        assertEquals(0.5, limits.fraction(Limit.FMA_FP32, 134e9, 1.0), TOL);
        assertEquals(0.5, limits.fraction(Limit.FMA_FP64, 68e9, 1.0), TOL);
        assertTrue(Double.isNaN(limits.fraction(Limit.NONE, 1, 1)));
    }

    @Test
    void badInputIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> limits.fraction(Limit.TRIAD, 1, 0));
        assertTrue(e.getMessage().startsWith("seconds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MachineLimits(0, 1, 1, 1, "x"));
        assertTrue(e.getMessage().startsWith("triad1GBs"), e.getMessage());
    }
}
