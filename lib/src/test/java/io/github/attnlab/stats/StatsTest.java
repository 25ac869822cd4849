package io.github.attnlab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ranks, correlations and their intervals, summaries and shuffles against hand values and simulation. */
class StatsTest {

    private static final double EXACT = 1e-12;

    @Test
    void midRanksShareTies() {
        assertArrayEquals(new double[] {2, 4, 2, 2, 5}, Ranks.of(3, 7, 3, 3, 9), EXACT);
        assertArrayEquals(new double[0], Ranks.of(), EXACT);
    }

    @Test
    void correlationsMatchHandValues() {
        // Pearson of (1,2,3,4,5) and (2,4,5,4,5): r = 6 / sqrt(10 * 6) = 0.7745966692
        Correlation p = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});
        assertEquals(0.7745966692414834, p.r(), EXACT);
        // Fisher interval by hand: z = atanh(r), se = 1/sqrt(2), 95%
        double z = 0.5 * Math.log((1 + p.r()) / (1 - p.r()));
        assertEquals(Math.tanh(z - 1.959963984540054 / Math.sqrt(2)), p.lower(), 1e-9);
        assertEquals(Math.tanh(z + 1.959963984540054 / Math.sqrt(2)), p.upper(), 1e-9);
        // Spearman is invariant under monotone maps and is Pearson of the ranks
        double[] x = {0.1, 5, 2, 9, 7, 3};
        double[] y = {1, 50, 4, 80, 81, 3};
        double[] yExp = Arrays.stream(y).map(Math::exp).toArray();
        assertEquals(Correlation.spearman(x, y).r(), Correlation.spearman(x, yExp).r(), EXACT);
        assertEquals(Correlation.pearson(Ranks.of(x), Ranks.of(y)).r(), Correlation.spearman(x, y).r(), EXACT);
        assertEquals(1, Correlation.spearman(x, x).r(), EXACT);
        assertTrue(Correlation.spearman(x, y).significant() == (Correlation.spearman(x, y).lower() > 0));
        assertTrue(!Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {2, 1, 2, 1}).significant());
    }

    @Test
    void theIntervalCoversAboutAsOftenAsItSays() {
        Random rnd = new Random(3);
        double rho = 0.6;
        int trials = 2000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] x = new double[30];
            double[] y = new double[30];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian();
                y[i] = rho * x[i] + Math.sqrt(1 - rho * rho) * rnd.nextGaussian();
            }
            Correlation c = Correlation.pearson(x, y);
            covered += c.lower() <= rho && rho <= c.upper() ? 1 : 0;
        }
        double rate = (double) covered / trials;
        assertEquals(0.95, rate, 0.02, "coverage of the 95% Fisher interval");
    }

    @Test
    void summariesAndZScores() {
        Summary s = Summary.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(5, s.mean(), EXACT);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), EXACT);
        assertEquals(s.sd() / Math.sqrt(8), s.stdError(), EXACT);
        assertEquals((9 - 5) / s.sd(), s.zScore(9), EXACT);
        assertThrows(IllegalStateException.class, () -> Summary.of(1, 1).zScore(2));
        assertThrows(IllegalArgumentException.class, Summary::of);
    }

    @Test
    void shufflesArePermutationsReproducibleFromTheirSeed() {
        int[] p = Shuffle.permutation(50, 7);
        assertArrayEquals(p, Shuffle.permutation(50, 7));
        assertNotEquals(Arrays.toString(p), Arrays.toString(Shuffle.permutation(50, 8)));
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        // uniform: each value lands in position 0 about equally often
        int[] first = new int[5];
        for (int[] q : Shuffle.permutations(5, 5000, 1)) {
            first[q[0]]++;
        }
        for (int c : first) {
            assertTrue(Math.abs(c - 1000) < 120, Arrays.toString(first));
        }
    }
}
