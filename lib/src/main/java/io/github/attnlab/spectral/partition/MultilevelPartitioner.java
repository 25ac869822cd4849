package io.github.attnlab.spectral.partition;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.cut.SpectralGap;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multilevel graph bisection in the manner of METIS (Karypis &amp; Kumar, SIAM J. Sci. Comput. 20,
 * 1998; docs/papers/D.md §D item 5): coarsen by heavy-edge matching until at most {@code coarsestSize}
 * vertices remain, bisect the coarsest graph (spectral split and several greedy graph-growing
 * starts, each refined, the best kept), then project back level by level, refining with
 * Fiduccia–Mattheyses at every level. $k$ blocks by recursive bisection.
 *
 * @param imbalance    allowed excess of a side's weight over its target, e.g. 0.03 for 3%
 * @param coarsestSize stop coarsening at this many vertices
 * @param tries        greedy graph-growing starts at the coarsest level
 * @param seed         seed of the matching order and the growing starts
 */
public record MultilevelPartitioner(double imbalance, int coarsestSize, int tries, long seed) implements Bisector {

    /** 3% imbalance, coarsest graph of 64 vertices, 6 starts, seed 1. */
    public static final MultilevelPartitioner DEFAULT = new MultilevelPartitioner(0.03, 64, 6, 1);

    /** Validates. */
    public MultilevelPartitioner {
        if (!(imbalance >= 0 && imbalance < 1)) {
            throw new IllegalArgumentException("imbalance = " + imbalance + " must lie in [0, 1)");
        }
        Check.range("coarsestSize", coarsestSize, 2, Integer.MAX_VALUE);
        Check.range("tries", tries, 0, 1000);
    }

    /** With another seed. */
    public MultilevelPartitioner withSeed(long s) {
        return new MultilevelPartitioner(imbalance, coarsestSize, tries, s);
    }

    @Override
    public int[] bisect(WeightedGraph g, double fraction) {
        Check.notNull("g", g);
        Check.open("fraction", fraction, 0, 1);
        WeightedGraph u = g.symmetrised();
        if (u.n() < 2) {
            throw new IllegalArgumentException("cannot bisect a graph of " + u.n() + " vertex");
        }
        Random random = new Random(seed ^ (31L * u.n()));
        List<Level> levels = new ArrayList<>();
        levels.add(Level.finest(u));
        double total = levels.get(0).totalWeight();
        double maxVertex = Math.max(1, 0.5 * imbalance * total * Math.min(fraction, 1 - fraction)) + 1;
        while (levels.get(levels.size() - 1).graph.n() > coarsestSize) {
            Level coarse = levels.get(levels.size() - 1).coarsen(random, Math.max(maxVertex, 2 * total / coarsestSize));
            if (coarse.graph.n() > 0.95 * levels.get(levels.size() - 1).graph.n()) {
                break; // matching no longer shrinks the graph (e.g. a star)
            }
            levels.add(coarse);
        }
        // the limits admit at least the rounded-up target, so odd sizes can always be balanced
        double[] maxWeight = {Math.max((1 + imbalance) * fraction * total, Math.ceil(fraction * total)),
            Math.max((1 + imbalance) * (1 - fraction) * total, Math.ceil((1 - fraction) * total))};
        Level coarsest = levels.get(levels.size() - 1);
        int[] side = initial(coarsest, fraction, maxWeight, random);
        for (int l = levels.size() - 1; l > 0; l--) {
            int[] map = levels.get(l).fineToCoarse;
            int[] fine = new int[map.length];
            for (int v = 0; v < map.length; v++) {
                fine[v] = side[map[v]];
            }
            side = fine;
            FmRefinement.refine(levels.get(l - 1), side, maxWeight);
        }
        return side;
    }

    /** The best refined bisection of the coarsest level among a spectral split and greedy growings. */
    private int[] initial(Level level, double fraction, double[] maxWeight, Random random) {
        List<int[]> candidates = new ArrayList<>();
        if (level.graph.n() >= 2) {
            candidates.add(Bisector.splitByScore(SpectralGap.of(Laplacian.combinatorial(level.graph)).fiedler(), fraction));
        }
        for (int t = 0; t < tries; t++) {
            candidates.add(grow(level, fraction * level.totalWeight(), random.nextInt(level.graph.n())));
        }
        int[] best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int[] c : candidates) {
            FmRefinement.refine(level, c, maxWeight);
            double score = cut(level, c) + 1e6 * excess(level, c, maxWeight) * (1 + cut(level, c));
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /**
     * Greedy graph growing by gain (METIS's GGGP): side 0 grows from a seed vertex, each time by
     * the vertex whose move cuts the cut most, $2\,w(v, S) - d_v$, until it holds {@code target}.
     */
    private static int[] grow(Level level, double target, int start) {
        int n = level.graph.n();
        SparseMatrix a = level.graph.adjacency();
        int[] side = new int[n];
        java.util.Arrays.fill(side, 1);
        double[] pull = new double[n];
        double[] degree = level.graph.degrees();
        double weight = 0;
        int next = start;
        while (next >= 0 && weight + level.vertexWeight[next] / 2 <= target) {
            side[next] = 0;
            weight += level.vertexWeight[next];
            for (int p = a.rowStart(next); p < a.rowStart(next + 1); p++) {
                pull[a.column(p)] += a.value(p);
            }
            next = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < n; v++) {
                if (side[v] == 1 && 2 * pull[v] - degree[v] > best) {
                    best = 2 * pull[v] - degree[v];
                    next = v;
                }
            }
        }
        return side;
    }

    private static double cut(Level level, int[] side) {
        SparseMatrix a = level.graph.adjacency();
        double c = 0;
        for (int v = 0; v < side.length; v++) {
            for (int p = a.rowStart(v); p < a.rowStart(v + 1); p++) {
                if (side[a.column(p)] != side[v]) {
                    c += a.value(p) / 2;
                }
            }
        }
        return c;
    }

    private static double excess(Level level, int[] side, double[] maxWeight) {
        double[] w = new double[2];
        for (int v = 0; v < side.length; v++) {
            w[side[v]] += level.vertexWeight[v];
        }
        return Math.max(0, w[0] - maxWeight[0]) + Math.max(0, w[1] - maxWeight[1]);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "MultilevelPartitioner[imbalance %.3f, coarsest %d, %d tries, seed %d]",
                imbalance, coarsestSize, tries, seed);
    }
}
