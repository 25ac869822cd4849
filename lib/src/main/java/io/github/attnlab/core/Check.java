package io.github.attnlab.core;

import java.util.Objects;

/**
 * Argument checks with one message format, shared by every package.
 *
 * <p>Each check throws an {@link IllegalArgumentException} whose message names the argument, the position
 * and the value: {@code "k = 0 is outside [1, 12]"}, {@code "logits[17] is NaN"}, {@code "keys is null"}.
 * Integer ranges are always written closed, $[lo, hi]$.
 */
public final class Check {

    private Check() {
    }

    /** Returns {@code value}, or throws {@code "<name> is null"}. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        return value;
    }

    /** Checks $lo \le v \le hi$ for an integer parameter; returns {@code v}. */
    public static int range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " = " + v + " is outside [" + lo + ", " + hi + "]");
        }
        return v;
    }

    /** Checks $0 \le i \le n - 1$ for an index into something of size {@code n}; returns {@code i}. */
    public static int index(String name, int i, int n) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException(name + " = " + i + " is outside [0, " + (n - 1) + "]");
        }
        return i;
    }

    /** Checks $v \ge 1$ for a size or count; returns {@code v}. */
    public static int positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " = " + v + " must be at least 1");
        }
        return v;
    }

    /** Checks that a real parameter is finite and $&gt; 0$; returns it. */
    public static double positive(String name, double v) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " = " + v + " must be finite and > 0");
        }
        return v;
    }

    /** Checks that a real parameter is finite and $\ge 0$; returns it. */
    public static double nonNegative(String name, double v) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " = " + v + " must be finite and >= 0");
        }
        return v;
    }

    /** Checks that a real parameter is finite; returns it. */
    public static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + " must be finite");
        }
        return v;
    }

    /** Checks $lo &lt; v &lt; hi$ (an open interval, e.g. $\varepsilon \in (0, 1)$); returns {@code v}. */
    public static double open(String name, double v, double lo, double hi) {
        if (!(v > lo && v < hi)) {
            throw new IllegalArgumentException(name + " = " + v + " is outside (" + bound(lo) + ", " + bound(hi) + ")");
        }
        return v;
    }

    /** Checks $lo &lt; v \le hi$ (e.g. a density in $(0, 1]$); returns {@code v}. */
    public static double openClosed(String name, double v, double lo, double hi) {
        if (!(v > lo && v <= hi)) {
            throw new IllegalArgumentException(name + " = " + v + " is outside (" + bound(lo) + ", " + bound(hi) + "]");
        }
        return v;
    }

    /** Checks that entry $(i, j)$ of the matrix {@code name} is finite: {@code "name[i][j] is NaN"}; returns it. */
    public static double finite(String name, int i, int j, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is " + v);
        }
        return v;
    }

    /** Checks that every entry of {@code x} is finite; returns {@code x}. */
    public static double[] finite(String name, double[] x) {
        notNull(name, x);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + x[i]);
            }
        }
        return x;
    }

    /** Checks $lo \le v \le hi$ for a real parameter (a closed interval, e.g. $\alpha \in [0, 1]$); returns {@code v}. */
    public static double closed(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(name + " = " + v + " is outside [" + bound(lo) + ", " + bound(hi) + "]");
        }
        return v;
    }

    /** An interval end as written in messages: {@code 0} and {@code 1}, not {@code 0.0} and {@code 1.0}. */
    private static String bound(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** Checks that {@code x} is non-null with exactly {@code n} entries, all finite; returns {@code x}. */
    public static double[] vector(String name, double[] x, int n) {
        notNull(name, x);
        if (x.length != n) {
            throw new IllegalArgumentException(name + " has length " + x.length + ", need " + n);
        }
        return finite(name, x);
    }

    /**
     * Checks that {@code a} is a non-empty rectangular matrix (no null row, every row as long as row 0, at
     * least one column) and returns its number of rows. Entries are not checked.
     */
    public static int rectangular(String name, double[][] a) {
        return matrixRows(name, a);
    }

    /** {@link #rectangular(String, double[][])} for a float matrix. */
    public static int rectangular(String name, float[][] a) {
        return matrixRows(name, a);
    }

    /** {@link #rectangular(String, double[][])} for an int matrix. */
    public static int rectangular(String name, int[][] a) {
        return matrixRows(name, a);
    }

    private static int matrixRows(String name, Object[] a) {
        notNull(name, a);
        if (a.length == 0) {
            throw new IllegalArgumentException(name + " has no rows");
        }
        int cols = -1;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
            int len = java.lang.reflect.Array.getLength(a[i]);
            if (cols < 0) {
                cols = len;
            } else if (len != cols) {
                throw new IllegalArgumentException(name + " is ragged: row 0 has " + cols + " entries, row " + i
                        + " has " + len);
            }
        }
        if (cols == 0) {
            throw new IllegalArgumentException(name + " has no columns");
        }
        return a.length;
    }

    /** As {@link #rectangular(String, double[][])}, and square; returns the size. */
    public static int square(String name, double[][] a) {
        int n = rectangular(name, a);
        if (a[0].length != n) {
            throw new IllegalArgumentException(name + " is not square: " + n + " x " + a[0].length);
        }
        return n;
    }

    /** As {@link #rectangular(String, double[][])}, and every entry finite. */
    public static int finiteMatrix(String name, double[][] a) {
        int rows = rectangular(name, a);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is " + a[i][j]);
                }
            }
        }
        return rows;
    }

    /**
     * Checks that {@code perm} is a permutation of $0, \dots, n - 1$ (non-null, length n, no entry outside
     * $[0, n-1]$, none repeated); returns it.
     */
    public static int[] permutation(String name, int[] perm, int n) {
        notNull(name, perm);
        if (perm.length != n) {
            throw new IllegalArgumentException(name + " has length " + perm.length + ", need " + n);
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int p = perm[i];
            if (p < 0 || p >= n) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + p + " is outside [0, " + (n - 1) + "]");
            }
            if (seen[p]) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + p + " repeats an earlier entry");
            }
            seen[p] = true;
        }
        return perm;
    }

    /**
     * Checks that {@code a} is square and symmetric, $|a_{ij} - a_{ji}| \le tol \cdot \max|a|$, with finite
     * entries; returns its size.
     */
    public static int symmetric(String name, double[][] a, double tolerance) {
        int n = square(name, a);
        finiteMatrix(name, a);
        double max = 0;
        for (double[] row : a) {
            for (double x : row) {
                max = Math.max(max, Math.abs(x));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > tolerance * max) {
                    throw new IllegalArgumentException(name + " is not symmetric: [" + i + "][" + j + "] = " + a[i][j]
                            + " but [" + j + "][" + i + "] = " + a[j][i]);
                }
            }
        }
        return n;
    }

    /** {@link #finiteMatrix} and a deep copy: what factories that validate and copy a matrix need. */
    public static double[][] finiteCopy(String name, double[][] a) {
        int rows = finiteMatrix(name, a);
        double[][] copy = new double[rows][];
        for (int i = 0; i < rows; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    /** Checks that a non-empty range {@code [off, off + len)} lies inside an array of length {@code length}. */
    public static void slice(String name, int length, int off, int len) {
        if (len < 1) {
            throw new IllegalArgumentException(name + ": len = " + len + " must be at least 1");
        }
        if (off < 0 || (long) off + len > length) {
            throw new IllegalArgumentException(name + ": off = " + off + ", len = " + len + " give [" + off + ", "
                    + ((long) off + len) + "), which is not inside an array of length " + length);
        }
    }

    /** Checks that {@code value} equals {@code expected}, for a size that must match; returns it. */
    public static int size(String name, int value, int expected) {
        if (value != expected) {
            throw new IllegalArgumentException(name + " = " + value + ", need " + expected);
        }
        return value;
    }

    /** Checks a condition on the state of an object; throws {@link IllegalStateException} with the message. */
    public static void state(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(Objects.requireNonNull(message));
        }
    }
}
