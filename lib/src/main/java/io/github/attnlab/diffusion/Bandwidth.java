package io.github.attnlab.diffusion;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a Gaussian affinity $k(x, y) = \exp(-\|x - y\|^2 / \varepsilon)$ chooses its scale
 * (Coifman and Lafon, "Diffusion maps", ACHA 2006; docs/papers/C.md §C.3).
 *
 * <ul>
 *   <li>{@link #fixed(double)}: a given $\varepsilon$;</li>
 *   <li>{@link #median(double)}: $\varepsilon = c \cdot \mathrm{median}_{i \ne j} \|x_i - x_j\|^2$, the
 *       usual heuristic, invariant to a rescaling of the data;</li>
 *   <li>{@link #selfTuning(int)}: $k(x_i, x_j) = \exp(-\|x_i - x_j\|^2 / (\sigma_i \sigma_j))$ with
 *       $\sigma_i$ the distance from $x_i$ to its $k$-th nearest neighbour (Zelnik-Manor and Perona,
 *       NIPS 2004), for data of uneven density.</li>
 * </ul>
 */
public final class Bandwidth {

    private enum Kind { FIXED, MEDIAN, SELF_TUNING }

    private final Kind kind;
    private final double value;
    private final int neighbours;

    private Bandwidth(Kind kind, double value, int neighbours) {
        this.kind = kind;
        this.value = value;
        this.neighbours = neighbours;
    }

    /** $\varepsilon$ given; it must be positive and finite. */
    public static Bandwidth fixed(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon = " + epsilon + " must be positive and finite");
        }
        return new Bandwidth(Kind.FIXED, epsilon, 0);
    }

    /** $\varepsilon$ = the median squared distance between distinct points. */
    public static Bandwidth median() {
        return median(1.0);
    }

    /** $\varepsilon$ = {@code factor} times the median squared distance between distinct points. */
    public static Bandwidth median(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor = " + factor + " must be positive and finite");
        }
        return new Bandwidth(Kind.MEDIAN, factor, 0);
    }

    /** Local scales $\sigma_i$ = distance to the {@code k}-th nearest other point. */
    public static Bandwidth selfTuning(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + " must be at least 1");
        }
        return new Bandwidth(Kind.SELF_TUNING, Double.NaN, k);
    }

    /** The scales resolved on a set of squared distances: a global $\varepsilon$, or per-point $\sigma_i$. */
    Scales resolve(double[][] sq) {
        int n = sq.length;
        switch (kind) {
            case FIXED:
                return new Scales(value, null, 0);
            case MEDIAN: {
                double[] off = new double[n * (n - 1) / 2];
                int c = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        off[c++] = sq[i][j];
                    }
                }
                double med = median(off);
                if (!(med > 0)) {
                    throw new IllegalArgumentException("the median squared distance is " + med
                            + " (too many coincident points); use Bandwidth.fixed");
                }
                return new Scales(value * med, null, 0);
            }
            default: {
                if (neighbours >= n) {
                    throw new IllegalArgumentException("selfTuning k = " + neighbours + " needs more than " + n + " points");
                }
                double[] sigma = new double[n];
                for (int i = 0; i < n; i++) {
                    sigma[i] = kthScale(sq[i], neighbours);
                }
                return new Scales(Double.NaN, sigma, neighbours);
            }
        }
    }

    static double median(double[] a) {
        if (a.length == 0) {
            return Double.NaN;
        }
        double[] s = a.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /** $\sqrt{}$ of the {@code k}-th smallest squared distance (index 0 is the point itself). */
    static double kthScale(double[] sqRow, int k) {
        double[] s = sqRow.clone();
        Arrays.sort(s);
        double sigma = Math.sqrt(s[Math.min(k, s.length - 1)]);
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("self-tuning scale is 0: more than " + k + " coincident points");
        }
        return sigma;
    }

    /** Resolved scales: a global epsilon, or one sigma per point. */
    record Scales(double epsilon, double[] sigma, int k) {
        double kernel(int i, int j, double sq) {
            return sigma == null ? Math.exp(-sq / epsilon) : Math.exp(-sq / (sigma[i] * sigma[j]));
        }

        /** The kernel row of a new point against the data, from its squared distances to them. */
        double[] kernelRow(double[] sqToData) {
            double[] row = new double[sqToData.length];
            double sy = sigma == null ? Double.NaN : kthScale(sqToData, k);
            for (int j = 0; j < row.length; j++) {
                row[j] = sigma == null ? Math.exp(-sqToData[j] / epsilon) : Math.exp(-sqToData[j] / (sy * sigma[j]));
            }
            return row;
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case FIXED:
                return String.format(Locale.ROOT, "Bandwidth[epsilon=%.4g]", value);
            case MEDIAN:
                return String.format(Locale.ROOT, "Bandwidth[%.4g x median squared distance]", value);
            default:
                return "Bandwidth[self-tuning, k=" + neighbours + "]";
        }
    }
}
