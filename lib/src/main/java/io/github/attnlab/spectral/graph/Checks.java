package io.github.attnlab.spectral.graph;

/**
 * Argument checks shared by the spectral packages; each throws an {@link IllegalArgumentException}
 * whose message names the argument, the position and the value.
 */
public final class Checks {

    private Checks() {
    }

    /** Checks {@code 0 <= i < n}. */
    public static void index(String what, int i, int n) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException(what + " index " + i + " is outside [0, " + (n - 1) + "]");
        }
    }

    /** Checks that entry $(i, j)$ of {@code what} is finite. */
    public static void finite(String what, int i, int j, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + "[" + i + "][" + j + "] is " + v);
        }
    }

    /** Checks that {@code a} is a non-empty rectangular matrix and returns its number of rows. */
    public static int rectangular(String what, double[][] a) {
        if (a == null || a.length == 0 || a[0] == null || a[0].length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i] == null || a[i].length != a[0].length) {
                throw new IllegalArgumentException(what + " is not rectangular: row 0 has " + a[0].length
                        + " entries, row " + i + " has " + (a[i] == null ? "none" : a[i].length));
            }
        }
        return a.length;
    }

    /** Checks that {@code a} is a non-empty square matrix and returns its size. */
    public static int square(String what, double[][] a) {
        int n = rectangular(what, a);
        if (a[0].length != n) {
            throw new IllegalArgumentException(what + " is not square: " + n + "x" + a[0].length);
        }
        return n;
    }

    /** Checks that a vector has length {@code n} and finite entries. */
    public static void vector(String what, double[] x, int n) {
        if (x == null || x.length != n) {
            throw new IllegalArgumentException(what + " has length " + (x == null ? "null" : x.length) + ", need " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + x[i]);
            }
        }
    }

    /** Checks {@code lo <= v <= hi} for an integer parameter. */
    public static void range(String what, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(what + " = " + v + " is outside [" + lo + ", " + hi + "]");
        }
    }

    /** Checks that a real parameter is finite and positive. */
    public static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " = " + v + " must be finite and > 0");
        }
    }
}
