package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.ArgSort;
import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;

/**
 * The symmetric $k$-nearest-neighbour graph of points in $\mathbb R^d$: $\{i, j\}$ is an edge when
 * $j$ is among the $k$ nearest neighbours of $i$ or $i$ among those of $j$ (Euclidean distance,
 * ties to the lower index). Neighbours are found exactly with a k-d tree (median splits), in about
 * $O(n \log n)$ for small $d$.
 *
 * <p>Weights: 1 ({@link #unit}), or the heat kernel $e^{-\|x_i - x_j\|^2 / \sigma^2}$
 * ({@link #gaussian}), the usual affinity of spectral clustering (von Luxburg 2007, §2.2).
 */
public final class KnnGraph {

    private KnnGraph() {
    }

    /** The $k$-NN graph with unit weights. */
    public static WeightedGraph unit(double[][] points, int k) {
        return build(points, k, Double.POSITIVE_INFINITY);
    }

    /** The $k$-NN graph with weights $e^{-\|x_i - x_j\|^2 / \sigma^2}$. */
    public static WeightedGraph gaussian(double[][] points, int k, double sigma) {
        Check.positive("sigma", sigma);
        return build(points, k, sigma);
    }

    /** The indices of the $k$ nearest neighbours of every point (itself excluded), nearest first. */
    public static int[][] neighbours(double[][] points, int k) {
        int n = Check.rectangular("points", points);
        Check.range("k", k, 1, n - 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < points[i].length; j++) {
                Check.finite("points", i, j, points[i][j]);
            }
        }
        Tree tree = new Tree(points);
        int[][] out = new int[n][];
        int[] heapIdx = new int[k + 1];
        double[] heapDist = new double[k + 1];
        for (int i = 0; i < n; i++) {
            out[i] = tree.query(i, k, heapIdx, heapDist);
        }
        return out;
    }

    private static WeightedGraph build(double[][] points, int k, double sigma) {
        int[][] nb = neighbours(points, k);
        int n = points.length;
        int d = points[0].length;
        SparseMatrixBuilder pattern = SparseMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            for (int j : nb[i]) {
                pattern.add(i, j, 1.0);
                pattern.add(j, i, 1.0);
            }
        }
        SparseMatrix union = pattern.build(); // entries 1 or 2: found from one end or both
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        SimdOps ops = SimdOps.get();
        for (int i = 0; i < n; i++) {
            for (int p = union.rowStart(i); p < union.rowStart(i + 1); p++) {
                int j = union.column(p);
                double w = Double.isInfinite(sigma) ? 1.0
                        : Math.exp(-ops.squaredDistance(points[i], 0, points[j], 0, d) / (sigma * sigma));
                if (w > 0) {
                    b.add(i, j, w);
                }
            }
        }
        return WeightedGraph.trusted(b.build(), false);
    }

    /** A static k-d tree over the points, leaves of at most {@value #LEAF} points. */
    private static final class Tree {
        private static final int LEAF = 8;
        private final double[][] pts;
        private final int[] perm;
        private final int d;
        // node arrays: split dimension (-1 for a leaf), split value, children, leaf range
        private int[] dim;
        private double[] split;
        private int[] left;
        private int[] right;
        private int[] lo;
        private int[] hi;
        private int nodes;

        Tree(double[][] pts) {
            this.pts = pts;
            this.d = pts[0].length;
            this.perm = new int[pts.length];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            int cap = pts.length + 16; // median splits give at most n / 2 nodes
            dim = new int[cap];
            split = new double[cap];
            left = new int[cap];
            right = new int[cap];
            lo = new int[cap];
            hi = new int[cap];
            buildNode(0, pts.length, 0);
        }

        private int buildNode(int from, int to, int depth) {
            int node = nodes++;
            lo[node] = from;
            hi[node] = to;
            if (to - from <= LEAF) {
                dim[node] = -1;
                return node;
            }
            int sd = widestDimension(from, to);
            int mid = (from + to) >>> 1;
            select(from, to - 1, mid, sd);
            dim[node] = sd;
            split[node] = pts[perm[mid]][sd];
            int l = buildNode(from, mid, depth + 1);
            int r = buildNode(mid, to, depth + 1);
            left[node] = l;
            right[node] = r;
            return node;
        }

        private int widestDimension(int from, int to) {
            int best = 0;
            double bestSpread = -1;
            for (int t = 0; t < d; t++) {
                double mn = Double.POSITIVE_INFINITY;
                double mx = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    double v = pts[perm[i]][t];
                    mn = Math.min(mn, v);
                    mx = Math.max(mx, v);
                }
                if (mx - mn > bestSpread) {
                    bestSpread = mx - mn;
                    best = t;
                }
            }
            return best;
        }

        /** Quickselect on perm[from..to] so that position k holds the k-th smallest coordinate sd. */
        private void select(int from, int to, int k, int sd) {
            while (from < to) {
                double pivot = pts[perm[(from + to) >>> 1]][sd];
                int i = from;
                int j = to;
                while (i <= j) {
                    while (pts[perm[i]][sd] < pivot) {
                        i++;
                    }
                    while (pts[perm[j]][sd] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        int t = perm[i];
                        perm[i] = perm[j];
                        perm[j] = t;
                        i++;
                        j--;
                    }
                }
                if (k <= j) {
                    to = j;
                } else if (k >= i) {
                    from = i;
                } else {
                    return;
                }
            }
        }

        int[] query(int q, int k, int[] heapIdx, double[] heapDist) {
            int[] size = {0};
            search(0, q, k, heapIdx, heapDist, size);
            int m = size[0];
            // sort by (distance, index)
            // sort by (distance, index): heap slots in index order first, so ties fall to the lower index
            int[] byIndex = new int[m];
            double[] dist = new double[m];
            long[] packed = new long[m];
            for (int i = 0; i < m; i++) {
                packed[i] = ((long) heapIdx[i] << 32) | i;
            }
            Arrays.sort(packed);
            for (int i = 0; i < m; i++) {
                byIndex[i] = (int) packed[i];
                dist[i] = heapDist[byIndex[i]];
            }
            int[] order = ArgSort.ascending(dist);
            int[] out = new int[m];
            for (int i = 0; i < m; i++) {
                out[i] = heapIdx[byIndex[order[i]]];
            }
            return out;
        }

        private void search(int node, int q, int k, int[] hIdx, double[] hDist, int[] size) {
            if (dim[node] < 0) {
                SimdOps ops = SimdOps.get();
                for (int t = lo[node]; t < hi[node]; t++) {
                    int p = perm[t];
                    if (p != q) {
                        offer(p, ops.squaredDistance(pts[q], 0, pts[p], 0, d), k, hIdx, hDist, size);
                    }
                }
                return;
            }
            double diff = pts[q][dim[node]] - split[node];
            int near = diff < 0 ? left[node] : right[node];
            int far = diff < 0 ? right[node] : left[node];
            search(near, q, k, hIdx, hDist, size);
            if (size[0] < k || diff * diff <= hDist[0]) {
                search(far, q, k, hIdx, hDist, size);
            }
        }

        /** A max-heap on (distance, index) of at most k candidates; the root is the worst kept. */
        private static void offer(int p, double dist, int k, int[] hIdx, double[] hDist, int[] size) {
            if (size[0] < k) {
                int i = size[0]++;
                hIdx[i] = p;
                hDist[i] = dist;
                while (i > 0 && worse(hIdx, hDist, i, (i - 1) / 2)) {
                    swap(hIdx, hDist, i, (i - 1) / 2);
                    i = (i - 1) / 2;
                }
            } else if (dist < hDist[0] || (dist == hDist[0] && p < hIdx[0])) {
                hIdx[0] = p;
                hDist[0] = dist;
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    int r = l + 1;
                    int w = i;
                    if (l < k && worse(hIdx, hDist, l, w)) {
                        w = l;
                    }
                    if (r < k && worse(hIdx, hDist, r, w)) {
                        w = r;
                    }
                    if (w == i) {
                        return;
                    }
                    swap(hIdx, hDist, i, w);
                    i = w;
                }
            }
        }

        private static boolean worse(int[] hIdx, double[] hDist, int a, int b) {
            return hDist[a] > hDist[b] || (hDist[a] == hDist[b] && hIdx[a] > hIdx[b]);
        }

        private static void swap(int[] hIdx, double[] hDist, int a, int b) {
            int ti = hIdx[a];
            hIdx[a] = hIdx[b];
            hIdx[b] = ti;
            double td = hDist[a];
            hDist[a] = hDist[b];
            hDist[b] = td;
        }
    }
}
