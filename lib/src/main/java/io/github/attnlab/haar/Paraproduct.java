package io.github.attnlab.haar;

import io.github.attnlab.core.Check;
import io.github.attnlab.tree.PartitionTree;

/**
 * The hierarchical (tensor) paraproduct of $A(f)$ on a pair of partition trees, and its residual
 * (docs/papers/C.md §C.1; Fasina, "Hierarchical paraproducts", arXiv:2602.16644, and Bony's
 * paralinearisation). An immutable configuration; {@link #apply(double[][])} computes.
 *
 * <p>Let $P_{j,k} f$ be the average of $f$ on the folders of the depth-$j$ cut of the row tree times
 * the depth-$k$ cut of the column tree ($P_{0,0} f$ is the mean, $P_{J,K} f = f$ at full depths). With
 * $g = P_{j,k} f$, $a = P_{j+1,k} f - g$, $b = P_{j,k+1} f - g$ and the mixed difference
 * $c = P_{j+1,k+1} f - P_{j+1,k} f - P_{j,k+1} f + g$, the telescoping identity
 * $A(f) = A(P_{0,0} f) + \sum_j [A(P_{j+1,0} f) - A(P_{j,0} f)] + \sum_k [\dots] + \sum_{j,k} \square_{j,k} A$
 * is expanded to second order:
 * $$\tilde A(f) = A(P_{0,0} f) + \sum_{j<J} A'(P_{j,0} f)\, a_{j,0} + \sum_{k<K} A'(P_{0,k} f)\, b_{0,k}
 *   + \sum_{j<J,\,k<K} \big[ A'(g)\, c + A''(g)\, a\, b \big],$$
 * the same terms as the authors' code, summed per scale. The residual
 * $\Delta(A, f) = A(f) - \tilde A(f)$ collects the higher-order terms: for one tree it is
 * $\sum_j [A(P_{j+1} f) - A(P_j f) - A'(P_j f)\, \Delta_j f] = O(\sum_j |\Delta_j f|^2)$, twice as
 * regular as $f$ [derived]; exact (0) for affine $A$.
 */
public final class Paraproduct {

    private final SmoothFunction a;
    private final PartitionTree rows;
    private final PartitionTree cols;

    private Paraproduct(SmoothFunction a, PartitionTree rows, PartitionTree cols) {
        this.a = a;
        this.rows = rows;
        this.cols = cols;
    }

    /** The tensor paraproduct of {@code a} on a row tree and a column tree. */
    public static Paraproduct of(SmoothFunction a, PartitionTree rows, PartitionTree cols) {
        Check.notNull("a", a);
        Check.notNull("rows", rows);
        Check.notNull("cols", cols);
        return new Paraproduct(java.util.Objects.requireNonNull(a, "a"), java.util.Objects.requireNonNull(rows, "rows"),
                java.util.Objects.requireNonNull(cols, "cols"));
    }

    /** The paraproduct of {@code a} on one tree (vectors: a column tree of one point). */
    public static Paraproduct of(SmoothFunction a, PartitionTree tree) {
        Check.notNull("a", a);
        Check.notNull("tree", tree);
        return of(a, tree, PartitionTree.dyadic(1));
    }

    /** Decomposes $A(f)$ for a vector (one tree only). */
    public ParaproductDecomposition apply(double[] f) {
        Check.notNull("f", f);
        if (cols.size() != 1) {
            throw new IllegalArgumentException("a vector needs the one-tree paraproduct");
        }
        double[][] m = new double[f.length][1];
        for (int i = 0; i < f.length; i++) {
            m[i][0] = f[i];
        }
        return apply(m);
    }

