package io.github.attnlab.spectral;

import io.github.attnlab.core.Check;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic attention heads with controllable structure, standing in for real heads until real
 * attention tensors are available: $A = \mathrm{softmax}_{\text{rows}}(S)$ with scores
 * $$s_{ij} = \frac{\gamma}{\sqrt r}\langle q_i, k_j\rangle - \frac{|p_i - p_j|}{\ell},$$
 * $q_i, k_j \in \mathbb R^r$ (rank $r$ scores), a locality bias of length $\ell$ on token
 * positions $p$ ($\ell = \infty$: none) and, with $c$ segments, a shared direction per segment
 * added to the queries and keys of its tokens with strength $\sigma$ (so tokens of a segment
 * attend to each other: a planted block structure). With {@code shuffled}, token positions are a
 * random permutation, which hides the block structure from the natural order.
 *
 * @param n        tokens
 * @param rank     $r$
 * @param scale    $\gamma$ (inverse temperature)
 * @param locality $\ell$ (positive infinity for none)
 * @param segments $c$
 * @param strength $\sigma$
 * @param shuffled whether token positions are permuted
 * @param seed     random seed
 */
public record SyntheticAttention(int n, int rank, double scale, double locality, int segments, double strength,
                                 boolean shuffled, long seed) {

    /** Dimension of the value vectors of {@link Head#values()}. */
    public static final int VALUE_DIM = 16;

    /** Validates. */
    public SyntheticAttention {
        Check.range("n", n, 2, 1 << 14);
        Check.range("rank", rank, 1, 4096);
        Check.range("segments", segments, 1, n);
        Check.nonNegative("scale", scale);
        if (!(locality > 0)) {
            throw new IllegalArgumentException("locality = " + locality + " must be > 0 (+Infinity: no locality)");
        }
        Check.nonNegative("strength", strength);
    }

    /** $n$ tokens, rank 16, scale 1, no locality, one segment, natural order, seed 1. */
    public static SyntheticAttention of(int n) {
        return new SyntheticAttention(n, 16, 1, Double.POSITIVE_INFINITY, 1, 0, false, 1);
    }

    /** With rank $r$. */
    public SyntheticAttention withRank(int rank) {
        return new SyntheticAttention(n, rank, scale, locality, segments, strength, shuffled, seed);
    }

    /** With inverse temperature $\gamma$. */
    public SyntheticAttention withScale(double scale) {
        return new SyntheticAttention(n, rank, scale, locality, segments, strength, shuffled, seed);
    }

    /** With locality length $\ell$. */
    public SyntheticAttention withLocality(double locality) {
        return new SyntheticAttention(n, rank, scale, locality, segments, strength, shuffled, seed);
    }

    /** With $c$ planted segments of strength $\sigma$. */
    public SyntheticAttention withSegments(int segments, double strength) {
        return new SyntheticAttention(n, rank, scale, locality, segments, strength, shuffled, seed);
    }

    /** With token positions randomly permuted. */
    public SyntheticAttention withShuffledPositions() {
        return new SyntheticAttention(n, rank, scale, locality, segments, strength, true, seed);
    }

    /** With another seed. */
    public SyntheticAttention withSeed(long seed) {
        return new SyntheticAttention(n, rank, scale, locality, segments, strength, shuffled, seed);
    }

    /** Draws the head. */
    public Head generate() {
        Random r = new Random(seed);
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[i] = i;
        }
        if (shuffled) {
            position = io.github.attnlab.stats.Shuffle.permutation(n, r);
        }
        int[] segment = new int[n];
        for (int i = 0; i < n; i++) {
            segment[i] = (int) ((long) position[i] * segments / n); // contiguous segments of positions
        }
        double[][] centre = gaussian(r, segments, rank);
        double[][] q = gaussian(r, n, rank);
        double[][] k = gaussian(r, n, rank);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < rank; t++) {
                q[i][t] += strength * centre[segment[i]][t];
                k[i][t] += strength * centre[segment[i]][t];
            }
        }
        double[][] a = new double[n][n];
        double f = scale / Math.sqrt(rank);
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < rank; t++) {
                    s += q[i][t] * k[j][t];
                }
                s *= f;
                if (Double.isFinite(locality)) {
                    s -= Math.abs(position[i] - position[j]) / locality;
                }
                a[i][j] = s;
                max = Math.max(max, s);
            }
            double z = 0;
            for (int j = 0; j < n; j++) {
                a[i][j] = Math.exp(a[i][j] - max);
                z += a[i][j];
            }
            for (int j = 0; j < n; j++) {
                a[i][j] /= z;
            }
        }
        return new Head(a, gaussian(r, n, VALUE_DIM), segment);
    }

    private static double[][] gaussian(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    /**
     * A drawn head.
     *
     * @param attention the row-stochastic $n \times n$ matrix $A$
     * @param values    value vectors $V$ ($n \times$ {@value #VALUE_DIM}, standard normal)
     * @param segment   the planted segment of each token
     */
    public record Head(double[][] attention, double[][] values, int[] segment) {

        /** Copies. */
        public Head {
            Check.notNull("attention", attention);
            Check.notNull("values", values);
            Check.notNull("segment", segment);
            attention = copy(attention);
            values = copy(values);
            segment = segment.clone();
        }

        @Override
        public double[][] attention() {
            return copy(attention);
        }

        @Override
        public double[][] values() {
            return copy(values);
        }

        @Override
        public int[] segment() {
            return segment.clone();
        }

        private static double[][] copy(double[][] m) {
            return java.util.Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Head[n=%d, values %dx%d]", attention.length, values.length, values[0].length);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SyntheticAttention[n=%d, rank %d, scale %.3g, locality %s, %d segments (strength %.3g)%s, seed %d]",
                n, rank, scale, Double.isInfinite(locality) ? "none" : String.format(Locale.ROOT, "%.3g", locality),
                segments, strength, shuffled ? ", shuffled" : "", seed);
    }
}
