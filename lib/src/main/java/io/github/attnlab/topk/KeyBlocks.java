package io.github.attnlab.topk;

import io.github.attnlab.core.AxisBisection;
import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keys grouped into blocks, each with an upper bound on any logit $s_j = c\,\langle q, k_j\rangle$ it
 * can produce: the index behind certified top-k search that scores only part of the keys
 * (docs/papers/A.md §A.8).
 *
 * <p>For a block $b$ with per-channel ranges $[\ell_c, h_c]$, centroid $\bar k_b$ and radius
 * $r_b = \max_{j\in b}\|k_j - \bar k_b\|$, every key of the block satisfies
 * $\langle q, k_j\rangle \le \sum_c \max(q_c\ell_c, q_c h_c)$ (the box bound, as in Quest) and
 * $\langle q, k_j\rangle \le \langle q, \bar k_b\rangle + \|q\|\,r_b$ (the ball bound, Cauchy–Schwarz);
 * the smaller of the two, plus a rounding allowance, bounds the block's logits. With those bounds,
 * {@link #search} scores blocks from the most promising down and stops as soon as the unscored
 * blocks cannot hold more than $\varepsilon$ of the mass.
 *
 * <p>What the search certifies is the tail mass of the <em>exact</em> logits $c\langle q, k_j\rangle$ of
 * the given doubles: the block bounds exceed them, and the scored logits are allowed their dot
 * product's rounding error ({@link #logitError}), so the certificate holds equally for the logits as
 * {@link #logits} computes them. It is never NaN and never below that tail mass, however far a block's
 * bound lies above its logits ({@code docs/certificates.md}, section 4).
 *
 * <p>Blocks are either contiguous pages of the sequence ({@link #contiguous}), natural for long
 * contexts with locality, or groups of nearby keys ({@link #clustered}), found by recursive
 * bisection at the median of the direction of largest spread, which gives tighter balls.
 * Immutable; building costs $O(nd)$ (contiguous) or $O(nd\log n)$ (clustered).
 */
public final class KeyBlocks {

    /** Power-iteration steps per split of {@link #clustered}: enough for a useful axis, cheap at large n. */
    private static final int POWER_STEPS = 12;

    private final double[][] keys;
    private final int dim;
    private final int[][] members;
    private final double[][] lo;
    private final double[][] hi;
    private final double[][] centroid;
    private final double[] radius;
    private final double[] magnitude;
    /** reach[b][c] = max |k_jc| over the keys j of block b. */
    private final double[][] reach;

    private KeyBlocks(double[][] keys, List<int[]> groups) {
        this.keys = keys;
        this.dim = keys[0].length;
        int nb = groups.size();
        this.members = groups.toArray(new int[0][]);
        this.lo = new double[nb][dim];
        this.hi = new double[nb][dim];
        this.centroid = new double[nb][dim];
        this.radius = new double[nb];
        this.magnitude = new double[nb];
        this.reach = new double[nb][dim];
        SimdOps ops = SimdOps.get();
        for (int b = 0; b < nb; b++) {
            Arrays.fill(lo[b], Double.POSITIVE_INFINITY);
            Arrays.fill(hi[b], Double.NEGATIVE_INFINITY);
            for (int j : members[b]) {
                for (int c = 0; c < dim; c++) {
                    lo[b][c] = Math.min(lo[b][c], keys[j][c]);
                    hi[b][c] = Math.max(hi[b][c], keys[j][c]);
                }
                ops.axpy(1.0 / members[b].length, keys[j], 0, centroid[b], 0, dim);
            }
            for (int j : members[b]) {
                radius[b] = Math.max(radius[b], Math.sqrt(ops.squaredDistance(keys[j], 0, centroid[b], 0, dim)));
            }
            for (int c = 0; c < dim; c++) {
                reach[b][c] = Math.max(Math.abs(lo[b][c]), Math.abs(hi[b][c]));
                magnitude[b] = Math.max(magnitude[b], reach[b][c]);
            }
            // The ball bound holds for any centre, so only the computed distances need rounding up.
            radius[b] = Math.nextUp(radius[b] * (1 + 4 * (dim + 4) * Rigor.U));
        }
    }

    /** Keys (one row each, copied) in contiguous blocks of {@code blockSize} positions. */
    public static KeyBlocks contiguous(double[][] keys, int blockSize) {
        double[][] k = Check.finiteCopy("keys", keys);
        Check.positive("blockSize", blockSize);
        List<int[]> groups = new ArrayList<>();
        for (int start = 0; start < k.length; start += blockSize) {
            int len = Math.min(blockSize, k.length - start);
            int[] g = new int[len];
            for (int i = 0; i < len; i++) {
                g[i] = start + i;
            }
            groups.add(g);
        }
        return new KeyBlocks(k, groups);
    }

    /** Keys (copied) in blocks of at most {@code blockSize} nearby keys, by recursive median bisection. */
    public static KeyBlocks clustered(double[][] keys, int blockSize) {
        double[][] k = Check.finiteCopy("keys", keys);
        Check.positive("blockSize", blockSize);
        List<int[]> groups = new ArrayList<>();
        AxisBisection.build(k, blockSize, POWER_STEPS, new AxisBisection.Builder<Void>() {
            @Override
            public Void leaf(int[] points) {
                groups.add(points);
                return null;
            }

            @Override
            public Void node(Void lower, Void upper) {
                return null;
            }
        });
        return new KeyBlocks(k, groups);
    }

    /** The number of keys. */
    public int size() {
        return keys.length;
    }

    /** The number of blocks. */
    public int blocks() {
        return members.length;
    }

    /** The key dimension. */
    public int dim() {
        return dim;
    }

    /** All logits $c\,\langle q, k_j\rangle$, computed exactly as {@link #search} computes the ones it scores. */
    public double[] logits(double[] query, double scale) {
        checkQuery(query, scale);
        double[] s = new double[keys.length];
        SimdOps ops = SimdOps.get();
        for (int j = 0; j < s.length; j++) {
            s[j] = scale * ops.dot(query, 0, keys[j], 0, dim);
        }
        return s;
    }

    /**
     * Certified top-k that scores only part of the keys: blocks are scored in decreasing order of
     * their logit bound until the unscored ones provably hold at most {@code eps} of the mass; then
     * the fewest scored keys whose certified tail mass is at most {@code eps} are kept.
     *
     * <p>The result's {@code tailMassUpper} bounds $\tau(H) = \sum_{j \notin H} e^{s_j} / \sum_j e^{s_j}$ for the
     * exact logits $s_j = c\langle q, k_j\rangle$ (no rounding), in every floating-point regime; it is
     * never NaN ({@code docs/certificates.md}).
     *
     * @param query the query vector $q$
     * @param scale the logit scale $c > 0$ (for attention, $1/\sqrt{d}$)
     * @param eps   the TV budget $\varepsilon \in (0, 1)$
     */
    public SearchResult search(double[] query, double scale, double eps) {
        checkQuery(query, scale);
        RankedRow.checkEps(eps);
        return BlockSearch.run(this, query, scale, eps);
    }

    void checkQuery(double[] query, double scale) {
        if (query == null || query.length != dim) {
            throw new IllegalArgumentException("query has " + (query == null ? "no" : query.length)
                    + " components, keys have " + dim);
        }
        for (int c = 0; c < dim; c++) {
            if (!Double.isFinite(query[c])) {
                throw new IllegalArgumentException("query[" + c + "] is " + query[c]);
            }
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale = " + scale + " must be positive and finite");
        }
    }

    /** Upper bound of every logit of block b, rounding allowance included. */
    double upperBound(int b, double[] q, double qNorm, double scale) {
        SimdOps ops = SimdOps.get();
        double box = 0;
        double absSum = 0;
        for (int c = 0; c < dim; c++) {
            double qc = q[c];
            box += Math.max(qc * lo[b][c], qc * hi[b][c]);
            absSum += Math.abs(qc);
        }
        double ball = ops.dot(q, 0, centroid[b], 0, dim) + qNorm * radius[b];
        // |fl(<q,k>) - <q,k>| <= d u sum|q_c||k_c|, and the bounds themselves round alike: allow 4x that.
        double allowance = 4 * (dim + 2) * Rigor.U * absSum * magnitude[b] + Double.MIN_NORMAL;
        return scale * (Math.min(box, ball) + allowance) * (1 + 4 * Rigor.U);
    }

    /**
     * A bound on $|\hat s_j - s_j|$ for every key j of block b: the rounding of the logit
     * $\hat s_j = fl(c \cdot fl(\langle q, k_j\rangle))$ that {@link #search} scores, against the exact
     * $s_j = c\langle q, k_j\rangle$. A dot product of length d summed in any order (lanes, FMA
     * included) errs by at most $\gamma_d \sum_i |q_i k_{ji}|$ with $\gamma_d = du/(1-du)$, plus $\mu/2$
     * per underflowing product; scaling adds $u|\hat s_j|$. With $|k_{ji}| \le \max(|\ell_i|, |h_i|)$ over the
     * block: $c\,(d+2)\,1.02\,u \sum_i |q_i| \max(|\ell_i|, |h_i|) + c(d+1)\mu + \mu$, rounded up.
     *
     * @param absQ the absolute values $|q_i|$ of the query's components
     */
    double logitError(int b, double[] absQ, double scale) {
        // a dot product of non-negative terms, computed to within gamma_d below: covered by 1.02 (d + 2)
        double s = SimdOps.get().dot(absQ, 0, reach[b], 0, dim);
        double dotError = (dim + 2) * 1.02 * Rigor.U * s + (dim + 1) * Double.MIN_VALUE;
        return Math.nextUp(scale * dotError * (1 + 4 * Rigor.U) + Double.MIN_VALUE);
    }

    int[] members(int b) {
        return members[b];
    }

    double[] key(int j) {
        return keys[j];
    }

    @Override
    public String toString() {
        return "KeyBlocks[" + keys.length + " keys of dimension " + dim + " in " + members.length + " blocks]";
    }
}
