package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense immutable 3-tensor $T_{ijk}$, stored row-major ($k$ fastest): the data that partition
 * trees organise, for example a network's attention as query $\times$ key $\times$ head
 * (docs/papers/C.md §C.2). A matrix is the tensor with a third axis of length 1.
 */
public final class Tensor3 {

    private final int n0;
    private final int n1;
    private final int n2;
    private final double[] data;

    private Tensor3(int n0, int n1, int n2, double[] data) {
        this.n0 = n0;
        this.n1 = n1;
        this.n2 = n2;
        this.data = data;
    }

    /** A copy of {@code a[i][j][k]}; every entry must be finite and the array rectangular. */
    public static Tensor3 of(double[][][] values) {
        Check.notNull("values", values);
        int d0 = values.length;
        int d1 = d0 == 0 || values[0] == null ? 0 : values[0].length;
        int d2 = d1 == 0 || values[0][0] == null ? 0 : values[0][0].length;
        if (d0 < 1 || d1 < 1 || d2 < 1) {
            throw new IllegalArgumentException("values is " + d0 + " x " + d1 + " x " + d2 + ": an axis is empty");
        }
        double[] data = new double[d0 * d1 * d2];
        for (int i = 0; i < d0; i++) {
            if (values[i].length != d1) {
                throw new IllegalArgumentException("values[" + i + "] has " + values[i].length + " rows, expected " + d1);
            }
            for (int j = 0; j < d1; j++) {
                if (values[i][j].length != d2) {
                    throw new IllegalArgumentException("values[" + i + "][" + j + "] has " + values[i][j].length + " entries, expected "
                            + d2);
                }
                System.arraycopy(values[i][j], 0, data, (i * d1 + j) * d2, d2);
            }
        }
        return checked("values", new Tensor3(d0, d1, d2, data));
    }

    /** A copy of a row-major array of shape {@code n0 x n1 x n2}. */
    public static Tensor3 of(int n0, int n1, int n2, double[] data) {
        Check.notNull("data", data);
        checkDims(n0, n1, n2);
        if (data.length != (long) n0 * n1 * n2) {
            throw new IllegalArgumentException("data has " + data.length + " entries, the shape n0 x n1 x n2 = " + n0 + " x "
                    + n1 + " x " + n2 + " needs " + (long) n0 * n1 * n2);
        }
        return checked("data", new Tensor3(n0, n1, n2, data.clone()));
    }

    /** The matrix {@code m} as an {@code n0 x n1 x 1} tensor. */
    public static Tensor3 ofMatrix(double[][] m) {
        Check.finiteMatrix("m", m);
        double[] data = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, data, i * m[0].length, m[0].length);
        }
        return new Tensor3(m.length, m[0].length, 1, data);
    }

    /**
     * Square matrices of equal size stacked along the last axis: {@code T[i][j][h] = mats.get(h)[i][j]},
     * the query $\times$ key $\times$ head tensor of a list of attention heads.
     */
    public static Tensor3 stack(List<double[][]> mats) {
        Check.notNull("mats", mats);
        if (mats.isEmpty()) {
            throw new IllegalArgumentException("mats is empty");
        }
        int r = mats.get(0).length;
        int c = mats.get(0)[0].length;
        int h = mats.size();
        double[] data = new double[r * c * h];
        for (int k = 0; k < h; k++) {
            double[][] m = mats.get(k);
            Check.finiteMatrix("mats[" + k + "]", m);
            if (m.length != r || m[0].length != c) {
                throw new IllegalArgumentException("mats[" + k + "] is " + m.length + "x" + m[0].length + ", mats[0] is " + r + "x" + c);
            }
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    data[(i * c + j) * h + k] = m[i][j];
                }
            }
        }
        return new Tensor3(r, c, h, data);
    }

    private static void checkDims(int d0, int d1, int d2) {
        Check.positive("n0", d0);
        Check.positive("n1", d1);
        Check.positive("n2", d2);
    }

    private static Tensor3 checked(String name, Tensor3 t) {
        for (int i = 0; i < t.data.length; i++) {
            if (!Double.isFinite(t.data[i])) {
                int k = i % t.n2;
                int j = (i / t.n2) % t.n1;
                throw new IllegalArgumentException(name + ": entry [" + i / (t.n1 * t.n2) + "][" + j + "][" + k + "] is "
                        + t.data[i]);
            }
        }
        return t;
    }

    /** The length of axis {@code axis} (0, 1 or 2). */
    public int dim(int axis) {
        switch (axis) {
            case 0:
                return n0;
            case 1:
                return n1;
            case 2:
                return n2;
            default:
                throw new IllegalArgumentException("axis " + axis + " is not 0, 1 or 2");
        }
    }

    /** The shape {@code {n0, n1, n2}}. */
    public int[] shape() {
        return new int[] {n0, n1, n2};
    }

    /** $T_{ijk}$. */
    public double get(int i, int j, int k) {
        Check.index("i", i, n0);
        Check.index("j", j, n1);
        Check.index("k", k, n2);
        return data[(i * n1 + j) * n2 + k];
    }

    /** A row-major copy of the entries. */
    public double[] toArray() {
        return data.clone();
    }

    /** The entries without a copy, for the library's own loops; never modify it. */
    double[] raw() {
        return data;
    }

    /** The matrix over the other two axes (in their order) at {@code index} of {@code axis}. */
    public double[][] slice(int axis, int index) {
        if (index < 0 || index >= dim(axis)) {
            throw new IllegalArgumentException("index " + index + " is outside axis " + axis + " of length " + dim(axis));
        }
        int ra = axis == 0 ? 1 : 0;
        int ca = axis == 2 ? 1 : 2;
        double[][] m = new double[dim(ra)][dim(ca)];
        int[] ix = new int[3];
        ix[axis] = index;
        for (int r = 0; r < m.length; r++) {
            ix[ra] = r;
            for (int c = 0; c < m[0].length; c++) {
                ix[ca] = c;
                m[r][c] = get(ix[0], ix[1], ix[2]);
            }
        }
        return m;
    }

    /** The tensor with {@code f} applied to every entry. */
    public Tensor3 map(DoubleUnaryOperator f) {
        Check.notNull("f", f);
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(data[i]);
        }
        return checked("values", new Tensor3(n0, n1, n2, d));
    }

    /** The Frobenius norm. */
    public double norm() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Tensor3[%dx%dx%d, norm %.4g]", n0, n1, n2, norm());
    }
}
