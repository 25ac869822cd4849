package io.github.attnlab.core;

/**
 * Deep copies of nested arrays, for records and immutable objects that copy their arrays in and out. A null
 * array is refused; a null row is copied as null (validation of the rows is {@link Check}'s job).
 */
public final class Copy {

    private Copy() {
    }

    /** A copy of every row. */
    public static double[][] of(double[][] a) {
        Check.notNull("a", a);
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    /** A copy of every row of every matrix. */
    public static double[][][] of(double[][][] a) {
        Check.notNull("a", a);
        double[][][] c = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            c[i] = of(a[i]);
        }
        return c;
    }

    /** A copy of every row. */
    public static int[][] of(int[][] a) {
        Check.notNull("a", a);
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }
}
