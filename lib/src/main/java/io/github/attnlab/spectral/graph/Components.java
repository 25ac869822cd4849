package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The connected components of a graph (weakly connected for a directed graph).
 *
 * <p>Component labels are numbered $0, 1, \dots$ in the order of each component's smallest vertex.
 * The multiplicity of the eigenvalue 0 of every Laplacian equals the number of components.
 *
 * @param count  the number of components
 * @param labels the component of each vertex
 */
public record Components(int count, int[] labels) {

    /** Validates and copies. */
    public Components {
        Check.notNull("labels", labels);
        Check.range("count", count, 0, Integer.MAX_VALUE);
        labels = labels.clone();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= count) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is outside [0, " + (count - 1) + "]");
            }
        }
    }

    /** The components of a graph, by breadth-first search over its edges in both directions. */
    public static Components of(WeightedGraph g) {
        Check.notNull("g", g);
        SparseMatrix a = g.adjacency();
        SparseMatrix at = g.isDirected() ? a.transpose() : a;
        int n = g.n();
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] queue = new int[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            label[s] = count;
            while (head < tail) {
                int u = queue[head++];
                tail = visit(a, u, label, queue, tail, count);
                tail = visit(at, u, label, queue, tail, count);
            }
            count++;
        }
        return new Components(count, label);
    }

    private static int visit(SparseMatrix a, int u, int[] label, int[] queue, int tail, int c) {
        for (int p = a.rowStart(u); p < a.rowStart(u + 1); p++) {
            int v = a.column(p);
            if (label[v] < 0) {
                label[v] = c;
                queue[tail++] = v;
            }
        }
        return tail;
    }

    /** The labels (a copy). */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The component of vertex {@code v}. */
    public int label(int v) {
        Check.index("v", v, labels.length);
        return labels[v];
    }

    /** Whether there is exactly one component. */
    public boolean connected() {
        return count == 1;
    }

    /** The number of vertices in each component. */
    public int[] sizes() {
        int[] s = new int[count];
        for (int l : labels) {
            s[l]++;
        }
        return s;
    }

    /** The vertices of component {@code c}, increasing. */
    public int[] members(int c) {
        Check.index("c", c, count);
        return java.util.stream.IntStream.range(0, labels.length).filter(v -> labels[v] == c).toArray();
    }

    @Override
    public String toString() {
        int[] s = sizes();
        String sizes = Arrays.stream(s).limit(8).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return count == 1 ? "Components[connected, " + labels.length + " vertices]"
                : "Components[" + count + " components of sizes " + sizes + (count > 8 ? ", ..." : "") + "]";
    }
}
