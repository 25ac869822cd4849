package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A hierarchical partition tree on the points $\{0, \dots, n-1\}$: an immutable value.
 *
 * <p>Each node is a <em>folder</em>, a set of points; the root holds every point, the children of a
 * folder partition it, and the leaves are single points. The depth-$\ell$ <em>cut</em> (the folders
 * at depth $\ell$, together with the leaves above it) is a partition of the points, and the cuts
 * refine each other as $\ell$ grows (Gavish, Nadler and Coifman, ICML 2010; docs/papers/C.md §C.2, §C.4).
 * The children of a folder are ordered; so are the points (the leaf order), and every folder is a
 * contiguous range of that order, which is the order used to draw an organised matrix.
 *
 * <p>Folders with a single child would be the same set twice and are never stored. Nodes are
 * numbered breadth first (the root is 0, a parent precedes its children, siblings are consecutive),
 * so loops over {@code v = nodeCount()-1 .. 0} visit children before parents.
 */
public final class PartitionTree {

    private final int n;
    private final int[] parent;
    private final int[] childStart;
    private final int[] childCount;
    private final int[] depth;
    private final int[] start;
    private final int[] size;
    private final int[] pointOf;
    private final int[] order;
    private final int[] leafOf;
    private final int maxDepth;

    PartitionTree(int n, int[] parent, int[] childStart, int[] childCount, int[] depth, int[] start, int[] size,
                  int[] pointOf, int[] order, int[] leafOf) {
        this.n = n;
        this.parent = parent;
        this.childStart = childStart;
        this.childCount = childCount;
        this.depth = depth;
        this.start = start;
        this.size = size;
        this.pointOf = pointOf;
        this.order = order;
        this.leafOf = leafOf;
        this.maxDepth = Arrays.stream(depth).max().orElse(0);
    }

