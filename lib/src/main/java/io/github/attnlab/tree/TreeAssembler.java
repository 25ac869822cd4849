package io.github.attnlab.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw rooted tree (ordered children lists, a point at each leaf) into the compact arrays of
 * a {@link PartitionTree}: nodes in breadth-first order, folders that equal their only child
 * removed, every folder a contiguous range of the leaf order.
 */
final class TreeAssembler {

    private final List<int[]> children = new ArrayList<>();
    private final List<Integer> points = new ArrayList<>();

    /** Adds a leaf holding {@code point}; returns its raw id. */
    int leaf(int point) {
        children.add(new int[0]);
        points.add(point);
        return children.size() - 1;
    }

    /** Adds an internal node over the given raw children, in order; returns its raw id. */
    int node(int[] kids) {
        if (kids.length == 0) {
            throw new IllegalArgumentException("an internal folder needs at least one child");
        }
        children.add(kids.clone());
        points.add(-1);
        return children.size() - 1;
    }

    /** Assembles the tree rooted at raw node {@code root} over {@code n} points. */
    PartitionTree build(int root, int n) {
        int raw = children.size();
        int[] parent = new int[raw];
        int[] childStart = new int[raw];
        int[] childCount = new int[raw];
        int[] depth = new int[raw];
        int[] pointOf = new int[raw];
        int[] rawOf = new int[raw];
        int count = 0;
        rawOf[count] = skipChain(root);
        parent[count] = -1;
        count++;
        for (int v = 0; v < count; v++) {
            int[] kids = children.get(rawOf[v]);
            pointOf[v] = points.get(rawOf[v]);
            childStart[v] = count;
            childCount[v] = kids.length;
            for (int c : kids) {
                rawOf[count] = skipChain(c);
                parent[count] = v;
                depth[count] = depth[v] + 1;
                count++;
            }
        }
        int[] size = new int[count];
        for (int v = count - 1; v >= 0; v--) {
            if (childCount[v] == 0) {
                if (pointOf[v] < 0) {
                    throw new IllegalArgumentException("leaf folder without a point");
                }
                size[v] = 1;
            }
            if (parent[v] >= 0) {
                size[parent[v]] += size[v];
            }
        }
        if (size[0] != n) {
            throw new IllegalArgumentException("the tree holds " + size[0] + " leaves, not n = " + n);
        }
        int[] start = new int[count];
        int[] order = new int[n];
        int[] leafOf = new int[n];
        java.util.Arrays.fill(leafOf, -1);
        // Depth-first: a node's children occupy consecutive ranges of its own range, in order.
        for (int v = 0; v < count; v++) {
            int s = start[v];
            for (int c = childStart[v]; c < childStart[v] + childCount[v]; c++) {
                start[c] = s;
                s += size[c];
            }
            if (childCount[v] == 0) {
                int p = pointOf[v];
                if (p < 0 || p >= n) {
                    throw new IllegalArgumentException("point " + p + " is outside [0, " + n + ")");
                }
                if (leafOf[p] >= 0) {
                    throw new IllegalArgumentException("point " + p + " appears in two leaves");
                }
                leafOf[p] = v;
                order[start[v]] = p;
            }
        }
        return new PartitionTree(n, trim(parent, count), trim(childStart, count), trim(childCount, count),
                trim(depth, count), start, size, trim(pointOf, count), order, leafOf);
    }

    /** Follows a chain of single-child folders (the same set of points) down to its end. */
    private int skipChain(int r) {
        while (children.get(r).length == 1) {
            r = children.get(r)[0];
        }
        return r;
    }

    private static int[] trim(int[] a, int n) {
        return java.util.Arrays.copyOf(a, n);
    }
}
