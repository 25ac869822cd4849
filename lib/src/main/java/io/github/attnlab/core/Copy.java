package io.github.attnlab.core;

/**
 * Deep copies of nested arrays, for records and immutable objects that copy their arrays in and out. A null
 * array (or row) is copied as null; validation is {@link Check}'s job.
 */
public final class Copy {

    private Copy() {
    }

    /** A copy of every row. */
    public static double[][] of(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    /** A copy of every row of every matrix. */
    public static double[][][] of(double[][][] a) {
        if (a == null) {
            return null;
        }
        double[][][] c = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            c[i] = of(a[i]);
        }
        return c;
    }

    /** A copy of every row. */
    public static int[][] of(int[][] a) {
        if (a == null) {
            return null;
        }
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }
}
