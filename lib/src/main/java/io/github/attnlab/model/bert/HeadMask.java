package io.github.attnlab.model.bert;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets of removed attention heads, kept flat as {@code removed[layer * heads + head]} (the order of the
 * heads in {@link io.github.attnlab.model.AttentionTensor}); {@code null} means that no head is removed.
 * Validates what users pass to {@link Bert#withoutHeads(boolean[][])} and {@link Bert#withoutHeads(int...)}.
 */
final class HeadMask {

    private HeadMask() {
    }

    /** The flat set of a {@code [layer][head]} matrix, which must have the model's shape. */
    static boolean[] of(boolean[][] removed, BertConfig c) {
        if (removed == null) {
            throw new IllegalArgumentException("removed heads must not be null");
        }
        if (removed.length != c.layers()) {
            throw new IllegalArgumentException("removed heads has " + removed.length + " rows, but " + c.name()
                    + " has " + c.layers() + " layers");
        }
        boolean[] flat = new boolean[c.layers() * c.heads()];
        for (int l = 0; l < removed.length; l++) {
            if (removed[l] == null || removed[l].length != c.heads()) {
                throw new IllegalArgumentException("removed heads[" + l + "] has " + (removed[l] == null ? "no row"
                        : removed[l].length + " entries") + ", but " + c.name() + " has " + c.heads() + " heads per layer");
            }
            System.arraycopy(removed[l], 0, flat, l * c.heads(), c.heads());
        }
        return flat;
    }

    /** The flat set of heads listed by flat index {@code layer * heads + head}, each at most once. */
    static boolean[] of(int[] heads, BertConfig c) {
        if (heads == null) {
            throw new IllegalArgumentException("removed heads must not be null");
        }
        int total = c.layers() * c.heads();
        boolean[] flat = new boolean[total];
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] < 0 || heads[i] >= total) {
                throw new IllegalArgumentException("heads[" + i + "] = " + heads[i] + " is outside [0, " + total
                        + ") (flat index layer * " + c.heads() + " + head)");
            }
            if (flat[heads[i]]) {
                throw new IllegalArgumentException("heads[" + i + "] = " + heads[i] + " (" + name(heads[i], c)
                        + ") is listed twice");
            }
            flat[heads[i]] = true;
        }
        return flat;
    }

    /** The union of two sets (either may be null); null when the union is empty. */
    static boolean[] union(boolean[] a, boolean[] b) {
        boolean[] u = a == null ? b.clone() : a.clone();
        if (a != null && b != null) {
            for (int i = 0; i < u.length; i++) {
                u[i] |= b[i];
            }
        }
        return count(u) == 0 ? null : u;
    }

    /** How many heads the set holds. */
    static int count(boolean[] flat) {
        int n = 0;
        if (flat != null) {
            for (boolean r : flat) {
                n += r ? 1 : 0;
            }
        }
        return n;
    }

    /** The set as a fresh {@code [layer][head]} matrix. */
    static boolean[][] matrix(boolean[] flat, BertConfig c) {
        boolean[][] m = new boolean[c.layers()][c.heads()];
        if (flat != null) {
            for (int l = 0; l < c.layers(); l++) {
                System.arraycopy(flat, l * c.heads(), m[l], 0, c.heads());
            }
        }
        return m;
    }

    /** The heads' names ({@code L11H0}, 0-based layer and head), in flat order. */
    static List<String> names(boolean[] flat, BertConfig c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; flat != null && i < flat.length; i++) {
            if (flat[i]) {
                out.add(name(i, c));
            }
        }
        return out;
    }

    private static String name(int flat, BertConfig c) {
        return "L" + flat / c.heads() + "H" + flat % c.heads();
    }
}