    /**
     * The tree of nested partitions given level by level: {@code labels[l][i]} is the folder of point
     * {@code i} at level {@code l} (any non-negative integers). Each level must refine the one above;
     * a root is added above a first level with several folders and single points below a last level
     * that is not all singletons. Siblings are ordered by their labels.
     */
    public static PartitionTree fromLevels(int[]... labels) {
        Check.notNull("labels", labels);
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels: at least one level is needed");
        }
        int n = labels[0].length;
        if (n == 0) {
            throw new IllegalArgumentException("labels: a tree needs at least one point");
        }
        for (int l = 0; l < labels.length; l++) {
            if (labels[l].length != n) {
                throw new IllegalArgumentException("labels[" + l + "] has " + labels[l].length + " points, labels[0] has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (labels[l][i] < 0) {
                    throw new IllegalArgumentException("labels[" + l + "][" + i + "] = " + labels[l][i] + " is negative");
                }
            }
        }
        TreeAssembler asm = new TreeAssembler();
        // Raw ids of the folders of the level below, keyed by label; built bottom-up.
        Map<Integer, Integer> below = new HashMap<>();
        for (int i = 0; i < n; i++) {
            below.put(-1 - i, asm.leaf(i)); // singletons, keyed apart from real labels
        }
        int[] belowLabel = new int[n];
        for (int i = 0; i < n; i++) {
            belowLabel[i] = -1 - i;
        }
        for (int l = labels.length - 1; l >= -1; l--) {
            int[] lab = l >= 0 ? labels[l] : new int[n];
            Map<Integer, java.util.TreeMap<Integer, Integer>> kids = new java.util.TreeMap<>();
            Map<Integer, Integer> parentOf = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Integer seen = parentOf.putIfAbsent(belowLabel[i], lab[i]);
                if (seen != null && seen != lab[i]) {
                    throw new IllegalArgumentException("labels[" + l + "] does not contain level " + (l + 1)
                            + ": point " + i + " is in folder " + lab[i] + " but its lower folder lies in " + seen);
                }
                kids.computeIfAbsent(lab[i], k -> new java.util.TreeMap<>()).put(orderKey(belowLabel[i]), below.get(belowLabel[i]));
            }
            Map<Integer, Integer> next = new HashMap<>();
            for (Map.Entry<Integer, java.util.TreeMap<Integer, Integer>> e : kids.entrySet()) {
                int[] ids = e.getValue().values().stream().mapToInt(Integer::intValue).toArray();
                next.put(e.getKey(), asm.node(ids));
            }
            below = next;
            belowLabel = lab.clone();
        }
        return asm.build(below.get(0), n);
    }

    /** Singletons (negative keys) sort by point; real labels sort by value, after the singletons' ranks. */
    private static int orderKey(int label) {
        return label < 0 ? Integer.MIN_VALUE / 2 + (-1 - label) : label;
    }

    /** The balanced binary tree on $0..n-1$ in index order: each folder splits into halves. */
    public static PartitionTree dyadic(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + " must be at least 1");
        }
        int[] ord = new int[n];
        for (int i = 0; i < n; i++) {
            ord[i] = i;
        }
        return dyadic(ord);
    }

    /** The balanced binary tree on the points in the given leaf order (a permutation of $0..n-1$). */
    public static PartitionTree dyadic(int[] leafOrder) {
        Check.notNull("leafOrder", leafOrder);
        int n = leafOrder.length;
        if (n < 1) {
            throw new IllegalArgumentException("leafOrder is empty");
        }
        Check.permutation("leafOrder", leafOrder, n);
        TreeAssembler asm = new TreeAssembler();
        int root = halves(asm, leafOrder, 0, n);
        return asm.build(root, n);
    }

    private static int halves(TreeAssembler asm, int[] ord, int from, int to) {
        if (to - from == 1) {
            return asm.leaf(ord[from]);
        }
        int mid = from + (to - from + 1) / 2;
        return asm.node(new int[] {halves(asm, ord, from, mid), halves(asm, ord, mid, to)});
    }

    /** The same tree with point {@code p} renamed {@code perm[p]} (a permutation): a null model for comparisons. */
    public PartitionTree relabel(int[] perm) {
        Check.permutation("perm", perm, n);
        int[] newPoint = new int[pointOf.length];
        for (int v = 0; v < pointOf.length; v++) {
            newPoint[v] = pointOf[v] < 0 ? -1 : perm[pointOf[v]];
        }
        TreeAssembler asm = new TreeAssembler();
        int[] raw = new int[pointOf.length];
        for (int v = pointOf.length - 1; v >= 0; v--) {
            if (childCount[v] == 0) {
                raw[v] = asm.leaf(newPoint[v]);
            } else {
                int[] kids = new int[childCount[v]];
                for (int c = 0; c < kids.length; c++) {
                    kids[c] = raw[childStart[v] + c];
                }
                raw[v] = asm.node(kids);
            }
        }
        return asm.build(raw[0], n);
    }

    /** The number of points. */
    public int size() {
        return n;
    }

    /** The number of folders, leaves included. */
    public int nodeCount() {
        return parent.length;
    }

    /** The largest depth of a leaf (the root has depth 0). */
    public int depth() {
        return maxDepth;
    }

    /** The parent of folder {@code v}, or -1 for the root. */
    public int parent(int v) {
        Check.index("v", v, parent.length);
        return parent[v];
    }

    /** The first child of folder {@code v}; its children are {@code firstChild(v) .. firstChild(v)+childCount(v)-1}. */
    public int firstChild(int v) {
        Check.index("v", v, childStart.length);
        return childStart[v];
    }

    /** The number of children of folder {@code v} (0 for a leaf, otherwise at least 2). */
    public int childCount(int v) {
        Check.index("v", v, childCount.length);
        return childCount[v];
    }

    /** The depth of folder {@code v}. */
    public int depth(int v) {
        Check.index("v", v, depth.length);
        return depth[v];
    }

    /** The number of points in folder {@code v}. */
    public int folderSize(int v) {
        Check.index("v", v, size.length);
        return size[v];
    }

    /** Where folder {@code v} starts in the leaf order. */
    public int folderStart(int v) {
        Check.index("v", v, start.length);
        return start[v];
    }

    /** The point of leaf {@code v}, or -1 when {@code v} is not a leaf. */
    public int point(int v) {
        Check.index("v", v, pointOf.length);
        return pointOf[v];
    }

    /** The leaf holding point {@code p}. */
    public int leaf(int p) {
        Check.index("p", p, leafOf.length);
        return leafOf[p];
    }

    /** The points in leaf order: every folder is a contiguous range of it. */
    public int[] order() {
        return order.clone();
    }

    /** The points of folder {@code v}, in leaf order. */
    public int[] members(int v) {
        Check.index("v", v, parent.length);
        return Arrays.copyOfRange(order, start[v], start[v] + size[v]);
    }

    /**
     * The depth-{@code level} cut as labels: point {@code i} belongs to folder {@code labels[i]}, the
     * folders numbered $0, 1, \dots$ in leaf order. Level 0 is one folder; levels at or beyond
     * {@link #depth()} are all singletons.
     */
    public int[] partition(int level) {
        if (level < 0) {
            throw new IllegalArgumentException("level = " + level + " must be >= 0");
        }
        int[] labels = new int[n];
        int next = -1;
        int lastNode = -1;
        for (int k = 0; k < n; k++) {
            int v = leafOf[order[k]];
            while (depth[v] > level) {
                v = parent[v];
            }
            if (v != lastNode) {
                next++;
                lastNode = v;
            }
            labels[order[k]] = next;
        }
        return labels;
    }

    /** The smallest folder holding both points (their lowest common ancestor). */
    public int commonFolder(int x, int y) {
        Check.index("x", x, leafOf.length);
        Check.index("y", y, leafOf.length);
        int a = leafOf[x];
        int b = leafOf[y];
        while (depth[a] > depth[b]) {
            a = parent[a];
        }
        while (depth[b] > depth[a]) {
            b = parent[b];
        }
        while (a != b) {
            a = parent[a];
            b = parent[b];
        }
        return a;
    }

    /** The tree metric $d(x, y) = |\mathrm{folder}(x, y)| / n$ for $x \ne y$, and 0 for $x = y$. */
    public double distance(int x, int y) {
        return x == y ? 0 : (double) size[commonFolder(x, y)] / n;
    }

    /** A dendrogram of this tree (root at the top, leaves in leaf order). */
    public TreeFigure figure() {
        return TreeFigure.of(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionTree t && n == t.n && Arrays.equals(childCount, t.childCount)
                && Arrays.equals(pointOf, t.pointOf);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(childCount) + Arrays.hashCode(pointOf);
    }

    /** One line: points, depth, folders and the widest fan-out. */
    @Override
    public String toString() {
        int internal = 0;
        int widest = 0;
        for (int c : childCount) {
            if (c > 0) {
                internal++;
                widest = Math.max(widest, c);
            }
        }
        return "PartitionTree[n=" + n + ", depth=" + maxDepth + ", folders=" + internal + " internal + " + n
                + " leaves, max children=" + widest + "]";
    }
}
