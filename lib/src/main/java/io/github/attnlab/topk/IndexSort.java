package io.github.attnlab.topk;

/**
 * Sorts an index array by the values it points to, descending, ties by index ascending.
 *
 * <p>The order is total, so the result is unique and the same on every run. Introsort-like: median-of-three quicksort,
 * insertion sort on short ranges, recursion on the smaller side only (stack depth below
 * $\log_2 n$). No allocation.
 */
final class IndexSort {

    private static final int INSERTION = 24;

    private IndexSort() {
    }

    /** Sorts {@code idx[0..n)} so that {@code keys[off + idx[i]]} is non-increasing. */
    static void descending(double[] keys, int off, int[] idx, int n) {
        sort(keys, off, idx, 0, n - 1);
    }

    /** True when the element at index a must come before the element at index b. */
    private static boolean before(double[] keys, int off, int a, int b) {
        double x = keys[off + a];
        double y = keys[off + b];
        return x > y || (x == y && a < b);
    }

    private static void sort(double[] keys, int off, int[] idx, int lo, int hi) {
        while (hi - lo >= INSERTION) {
            int mid = (lo + hi) >>> 1;
            if (before(keys, off, idx[mid], idx[lo])) {
                swap(idx, mid, lo);
            }
            if (before(keys, off, idx[hi], idx[lo])) {
                swap(idx, hi, lo);
            }
            if (before(keys, off, idx[hi], idx[mid])) {
                swap(idx, hi, mid);
            }
            int pivot = idx[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (before(keys, off, idx[i], pivot)) {
                    i++;
                }
                while (before(keys, off, pivot, idx[j])) {
                    j--;
                }
                if (i <= j) {
                    swap(idx, i, j);
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sort(keys, off, idx, lo, j);
                lo = i;
            } else {
                sort(keys, off, idx, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            int v = idx[i];
            int j = i - 1;
            while (j >= lo && before(keys, off, v, idx[j])) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = v;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
