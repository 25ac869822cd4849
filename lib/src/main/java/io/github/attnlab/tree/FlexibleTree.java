package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.ArgSort;
import io.github.attnlab.diffusion.DiffusionMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Bottom-up flexible partition trees from a diffusion embedding (Ankenman's flexible trees, as used by
 * the questionnaire; docs/papers/C.md §C.2): an immutable configuration whose {@link #build()} computes.
 *
 * <p>Level 0 is the points. To go one level up, the distance between two current folders is the
 * average diffusion distance $D_t$ between their points, at time $t = t_0 g^\ell$ on level $\ell$
 * ($g = 1$ by default, see {@link #timeGrowth(double)}). Pairs of folders are taken in increasing distance; two groups
 * $G, H$ (sets of current folders) join when their distance is below
 * $\tau \cdot 2^{1 - |G||H|}$, $\tau = \varepsilon \cdot \mathrm{median}$ of the folder distances,
 * so singletons pair freely and large groups rarely grow: the fan-out adapts to the data. Each level
 * joins at least the closest pair, so the tree always reaches a root. Siblings are ordered by
 * their mean first diffusion coordinate $\psi_1$, which makes the leaf order follow $\psi_1$.
 */
public final class FlexibleTree {

    private final DiffusionMap map;
    private final double penalty;
    private final double startTime;
    private final double growth;

    private FlexibleTree(DiffusionMap map, double penalty, double startTime, double growth) {
        this.map = map;
        this.penalty = penalty;
        this.startTime = startTime;
        this.growth = growth;
    }

    /** A flexible tree on the points of {@code map}: penalty 1, diffusion time 1 at every level. */
    public static FlexibleTree of(DiffusionMap map) {
        Check.notNull("map", map);
        return new FlexibleTree(java.util.Objects.requireNonNull(map, "map"), 1.0, 1.0, 1.0);
    }

    /** The multiplier $\varepsilon$ of the median distance (larger: wider folders, a shallower tree). */
    public FlexibleTree penalty(double penalty) {
        if (!(penalty > 0) || Double.isInfinite(penalty)) {
            throw new IllegalArgumentException("penalty = " + penalty + " must be positive and finite");
        }
        return new FlexibleTree(map, penalty, startTime, growth);
    }

    /** The diffusion time $t_0$ of the first level. */
    public FlexibleTree startTime(double startTime) {
        if (!(startTime > 0) || Double.isInfinite(startTime)) {
            throw new IllegalArgumentException("startTime = " + startTime + " must be positive and finite");
        }
        return new FlexibleTree(map, penalty, startTime, growth);
    }

    /**
     * The factor by which the diffusion time grows from one level to the next. Ankenman's flexible trees
     * double it; with the dense affinities of the questionnaire, whose non-trivial eigenvalues are far
     * below 1, doubling leaves only $\psi_1$ after a few levels and joins distinct groups that differ
     * in the other coordinates, so the default is 1 (the folder averaging already coarsens).
     */
    public FlexibleTree timeGrowth(double timeGrowth) {
        if (!(timeGrowth >= 1) || Double.isInfinite(timeGrowth)) {
            throw new IllegalArgumentException("timeGrowth = " + timeGrowth + " must be finite and >= 1");
        }
        return new FlexibleTree(map, penalty, startTime, timeGrowth);
    }

    /** Builds the tree. */
    public PartitionTree build() {
        int n = map.size();
        double[] psi1 = map.eigenvector(1);
        List<int[]> levels = new ArrayList<>();
        int[] folderOf = new int[n];
        for (int i = 0; i < n; i++) {
            folderOf[i] = i;
        }
        int k = n;
        double t = startTime;
        while (k > 1) {
            double[][] d = map.distances(t);
            double[][] fd = folderDistances(d, folderOf, k);
            int[] group = join(fd, k);
            int groups = Arrays.stream(group).max().getAsInt() + 1;
            int[] ranked = rankByCoordinate(group, groups, folderOf, psi1);
            int[] next = new int[n];
            for (int i = 0; i < n; i++) {
                next[i] = ranked[group[folderOf[i]]];
            }
            levels.add(next);
            folderOf = next;
            k = groups;
            t *= growth;
        }
        int[][] top = new int[levels.size() + 1][];
        for (int l = 0; l < levels.size(); l++) {
            top[levels.size() - 1 - l] = levels.get(l);
        }
        // the finest level: points ranked by psi_1 inside their first folder
        int[] leafRank = rank(psi1);
        top[levels.size()] = leafRank;
        return PartitionTree.fromLevels(top);
    }

    /** Average point distance between folders: $(Q D Q^T)_{ab}$ with $Q$ the row-stochastic membership. */
    static double[][] folderDistances(double[][] d, int[] folderOf, int k) {
        int n = d.length;
        double[][] sum = new double[k][k];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            count[folderOf[i]]++;
            double[] si = sum[folderOf[i]];
            for (int j = 0; j < n; j++) {
                si[folderOf[j]] += d[i][j];
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                sum[a][b] /= (double) count[a] * count[b];
            }
        }
        return sum;
    }

    /** Groups the k folders; returns the group of each folder, numbered 0..g-1. */
    int[] join(double[][] fd, int k) {
        int pairs = k * (k - 1) / 2;
        double[] dist = new double[pairs];
        int c = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                dist[c] = fd[a][b];
                c++;
            }
        }
        double tau = penalty * median(dist);
        int[] idx = ArgSort.ascending(dist);
        int[] pairA = new int[pairs];
        int[] pairB = new int[pairs];
        c = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                pairA[c] = a;
                pairB[c] = b;
                c++;
            }
        }
        UnionFind uf = new UnionFind(k);
        boolean degenerate = !(tau > 0);
        for (int r = 0; r < pairs; r++) {
            int p = idx[r];
            int ga = uf.find(pairA[p]);
            int gb = uf.find(pairB[p]);
            if (ga == gb) {
                continue;
            }
            boolean first = uf.joins == 0;
            if (!degenerate && !first && dist[p] >= tau) {
                break;
            }
            double limit = tau * Math.pow(2, 1 - (double) uf.size[ga] * uf.size[gb]);
            if (first || degenerate || dist[p] < limit) {
                uf.union(ga, gb);
            }
        }
        int[] label = new int[k];
        int[] id = new int[k];
        Arrays.fill(id, -1);
        int g = 0;
        for (int a = 0; a < k; a++) {
            int root = uf.find(a);
            if (id[root] < 0) {
                id[root] = g++;
            }
            label[a] = id[root];
        }
        return label;
    }

    /** Renumbers groups by the mean psi_1 of their points, so that siblings follow psi_1. */
    private static int[] rankByCoordinate(int[] group, int groups, int[] folderOf, double[] psi1) {
        double[] mean = new double[groups];
        int[] count = new int[groups];
        for (int i = 0; i < folderOf.length; i++) {
            int g = group[folderOf[i]];
            mean[g] += psi1[i];
            count[g]++;
        }
        for (int g = 0; g < groups; g++) {
            mean[g] /= count[g];
        }
        return rank(mean);
    }

    /** rank[i] = position of i when sorted by value (stable). */
    private static int[] rank(double[] v) {
        int[] idx = ArgSort.ascending(v);
        int[] r = new int[v.length];
        for (int p = 0; p < v.length; p++) {
            r[idx[p]] = p;
        }
        return r;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /** Disjoint sets with sizes counted in folders. */
    private static final class UnionFind {
        final int[] parent;
        final int[] size;
        int joins;

        UnionFind(int k) {
            parent = new int[k];
            size = new int[k];
            for (int i = 0; i < k; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int a) {
            while (parent[a] != a) {
                parent[a] = parent[parent[a]];
                a = parent[a];
            }
            return a;
        }

        void union(int a, int b) {
            if (size[a] < size[b]) {
                int t = a;
                a = b;
                b = t;
            }
            parent[b] = a;
            size[a] += size[b];
            joins++;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FlexibleTree[n=%d, penalty=%.3g, t0=%.3g]", map.size(), penalty, startTime);
    }
}
