package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The radix ranking equals the comparison ranking, ties, signed zeros, infinities and all. */
class RankingTest {

    @Test
    void radixEqualsComparisonSort() {
        Random r = new Random(8);
        RadixRank radix = new RadixRank();
        for (int t = 0; t < 400; t++) {
            int n = 1 + r.nextInt(3000);
            double[] s = new double[n + 3];
            for (int i = 0; i < s.length; i++) {
                switch (r.nextInt(7)) {
                    case 0: s[i] = Math.floor(4 * r.nextGaussian()); break;       // ties
                    case 1: s[i] = r.nextBoolean() ? 0.0 : -0.0; break;            // signed zeros tie
                    case 2: s[i] = Double.NEGATIVE_INFINITY; break;
                    case 3: s[i] = 1e300 * r.nextGaussian(); break;
                    case 4: s[i] = Double.MIN_VALUE * r.nextInt(5) * (r.nextBoolean() ? 1 : -1); break;
                    default: s[i] = r.nextGaussian();
                }
            }
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) {
                expected[i] = i;
            }
            IndexSort.descending(s, 3, expected, n);
            int[] actual = new int[n];
            radix.rank(s, 3, n, actual);
            assertArrayEquals(expected, actual, "instance " + t + ", n = " + n + ": " + Arrays.toString(Arrays.copyOf(s, 8)));
        }
    }

    @Test
    void certifiedTailMassIsMonotoneInK() {
        Random r = new Random(12);
        RankedRow row = new RankedRow();
        for (int t = 0; t < 300; t++) {
            row.rank(Instances.row(r, 600));
            for (int k = 2; k <= row.size(); k++) {
                if (row.tauUpper(k) > row.tauUpper(k - 1)) {
                    throw new AssertionError("instance " + t + ": tauUpper increases at k = " + k);
                }
            }
        }
    }
}
