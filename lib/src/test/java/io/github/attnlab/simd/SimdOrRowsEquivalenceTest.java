package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.BitSet;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SimdOps#orRows}: the vector path against the scalar path and both against {@link BitSet#or}, bit for
 * bit, on rows of 1, 7, 8, 9, 31, 1021 and 4099 words (odd, prime and power-of-two lengths around the lane count).
 */
@EnabledIf(value = "vectorModulePresent",
        disabledReason = "the scalar-path run has no jdk.incubator.vector; the default run compares the paths")
class SimdOrRowsEquivalenceTest {

    /** See {@code SimdOpsEquivalenceTest}: the default run has the module, and SimdSelectionTest checks that. */
    static boolean vectorModulePresent() {
        return SimdOps.vector().isPresent();
    }

    static IntStream sizes() {
        return IntStream.of(1, 7, 8, 9, 31, 1021, 4099);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void unionOfRowsIsBitIdentical(int words) {
        SimdOps v = SimdOps.vector().orElseThrow(() -> new AssertionError("jdk.incubator.vector is not in this run"));
        SimdOps s = SimdOps.scalar();
        Random r = new Random(97L * words + 3);
        int rowCount = 9;
        long[] rows = new long[rowCount * words];
        for (int i = 0; i < rows.length; i++) {
            // sparse and dense words alike: AND of random words leaves about a quarter of the bits
            rows[i] = r.nextInt(4) == 0 ? 0L : r.nextLong() & r.nextLong();
        }
        rows[words - 1] = -1L; // a full last word of row 0
        for (int len : new int[] {0, 1, 2, 5, 13}) {
            int off = 3;
            int[] idx = new int[off + len + 2];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = r.nextInt(rowCount);
            }
            long[] expected = reference(rows, words, idx, off, len);
            long[] outS = new long[words + 5];
            long[] outV = new long[words + 5];
            java.util.Arrays.fill(outS, 0x5555L); // stale contents must be overwritten, the margins kept
            java.util.Arrays.fill(outV, 0x5555L);
            s.orRows(rows, words, idx, off, len, outS, 2);
            v.orRows(rows, words, idx, off, len, outV, 2);
            assertArrayEquals(outS, outV, "len = " + len);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(outS, 2, 2 + words), "len = " + len);
            assertArrayEquals(new long[] {0x5555L, 0x5555L}, java.util.Arrays.copyOfRange(outV, 0, 2));
            assertArrayEquals(new long[] {0x5555L, 0x5555L, 0x5555L},
                    java.util.Arrays.copyOfRange(outV, 2 + words, words + 5));
        }
    }

    /** An independent reference: {@link BitSet#or} on the rows as bitsets. */
    private static long[] reference(long[] rows, int words, int[] idx, int off, int len) {
        BitSet acc = new BitSet(64 * words);
        for (int i = off; i < off + len; i++) {
            acc.or(BitSet.valueOf(java.util.Arrays.copyOfRange(rows, idx[i] * words, idx[i] * words + words)));
        }
        return java.util.Arrays.copyOf(acc.toLongArray(), words);
    }
}
