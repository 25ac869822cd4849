package io.github.attnlab.core;

/**
 * Recursive median bisection of points along their principal axis: the one splitting rule behind the clustered
 * key blocks of certified top-k search and the balanced partition trees of the questionnaire.
 *
 * <p>A set of $m \ge 2$ points is split at the median of its projections on its own principal axis (the leading
 * eigenvector of its covariance $C = \sum_p (x_p - \bar x)(x_p - \bar x)^\top$, by power iteration
 * $v \leftarrow Cv/\|Cv\|$, computed as $\sum_p (x_p - \bar x)\langle x_p - \bar x, v\rangle$ without forming $C$,
 * from the deterministic start $v_a = C_{aa} + 10^{-3}(a + 1)$), into the $\lceil m/2 \rceil$ points of lowest
 * projection and the $\lfloor m/2 \rfloor$ others. Each axis is oriented like its parent's, so the leaf order runs
 * one way along a curve. Ties in the projection keep the point order ({@link ArgSort}), so the result is
 * deterministic; the arithmetic is plain scalar Java, so it is the same on both SIMD paths.
 */
public final class AxisBisection {

    private AxisBisection() {
    }

    /** What to build from the recursion: a leaf from its points, a node from its two halves. */
    public interface Builder<T> {
        /** A set of at most {@code leafSize} points (indices into the rows of the point matrix). */
        T leaf(int[] points);

        /** The node whose halves are {@code lower} (lower projections) and {@code upper}. */
        T node(T lower, T upper);
    }

    /**
     * Bisects the rows of {@code points} recursively until each set has at most {@code leafSize} points, and
     * builds the result bottom-up.
     *
     * @param points    one point per row (not modified)
     * @param leafSize  the largest set that is not split, at least 1
     * @param powerSteps power-iteration steps per split, at least 1 (more: a more accurate axis)
     */
    public static <T> T build(double[][] points, int leafSize, int powerSteps, Builder<T> builder) {
        Check.finiteMatrix("points", points);
        Check.positive("leafSize", leafSize);
        Check.positive("powerSteps", powerSteps);
        Check.notNull("builder", builder);
        int[] all = new int[points.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return split(points, all, leafSize, powerSteps, null, builder);
    }

    private static <T> T split(double[][] x, int[] idx, int leafSize, int steps, double[] parentAxis,
                               Builder<T> builder) {
        if (idx.length <= leafSize) {
            return builder.leaf(idx);
        }
        double[] axis = principalAxis(x, idx, steps);
        int dim = axis.length;
        if (parentAxis != null && dot(axis, parentAxis, dim) < 0) {
            for (int a = 0; a < dim; a++) {
                axis[a] = -axis[a];
            }
        }
        double[] proj = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            proj[i] = dot(x[idx[i]], axis, dim);
        }
        int[] order = ArgSort.ascending(proj);
        int half = (idx.length + 1) / 2;
        int[] lower = new int[half];
        int[] upper = new int[idx.length - half];
        for (int r = 0; r < idx.length; r++) {
            if (r < half) {
                lower[r] = idx[order[r]];
            } else {
                upper[r - half] = idx[order[r]];
            }
        }
        T lo = split(x, lower, leafSize, steps, axis, builder);
        T hi = split(x, upper, leafSize, steps, axis, builder);
        return builder.node(lo, hi);
    }

    /** The leading eigenvector (unit length) of the covariance of the points {@code idx}, by power iteration. */
    static double[] principalAxis(double[][] x, int[] idx, int steps) {
        int dim = x[0].length;
        int m = idx.length;
        double[] mean = new double[dim];
        for (int p : idx) {
            for (int a = 0; a < dim; a++) {
                mean[a] += x[p][a] / m;
            }
        }
        double[] centred = new double[dim];
        double[] v = new double[dim];
        for (int p : idx) {
            for (int a = 0; a < dim; a++) {
                double c = x[p][a] - mean[a];
                v[a] += c * c;
            }
        }
        for (int a = 0; a < dim; a++) {
            v[a] += 1e-3 * (a + 1); // deterministic start, leaning to the widest coordinate
        }
        if (!normalise(v)) { // squares overflowed: start along the first coordinate
            java.util.Arrays.fill(v, 0);
            v[0] = 1;
        }
        double[] w = new double[dim];
        for (int it = 0; it < steps; it++) {
            java.util.Arrays.fill(w, 0);
            for (int p : idx) {
                for (int a = 0; a < dim; a++) {
                    centred[a] = x[p][a] - mean[a];
                }
                double c = dot(centred, v, dim);
                for (int a = 0; a < dim; a++) {
                    w[a] += c * centred[a];
                }
            }
            if (!normalise(w)) {
                break; // all points coincide: any axis splits them
            }
            double[] t = v;
            v = w;
            w = t;
        }
        return v;
    }

    private static double dot(double[] a, double[] b, int dim) {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static boolean normalise(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        if (!(s > 0) || s == Double.POSITIVE_INFINITY) {
            return false;
        }
        double r = 1 / Math.sqrt(s);
        for (int i = 0; i < v.length; i++) {
            v[i] *= r;
        }
        return true;
    }
}
