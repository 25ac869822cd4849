package io.github.attnlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The argsort equals a stable boxed sort (the reference: ties by index) on both of its algorithms (comparison
 * sort below {@link ArgSort#RADIX_MIN}, radix sort above), ties, signed zeros and infinities included.
 */
class ArgSortTest {

    @Test
    void equalsTheStableBoxedSort() {
        Random r = new Random(8);
        ArgSort work = new ArgSort();
        for (int t = 0; t < 400; t++) {
            int n = 1 + r.nextInt(t % 2 == 0 ? ArgSort.RADIX_MIN : 3000);
            double[] s = new double[n + 3];
            for (int i = 0; i < s.length; i++) {
                switch (r.nextInt(7)) {
                    case 0: s[i] = Math.floor(4 * r.nextGaussian()); break;       // ties
                    case 1: s[i] = r.nextBoolean() ? 0.0 : -0.0; break;            // signed zeros tie
                    case 2: s[i] = r.nextBoolean() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY; break;
                    case 3: s[i] = 1e300 * r.nextGaussian(); break;
                    case 4: s[i] = Double.MIN_VALUE * r.nextInt(5) * (r.nextBoolean() ? 1 : -1); break;
                    default: s[i] = r.nextGaussian();
                }
            }
            double[] row = Arrays.copyOfRange(s, 3, n + 3);
            Comparator<Integer> up = (a, b) -> row[a] == row[b] ? 0 : row[a] < row[b] ? -1 : 1;
            assertArrayEquals(reference(n, up), work.ascending(s, 3, n, new int[n]), "ascending, instance " + t);
            int[] longer = work.descending(s, 3, n, new int[n + 2]); // order may be longer than the row
            assertArrayEquals(reference(n, up.reversed()), Arrays.copyOf(longer, n), "descending, instance " + t);
            assertArrayEquals(reference(n, up.reversed()), ArgSort.descending(row), "static descending " + t);
            assertArrayEquals(reference(n, up), ArgSort.ascending(row), "static ascending " + t);
        }
    }

    private static int[] reference(int n, Comparator<Integer> c) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, c); // stable: ties keep index order
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void refusesNaNAndBadRanges() {
        assertEquals("values[1] is NaN",
                assertThrows(IllegalArgumentException.class, () -> ArgSort.ascending(1, Double.NaN)).getMessage());
        assertEquals("values is null",
                assertThrows(IllegalArgumentException.class, () -> ArgSort.descending((double[]) null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ArgSort().descending(new double[3], 2, 2, new int[2]));
        assertThrows(IllegalArgumentException.class, () -> new ArgSort().descending(new double[3], 0, 3, new int[2]));
        assertEquals(0, ArgSort.ascending().length);
    }
}
