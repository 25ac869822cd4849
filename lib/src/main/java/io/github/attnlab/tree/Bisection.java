package io.github.attnlab.tree;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Balanced binary partition trees by recursive bisection of an embedding (PAPERS.md §C.2).
 *
 * <p>Each folder of $m \ge 2$ points is split at the median of its points' projections on their own
 * principal axis (the leading eigenvector of the folder's covariance, by power iteration from a
 * deterministic start), into halves of $\lceil m/2 \rceil$ and $\lfloor m/2 \rfloor$ points; the
 * depth is $\lceil \log_2 n \rceil$. Each axis is oriented like its parent's, so the leaf order runs
 * one way along a curve. With diffusion coordinates as the embedding, the first split
 * follows the leading diffusion coordinate. Ties in the projection keep the point order, so the
 * result is deterministic.
 */
public final class Bisection {

    private static final int POWER_STEPS = 60;

    private Bisection() {
    }

    /** The balanced tree of the points given as rows of {@code embedding}. */
    public static PartitionTree of(double[][] embedding) {
        Permutations.checkMatrix("embedding", embedding);
        int n = embedding.length;
        Integer[] pts = new Integer[n];
        for (int i = 0; i < n; i++) {
            pts[i] = i;
        }
        TreeAssembler asm = new TreeAssembler();
        int root = split(asm, embedding, pts, null);
        return asm.build(root, n);
    }

    private static int split(TreeAssembler asm, double[][] x, Integer[] pts, double[] parentAxis) {
        if (pts.length == 1) {
            return asm.leaf(pts[0]);
        }
        double[] axis = principalAxis(x, pts);
        if (parentAxis != null) {
            double dot = 0;
            for (int d = 0; d < axis.length; d++) {
                dot += axis[d] * parentAxis[d];
            }
            if (dot < 0) { // keep the direction of the parent's axis, so the leaf order runs one way
                for (int d = 0; d < axis.length; d++) {
                    axis[d] = -axis[d];
                }
            }
        }
        double[] proj = new double[x.length];
        for (int p : pts) {
            double s = 0;
            for (int d = 0; d < axis.length; d++) {
                s += axis[d] * x[p][d];
            }
            proj[p] = s;
        }
        Integer[] sorted = pts.clone();
        Arrays.sort(sorted, Comparator.comparingDouble((Integer p) -> proj[p]));
        int half = (sorted.length + 1) / 2;
        int left = split(asm, x, Arrays.copyOfRange(sorted, 0, half), axis);
        int right = split(asm, x, Arrays.copyOfRange(sorted, half, sorted.length), axis);
        return asm.node(new int[] {left, right});
    }

    /** The leading eigenvector of the covariance of the given points (unit length). */
    static double[] principalAxis(double[][] x, Integer[] pts) {
        int dim = x[0].length;
        double[] mean = new double[dim];
        for (int p : pts) {
            for (int d = 0; d < dim; d++) {
                mean[d] += x[p][d] / pts.length;
            }
        }
        double[][] cov = new double[dim][dim];
        for (int p : pts) {
            for (int a = 0; a < dim; a++) {
                double da = x[p][a] - mean[a];
                for (int b = 0; b < dim; b++) {
                    cov[a][b] += da * (x[p][b] - mean[b]);
                }
            }
        }
        double[] v = new double[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = cov[d][d] + 1e-3 * (d + 1); // deterministic start, leaning to the widest coordinate
        }
        normalise(v);
        for (int it = 0; it < POWER_STEPS; it++) {
            double[] w = new double[dim];
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    w[a] += cov[a][b] * v[b];
                }
            }
            if (!normalise(w)) {
                break; // all points coincide: any axis splits them
            }
            v = w;
        }
        return v;
    }

    private static boolean normalise(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        if (!(s > 0)) {
            return false;
        }
        double r = 1 / Math.sqrt(s);
        for (int i = 0; i < v.length; i++) {
            v[i] *= r;
        }
        return true;
    }
}
