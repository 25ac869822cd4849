package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How much two partition trees on the same points agree: a value, with the evidence per scale.
 *
 * <p>Two scores. The <em>partition agreement</em>: for every scale $k = 2, 4, 8, \dots < n$, each tree
 * is cut at the depth whose number of folders is closest to $k$ (in ratio), and the two cuts are
 * compared by the adjusted Rand index (Hubert and Arabie, 1985: 1 for identical partitions, 0 in
 * expectation for independent ones); {@link #meanAdjustedRand()} averages over the distinct pairs of
 * cuts. The <em>metric correlation</em>: the Pearson correlation over pairs of points of the two
 * tree metrics $d(x, y) = |\mathrm{folder}(x, y)| / n$ (the cophenetic correlation of dendrograms).
 *
 * @param meanAdjustedRand  the mean adjusted Rand index of the matched cuts (NaN for n < 4)
 * @param metricCorrelation the correlation of the two tree metrics (NaN if either is constant)
 * @param levels            the matched cuts, coarse to fine
 */
public record TreeAgreement(double meanAdjustedRand, double metricCorrelation, List<LevelMatch> levels) {

    /**
     * One matched pair of cuts.
     *
     * @param levelA        depth of the cut in the first tree
     * @param levelB        depth of the cut in the second tree
     * @param foldersA      its number of folders
     * @param foldersB      the other's number of folders
     * @param adjustedRand  the adjusted Rand index of the two partitions
     */
    public record LevelMatch(int levelA, int levelB, int foldersA, int foldersB, double adjustedRand) {
    }

    /** Copies the list. */
    public TreeAgreement {
        Check.notNull("levels", levels);
        levels = List.copyOf(levels);
    }

    /** Compares two trees on the same number of points. */
    public static TreeAgreement of(PartitionTree a, PartitionTree b) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("trees on " + a.size() + " and " + b.size() + " points");
        }
        int n = a.size();
        int[][] pa = cuts(a);
        int[][] pb = cuts(b);
        Set<List<Integer>> pairs = new LinkedHashSet<>();
        for (int k = 2; k < n; k *= 2) {
            pairs.add(List.of(closest(pa, k), closest(pb, k)));
        }
        List<LevelMatch> matches = new ArrayList<>();
        double sum = 0;
        for (List<Integer> p : pairs) {
            int la = p.get(0);
            int lb = p.get(1);
            double ari = adjustedRand(pa[la], pb[lb]);
            matches.add(new LevelMatch(la, lb, count(pa[la]), count(pb[lb]), ari));
            sum += ari;
        }
        return new TreeAgreement(matches.isEmpty() ? Double.NaN : sum / matches.size(), metricCorrelation(a, b), matches);
    }

    private static int[][] cuts(PartitionTree t) {
        int[][] p = new int[t.depth() + 1][];
        for (int l = 0; l <= t.depth(); l++) {
            p[l] = t.partition(l);
        }
        return p;
    }

    private static int closest(int[][] cuts, int k) {
        int best = 0;
        double gap = Double.POSITIVE_INFINITY;
        for (int l = 0; l < cuts.length; l++) {
            double g = Math.abs(Math.log((double) count(cuts[l]) / k));
            if (g < gap - 1e-12) {
                gap = g;
                best = l;
            }
        }
        return best;
    }

    private static int count(int[] labels) {
        int m = -1;
        for (int v : labels) {
            m = Math.max(m, v);
        }
        return m + 1;
    }

    /** The adjusted Rand index of two labellings of the same points (1 when both are the same trivial partition). */
    public static double adjustedRand(int[] x, int[] y) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y label " + x.length + " and " + y.length
                    + " points: two labellings of the same non-empty set are needed");
        }
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> cols = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            joint.merge(((long) x[i] << 32) ^ (y[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(x[i], 1, Integer::sum);
            cols.merge(y[i], 1, Integer::sum);
        }
        double index = 0;
        for (int c : joint.values()) {
            index += pairs(c);
        }
        double sa = 0;
        for (int c : rows.values()) {
            sa += pairs(c);
        }
        double sb = 0;
        for (int c : cols.values()) {
            sb += pairs(c);
        }
        double expected = sa * sb / pairs(x.length);
        double max = 0.5 * (sa + sb);
        if (max == expected) {
            return index == max ? 1.0 : 0.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long c) {
        return c * (c - 1) / 2.0;
    }

    /** The Pearson correlation over pairs $x < y$ of the two tree metrics. */
    public static double metricCorrelation(PartitionTree a, PartitionTree b) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        int n = a.size();
        double[][] da = folderSizes(a);
        double[][] db = folderSizes(b);
        double sa = 0;
        double sb = 0;
        double m = n * (n - 1) / 2.0;
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                sa += da[x][y];
                sb += db[x][y];
            }
        }
        double ma = sa / m;
        double mb = sb / m;
        double cab = 0;
        double caa = 0;
        double cbb = 0;
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                double u = da[x][y] - ma;
                double v = db[x][y] - mb;
                cab += u * v;
                caa += u * u;
                cbb += v * v;
            }
        }
        return caa > 0 && cbb > 0 ? cab / Math.sqrt(caa * cbb) : Double.NaN;
    }

    /** s[x][y] = |folder(x, y)|: every pair split between two children of a folder has that folder. */
    private static double[][] folderSizes(PartitionTree t) {
        int n = t.size();
        double[][] s = new double[n][n];
        for (int v = 0; v < t.nodeCount(); v++) {
            int k = t.childCount(v);
            for (int c1 = t.firstChild(v); c1 < t.firstChild(v) + k; c1++) {
                int[] m1 = t.members(c1);
                for (int c2 = c1 + 1; c2 < t.firstChild(v) + k; c2++) {
                    int[] m2 = t.members(c2);
                    for (int x : m1) {
                        for (int y : m2) {
                            s[x][y] = t.folderSize(v);
                            s[y][x] = t.folderSize(v);
                        }
                    }
                }
            }
        }
        return s;
    }

    /** One line: both scores and the number of matched cuts. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TreeAgreement[mean ARI=%.4f over %d cuts, metric correlation=%.4f]",
                meanAdjustedRand, levels.size(), metricCorrelation);
    }
}
