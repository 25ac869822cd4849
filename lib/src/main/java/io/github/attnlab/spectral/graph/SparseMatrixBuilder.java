package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;
import java.util.Arrays;

/**
 * Collects entries $(i, j, v)$ of a {@link SparseMatrix} in any order; {@link #build()} sorts them,
 * sums duplicates and drops entries that are zero. The builder is the one mutable object of this
 * package and is not shared: {@code build()} copies.
 */
public final class SparseMatrixBuilder {

    private final int rows;
    private final int cols;
    private int size;
    private int[] ri = new int[16];
    private int[] ci = new int[16];
    private double[] vs = new double[16];

    SparseMatrixBuilder(int rows, int cols) {
        Check.range("rows", rows, 0, Integer.MAX_VALUE);
        Check.range("cols", cols, 0, Integer.MAX_VALUE);
        this.rows = rows;
        this.cols = cols;
    }

    /** Adds $v$ to entry $(i, j)$; $v$ must be finite. */
    public SparseMatrixBuilder add(int i, int j, double v) {
        Check.index("i", i, rows);
        Check.index("j", j, cols);
        Check.finite("v", v);
        if (size == ri.length) {
            int cap = 2 * size;
            ri = Arrays.copyOf(ri, cap);
            ci = Arrays.copyOf(ci, cap);
            vs = Arrays.copyOf(vs, cap);
        }
        ri[size] = i;
        ci[size] = j;
        vs[size] = v;
        size++;
        return this;
    }

    /** The matrix of the entries added so far. */
    public SparseMatrix build() {
        int[] start = new int[rows + 1];
        for (int t = 0; t < size; t++) {
            start[ri[t] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, rows);
        long[] keyed = new long[size];
        double[] byRowVal = new double[size];
        int[] order = new int[size];
        for (int t = 0; t < size; t++) {
            order[next[ri[t]]++] = t;
        }
        int[] outStart = new int[rows + 1];
        int[] outCol = new int[size];
        double[] outVal = new double[size];
        int nz = 0;
        for (int i = 0; i < rows; i++) {
            int a = start[i];
            int b = start[i + 1];
            for (int p = a; p < b; p++) {
                keyed[p] = ((long) ci[order[p]] << 32) | (p - a);
                byRowVal[p] = vs[order[p]];
            }
            Arrays.sort(keyed, a, b);
            int p = a;
            while (p < b) {
                int col = (int) (keyed[p] >>> 32);
                double sum = 0;
                while (p < b && (int) (keyed[p] >>> 32) == col) {
                    sum += byRowVal[a + (int) (keyed[p] & 0xffffffffL)];
                    p++;
                }
                if (sum != 0) {
                    outCol[nz] = col;
                    outVal[nz] = sum;
                    nz++;
                }
            }
            outStart[i + 1] = nz;
        }
        return new SparseMatrix(rows, cols, outStart, Arrays.copyOf(outCol, nz), Arrays.copyOf(outVal, nz));
    }
}
