package io.github.attnlab.core;

/**
 * The one argsort of the library: the indices of a range of doubles in ascending or descending order of value,
 * ties by index ascending, so the order is total, unique and the same on every run.
 *
 * <p>Two surfaces. {@link #ascending(double...)} and {@link #descending(double...)} return a new permutation (for
 * notebook cells and setup code). An {@code ArgSort} instance is a reusable workspace for loops:
 * {@link #descending(double[], int, int, int[])} writes into a caller's array and allocates only when a row is
 * longer than any before.
 *
 * <p>Rows of at least {@value #RADIX_MIN} values are ranked by a stable LSD radix sort on order-preserving 64-bit
 * keys, $O(n)$ (bytes on which all keys agree are skipped, so rows of similar magnitudes sort in few passes);
 * shorter rows by an introsort-like comparison sort (median-of-three quicksort, insertion sort on short ranges,
 * recursion on the smaller side only, no allocation). Both give the same order. $-0$ and $+0$ compare equal;
 * $\pm\infty$ sort as numbers; NaN is refused.
 */
public final class ArgSort {

    /** From this length on, the radix sort is used (below it the comparison sort is faster). */
    public static final int RADIX_MIN = 96;
    private static final int INSERTION = 24;

    private long[] keys = new long[0];
    private long[] keysTmp = new long[0];
    private int[] idxTmp = new int[0];
    private final int[] count = new int[257];

    /** An empty workspace; its buffers grow to the longest row sorted. */
    public ArgSort() {
    }

    /** The permutation that sorts {@code values} descending (ties by index ascending). */
    public static int[] descending(double... values) {
        Check.notNull("values", values);
        return new ArgSort().sort(values, 0, values.length, new int[values.length], true);
    }

    /** The permutation that sorts {@code values} ascending (ties by index ascending). */
    public static int[] ascending(double... values) {
        Check.notNull("values", values);
        return new ArgSort().sort(values, 0, values.length, new int[values.length], false);
    }

    /**
     * Writes into {@code order[0, n)} the indices $i \in [0, n)$ of {@code values[off + i]} in descending order;
     * returns {@code order}.
     */
    public int[] descending(double[] values, int off, int len, int[] order) {
        return sort(values, off, len, order, true);
    }

    /** As {@link #descending(double[], int, int, int[])}, ascending. */
    public int[] ascending(double[] values, int off, int len, int[] order) {
        return sort(values, off, len, order, false);
    }

    private int[] sort(double[] values, int off, int n, int[] order, boolean desc) {
        Check.notNull("values", values);
        Check.notNull("order", order);
        if (n < 0 || off < 0 || (long) off + n > values.length) {
            throw new IllegalArgumentException("values: off = " + off + ", len = " + n + " give [" + off + ", "
                    + ((long) off + n) + "), which is not inside an array of length " + values.length);
        }
        if (order.length < n) {
            throw new IllegalArgumentException("order has length " + order.length + ", need at least " + n);
        }
        for (int i = 0; i < n; i++) {
            if (values[off + i] != values[off + i]) {
                throw new IllegalArgumentException("values[" + (off + i) + "] is NaN");
            }
            order[i] = i;
        }
        if (n < RADIX_MIN) {
            quick(values, off, order, 0, n - 1, desc);
        } else {
            radix(values, off, n, order, desc);
        }
        return order;
    }

    /** True when the element at index a must come before the one at index b. */
    private static boolean before(double[] v, int off, int a, int b, boolean desc) {
        double x = v[off + a];
        double y = v[off + b];
        return (desc ? x > y : x < y) || (x == y && a < b);
    }

    private static void quick(double[] v, int off, int[] idx, int lo, int hi, boolean desc) {
        while (hi - lo >= INSERTION) {
            int mid = (lo + hi) >>> 1;
            if (before(v, off, idx[mid], idx[lo], desc)) {
                swap(idx, mid, lo);
            }
            if (before(v, off, idx[hi], idx[lo], desc)) {
                swap(idx, hi, lo);
            }
            if (before(v, off, idx[hi], idx[mid], desc)) {
                swap(idx, hi, mid);
            }
            int pivot = idx[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (before(v, off, idx[i], pivot, desc)) {
                    i++;
                }
                while (before(v, off, pivot, idx[j], desc)) {
                    j--;
                }
                if (i <= j) {
                    swap(idx, i, j);
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                quick(v, off, idx, lo, j, desc);
                lo = i;
            } else {
                quick(v, off, idx, i, hi, desc);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            int x = idx[i];
            int j = i - 1;
            while (j >= lo && before(v, off, x, idx[j], desc)) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = x;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /**
     * A double's bits map to a long whose unsigned order is the numeric order (flip all bits of negatives, the
     * sign bit of the others; $-0$ is first turned into $+0$); complementing gives descending order.
     */
    private void radix(double[] s, int off, int n, int[] order, boolean desc) {
        if (keys.length < n) {
            keys = new long[n];
            keysTmp = new long[n];
            idxTmp = new int[n];
        }
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(s[off + i] + 0.0); // -0.0 + 0.0 == +0.0
            long ascending = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            keys[i] = desc ? ~ascending : ascending;
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