    /** Decomposes $A(f)$ for a matrix over the row and column trees. */
    public ParaproductDecomposition apply(double[][] f) {
        Check.notNull("f", f);
        int n1 = rows.size();
        int n2 = cols.size();
        if (f.length != n1) {
            throw new IllegalArgumentException("f has " + f.length + " rows, the row tree " + n1 + " points");
        }
        double[] x = new double[n1 * n2];
        for (int i = 0; i < n1; i++) {
            if (f[i].length != n2) {
                throw new IllegalArgumentException("f[" + i + "] has " + f[i].length + " entries, the column tree " + n2 + " points");
            }
            for (int j = 0; j < n2; j++) {
                if (!Double.isFinite(f[i][j])) {
                    throw new IllegalArgumentException("f[" + i + "][" + j + "] is " + f[i][j]);
                }
                x[i * n2 + j] = f[i][j];
            }
        }
        int bigJ = rows.depth();
        int bigK = cols.depth();
        int[][] rl = new int[bigJ + 1][];
        int[][] cl = new int[bigK + 1][];
        for (int j = 0; j <= bigJ; j++) {
            rl[j] = rows.partition(j);
        }
        for (int k = 0; k <= bigK; k++) {
            cl[k] = cols.partition(k);
        }
        double[][] cur = new double[bigK + 1][];
        for (int k = 0; k <= bigK; k++) {
            cur[k] = average(x, rl[0], cl[k], n2);
        }
        double[] approx = new double[n1 * n2];
        for (int i = 0; i < approx.length; i++) {
            approx[i] = a.value().applyAsDouble(cur[0][i]);
        }
        for (int k = 0; k < bigK; k++) {
            for (int i = 0; i < approx.length; i++) {
                approx[i] += a.first().applyAsDouble(cur[k][i]) * (cur[k + 1][i] - cur[k][i]);
            }
        }
        for (int j = 0; j < bigJ; j++) {
            double[][] next = new double[bigK + 1][];
            for (int k = 0; k <= bigK; k++) {
                next[k] = average(x, rl[j + 1], cl[k], n2);
            }
            for (int i = 0; i < approx.length; i++) {
                approx[i] += a.first().applyAsDouble(cur[0][i]) * (next[0][i] - cur[0][i]);
            }
            for (int k = 0; k < bigK; k++) {
                double[] g = cur[k];
                for (int i = 0; i < approx.length; i++) {
                    double da = next[k][i] - g[i];
                    double db = cur[k + 1][i] - g[i];
                    double dc = next[k + 1][i] - next[k][i] - cur[k + 1][i] + g[i];
                    approx[i] += a.first().applyAsDouble(g[i]) * dc + a.second().applyAsDouble(g[i]) * da * db;
                }
            }
            cur = next;
        }
        double[] applied = new double[n1 * n2];
        for (int i = 0; i < applied.length; i++) {
            applied[i] = a.value().applyAsDouble(x[i]);
        }
        return new ParaproductDecomposition(this, x, applied, approx);
    }

    /** Averages of the row-major n1 x n2 array x on the blocks (row label, column label). */
    static double[] average(double[] x, int[] rowLabel, int[] colLabel, int n2) {
        int kr = max(rowLabel) + 1;
        int kc = max(colLabel) + 1;
        double[] sum = new double[kr * kc];
        int[] count = new int[kr * kc];
        for (int i = 0; i < rowLabel.length; i++) {
            int base = rowLabel[i] * kc;
            for (int j = 0; j < n2; j++) {
                sum[base + colLabel[j]] += x[i * n2 + j];
                count[base + colLabel[j]]++;
            }
        }
        double[] out = new double[x.length];
        for (int i = 0; i < rowLabel.length; i++) {
            int base = rowLabel[i] * kc;
            for (int j = 0; j < n2; j++) {
                out[i * n2 + j] = sum[base + colLabel[j]] / count[base + colLabel[j]];
            }
        }
        return out;
    }

    private static int max(int[] v) {
        int m = 0;
        for (int x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** The smooth function. */
    public SmoothFunction function() {
        return a;
    }

    /** The row tree. */
    public PartitionTree rows() {
        return rows;
    }

    /** The column tree. */
    public PartitionTree cols() {
        return cols;
    }

    @Override
    public String toString() {
        return "Paraproduct[" + a.name() + " on " + rows.size() + "x" + cols.size() + " trees of depths " + rows.depth()
                + " and " + cols.depth() + "]";
    }
}
