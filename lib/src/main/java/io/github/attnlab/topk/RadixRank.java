package io.github.attnlab.topk;

/**
 * Ranks doubles in descending order, ties by index ascending, with a stable LSD radix sort on
 * order-preserving 64-bit keys: $O(n)$ per row, and the same order as {@link IndexSort}.
 *
 * <p>A double's bits map to a long whose unsigned order is the numeric order (flip all bits of
 * negatives, the sign bit of the others; $-0$ is first turned into $+0$, which compares equal to it);
 * complementing gives descending order. Bytes on which all keys agree are skipped, so rows of
 * similar magnitudes sort in few passes. Short rows go to {@link IndexSort}.
 */
final class RadixRank {

    /** Below this length, the comparison sort is faster. */
    static final int MIN_LENGTH = 96;

    private long[] keys = new long[0];
    private long[] keysTmp = new long[0];
    private int[] idxTmp = new int[0];
    private final int[] count = new int[257];

    /** Writes into {@code order[0..n)} the indices of {@code s[off..off+n)} ranked descending. */
    void rank(double[] s, int off, int n, int[] order) {
        if (n < MIN_LENGTH) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            IndexSort.descending(s, off, order, n);
            return;
        }
        if (keys.length < n) {
            keys = new long[n];
            keysTmp = new long[n];
            idxTmp = new int[n];
        }
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(s[off + i] + 0.0); // -0.0 + 0.0 == +0.0
            long ascending = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            keys[i] = ~ascending;
            order[i] = i;
        }
        long[] k = keys;
        long[] kt = keysTmp;
        int[] o = order;
        int[] ot = idxTmp;
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((k[i] >>> shift) & 0xFF) + 1]++;
            }
            if (count[(int) ((k[0] >>> shift) & 0xFF) + 1] == n) {
                continue; // every key has the same byte here
            }
            for (int b = 0; b < 256; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int b = (int) ((k[i] >>> shift) & 0xFF);
                int dst = count[b]++;
                kt[dst] = k[i];
                ot[dst] = o[i];
            }
            long[] swapK = k;
            k = kt;
            kt = swapK;
            int[] swapO = o;
            o = ot;
            ot = swapO;
        }
        if (o != order) { // an odd number of passes left the result in the scratch buffer
            System.arraycopy(o, 0, order, 0, n);
        }
    }
}
