package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;

/**
 * An immutable sparse matrix in compressed sparse row (CSR) form.
 *
 * <p>Row $i$ holds the entries {@code value(p)} at columns {@code column(p)} for
 * {@code p} in {@code [rowStart(i), rowStart(i+1))}, columns strictly increasing. Explicit zeros
 * are not stored. The product $y = Ax$ computes each row as one gather dot product through
 * {@link SimdOps#gatherDot}.
 *
 * <p>Why not EJML's {@link DMatrixSparseCSC}: it is mutable (public arrays that a re-run notebook
 * cell could change), stored by columns (attention is read by rows: one query's keys) and its
 * matrix–vector product scatters column by column. {@link #toEjml()} and {@link #fromEjml} convert
 * both ways, so EJML's sparse algorithms stay one call away.
 */
public final class SparseMatrix {

    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] colIndex;
    private final double[] values;

    SparseMatrix(int rows, int cols, int[] rowStart, int[] colIndex, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.colIndex = colIndex;
        this.values = values;
    }

    /** A builder for a {@code rows × cols} matrix; duplicate entries are summed. */
    public static SparseMatrixBuilder builder(int rows, int cols) {
        return new SparseMatrixBuilder(rows, cols);
    }

    /** The non-zero entries of a dense rectangular matrix, which must be finite. */
    public static SparseMatrix fromDense(double[][] matrix) {
        int r = Check.rectangular("matrix", matrix);
        int c = matrix[0].length;
        SparseMatrixBuilder b = builder(r, c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double v = matrix[i][j];
                Check.finite("matrix", i, j, v);
                if (v != 0) {
                    b.add(i, j, v);
                }
            }
        }
        return b.build();
    }

    /** Converts an EJML sparse matrix (its entries must be finite). */
    public static SparseMatrix fromEjml(DMatrixSparseCSC m) {
        Check.notNull("m", m);
        SparseMatrixBuilder b = builder(m.numRows, m.numCols);
        for (int j = 0; j < m.numCols; j++) {
            for (int p = m.col_idx[j]; p < m.col_idx[j + 1]; p++) {
                Check.finite("matrix", m.nz_rows[p], j, m.nz_values[p]);
                b.add(m.nz_rows[p], j, m.nz_values[p]);
            }
        }
        return b.build();
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The number of columns. */
    public int cols() {
        return cols;
    }

    /** The number of stored (non-zero) entries. */
    public int nonZeros() {
        return rowStart[rows];
    }

    /** The position of row {@code i}'s first entry; row {@code i} ends at {@code rowStart(i + 1)}. */
    public int rowStart(int i) {
        Check.index("i", i, rowStart.length);
        return rowStart[i];
    }

    /** The column of the entry at position {@code p}. */
    public int column(int p) {
        Check.index("p", p, colIndex.length);
        return colIndex[p];
    }

    /** The value of the entry at position {@code p}. */
    public double value(int p) {
        Check.index("p", p, values.length);
        return values[p];
    }

    /** The number of entries in row {@code i}. */
    public int rowNonZeros(int i) {
        Check.index("i", i, rows);
        return rowStart[i + 1] - rowStart[i];
    }

    /** Entry $(i, j)$, zero when not stored (binary search in row $i$). */
    public double get(int i, int j) {
        Check.index("i", i, rows);
        Check.index("j", j, cols);
        int p = Arrays.binarySearch(colIndex, rowStart[i], rowStart[i + 1], j);
        return p >= 0 ? values[p] : 0.0;
    }

    /** $\sum_j a_{ij}$ for every row. */
    public double[] rowSums() {
        double[] s = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                s[i] += values[p];
            }
        }
        return s;
    }

    /** $y \leftarrow Ax$ into a caller-supplied array ({@code x} and {@code y} must not alias). */
    public void multiply(double[] x, double[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        multiply(x, y, SimdOps.get());
    }

    /** $y \leftarrow Ax$ on a chosen SIMD path (for benchmarks and path-equivalence tests). */
    public void multiply(double[] x, double[] y, SimdOps ops) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("ops", ops);
        if (x.length != cols || y.length != rows) {
            throw new IllegalArgumentException("multiply: x has length " + x.length + " (need " + cols
                    + "), y has length " + y.length + " (need " + rows + ")");
        }
        if (x == y) {
            throw new IllegalArgumentException("multiply: x and y must be different arrays");
        }
        for (int i = 0; i < rows; i++) {
            y[i] = ops.gatherDot(values, colIndex, rowStart[i], rowStart[i + 1] - rowStart[i], x);
        }
    }

    /** $Ax$ as a new array. */
    public double[] multiply(double[] x) {
        Check.vector("x", x, cols);
        double[] y = new double[rows];
        multiply(x, y);
        return y;
    }

    /** $A^\top$. */
    public SparseMatrix transpose() {
        int[] start = new int[cols + 1];
        for (int p = 0; p < nonZeros(); p++) {
            start[colIndex[p] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            start[j + 1] += start[j];
        }
        int[] next = Arrays.copyOf(start, cols);
        int[] idx = new int[nonZeros()];
        double[] val = new double[nonZeros()];
        for (int i = 0; i < rows; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                int q = next[colIndex[p]]++;
                idx[q] = i;
                val[q] = values[p];
            }
        }
        return new SparseMatrix(cols, rows, start, idx, val);
    }

    /** Whether the matrix is square and $|a_{ij} - a_{ji}| \le tol$ for all entries. */
    public boolean isSymmetric(double tol) {
        if (rows != cols) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                if (Math.abs(values[p] - get(colIndex[p], i)) > tol) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The dense matrix, as a new array. */
    public double[][] toDense() {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                a[i][colIndex[p]] = values[p];
            }
        }
        return a;
    }

    /** The dense matrix as an EJML {@link DMatrixRMaj}. */
    public DMatrixRMaj toEjmlDense() {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                m.unsafe_set(i, colIndex[p], values[p]);
            }
        }
        return m;
    }

    /** The matrix as a new EJML {@link DMatrixSparseCSC} (column-compressed, indices sorted). */
    public DMatrixSparseCSC toEjml() {
        SparseMatrix t = transpose();
        DMatrixSparseCSC m = new DMatrixSparseCSC(rows, cols, nonZeros());
        System.arraycopy(t.rowStart, 0, m.col_idx, 0, cols + 1);
        System.arraycopy(t.colIndex, 0, m.nz_rows, 0, nonZeros());
        System.arraycopy(t.values, 0, m.nz_values, 0, nonZeros());
        m.nz_length = nonZeros();
        m.indicesSorted = true;
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SparseMatrix[%dx%d, %d non-zeros (%.3g%%)]", rows, cols, nonZeros(),
                100.0 * nonZeros() / Math.max(1.0, (double) rows * cols));
    }
}
