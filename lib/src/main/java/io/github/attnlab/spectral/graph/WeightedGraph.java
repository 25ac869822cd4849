package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * An immutable graph on vertices $0, \dots, n-1$ with non-negative edge weights, stored as its
 * sparse adjacency matrix.
 *
 * <p>A <em>directed</em> graph is an attention matrix as it is: $a_{ij}$ is the weight of the arc
 * from query $i$ to key $j$, self-loops included. An <em>undirected</em> graph has a symmetric
 * adjacency $W$ with zero diagonal: self-loops are dropped, because a loop adds the same weight to
 * $D$ and $W$ and so cancels in $L = D - W$, and a token attending to itself is not an interaction
 * between tokens. {@link #symmetrised()} gives $W = (A + A^\top)/2$ (docs/papers/D.md §D).
 *
 * <p>Weights must be finite and non-negative: a graph with negative weights has a Laplacian that
 * is not positive semidefinite, so neither Cheeger's inequality nor effective resistance applies.
 * Every violation is an {@link IllegalArgumentException} naming the entry.
 */
public final class WeightedGraph {

    /** Relative asymmetry $|w_{ij} - w_{ji}| / \max|w|$ tolerated by {@link #undirected}. */
    public static final double SYMMETRY_TOLERANCE = 1e-12;

    private final SparseMatrix adjacency;
    private final boolean directed;

    private WeightedGraph(SparseMatrix adjacency, boolean directed) {
        this.adjacency = adjacency;
        this.directed = directed;
    }

    /** A graph over an adjacency already known to be valid (package code only). */
    static WeightedGraph trusted(SparseMatrix a, boolean directed) {
        return new WeightedGraph(a, directed);
    }

    /** A directed graph with adjacency {@code a} (square, finite, non-negative). */
    public static WeightedGraph directed(SparseMatrix a) {
        Check.notNull("a", a);
        checkSquareNonNegative(a);
        return new WeightedGraph(a, true);
    }

    /**
     * An undirected graph with adjacency {@code w}, which must be square, non-negative and symmetric
     * to {@link #SYMMETRY_TOLERANCE}; it is averaged with its transpose to be exactly symmetric, and
     * its diagonal is dropped.
     */
    public static WeightedGraph undirected(SparseMatrix w) {
        Check.notNull("w", w);
        checkSquareNonNegative(w);
        double max = 0;
        for (int p = 0; p < w.nonZeros(); p++) {
            max = Math.max(max, w.value(p));
        }
        double tol = SYMMETRY_TOLERANCE * max;
        SparseMatrix t = w.transpose();
        for (int i = 0; i < w.rows(); i++) {
            for (int p = w.rowStart(i); p < w.rowStart(i + 1); p++) {
                int j = w.column(p);
                double wji = t.get(i, j);
                if (Math.abs(w.value(p) - wji) > tol) {
                    throw new IllegalArgumentException("adjacency is not symmetric: w[" + i + "][" + j + "] = "
                            + w.value(p) + " but w[" + j + "][" + i + "] = " + wji + " (use a directed graph and symmetrised())");
                }
            }
        }
        return new WeightedGraph(averageWithTranspose(w, t), false);
    }

    /**
     * An undirected graph from an edge list; repeated edges add up, self-loops are dropped.
     * Weights must be finite and non-negative.
     */
    public static WeightedGraph fromEdges(int n, int[] u, int[] v, double[] w) {
        Check.notNull("u", u);
        Check.notNull("v", v);
        Check.notNull("w", w);
        if (v.length != u.length || w.length != u.length) {
            throw new IllegalArgumentException("u, v and w have lengths " + u.length + ", " + v.length + " and "
                    + w.length + "; need one entry per edge in each");
        }
        Check.range("n", n, 1, Integer.MAX_VALUE);
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        for (int e = 0; e < u.length; e++) {
            Check.index("u[" + e + "]", u[e], n);
            Check.index("v[" + e + "]", v[e], n);
            Check.nonNegative("w[" + e + "]", w[e]);
            if (u[e] != v[e] && w[e] > 0) {
                b.add(u[e], v[e], w[e]);
                b.add(v[e], u[e], w[e]);
            }
        }
        return new WeightedGraph(b.build(), false);
    }

    private static void checkSquareNonNegative(SparseMatrix a) {
        if (a.rows() != a.cols() || a.rows() == 0) {
            throw new IllegalArgumentException("adjacency must be square and non-empty, not " + a.rows() + "x" + a.cols());
        }
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart(i); p < a.rowStart(i + 1); p++) {
                if (a.value(p) < 0) {
                    throw new IllegalArgumentException("weight[" + i + "][" + a.column(p) + "] = " + a.value(p)
                            + " is negative: graph weights must be >= 0");
                }
            }
        }
    }

    private static SparseMatrix averageWithTranspose(SparseMatrix a, SparseMatrix t) {
        SparseMatrixBuilder b = SparseMatrix.builder(a.rows(), a.cols());
        for (SparseMatrix m : new SparseMatrix[] {a, t}) {
            for (int i = 0; i < m.rows(); i++) {
                for (int p = m.rowStart(i); p < m.rowStart(i + 1); p++) {
                    if (m.column(p) != i) {
                        b.add(i, m.column(p), 0.5 * m.value(p));
                    }
                }
            }
        }
        return b.build();
    }

    /** The number of vertices. */
    public int n() {
        return adjacency.rows();
    }

    /** Whether the graph is directed. */
    public boolean isDirected() {
        return directed;
    }

    /** The adjacency matrix ($A$ if directed, symmetric $W$ with zero diagonal if not). */
    public SparseMatrix adjacency() {
        return adjacency;
    }

    /** The weighted (out-)degrees $d_i = \sum_j w_{ij}$. */
    public double[] degrees() {
        return adjacency.rowSums();
    }

    /** The number of edges: pairs $\{i, j\}$ if undirected, arcs $(i, j)$ if directed. */
    public int edgeCount() {
        return directed ? adjacency.nonZeros() : adjacency.nonZeros() / 2;
    }

    /** The edges, each undirected edge once with $u < v$. */
    public EdgeList edges() {
        return EdgeList.of(this);
    }

    /** The connected (for a directed graph: weakly connected) components. */
    public Components components() {
        return Components.of(this);
    }

    /** The undirected graph $W = (A + A^\top)/2$ without self-loops; an undirected graph is returned as it is. */
    public WeightedGraph symmetrised() {
        return directed ? new WeightedGraph(averageWithTranspose(adjacency, adjacency.transpose()), false) : this;
    }

    /** The same kind of graph keeping only the weights $w_{ij} \ge t$. */
    public WeightedGraph thresholded(double t) {
        return GraphOps.thresholded(this, t);
    }

    /**
     * The directed graph keeping, in each row, the $k$ largest weights (ties to the lower column);
     * rows with at most $k$ entries are kept whole. An undirected graph is first read as directed.
     */
    public WeightedGraph topKPerRow(int k) {
        return GraphOps.topKPerRow(this, k);
    }

    /** The same kind of graph keeping only the entries where {@code pattern} has an edge (any weight). */
    public WeightedGraph restrictedTo(WeightedGraph pattern) {
        Check.notNull("pattern", pattern);
        return GraphOps.restrictedTo(this, pattern);
    }

    /** The subgraph induced by {@code vertices} (distinct), vertex {@code vertices[i]} becoming $i$. */
    public WeightedGraph induced(int[] vertices) {
        Check.notNull("vertices", vertices);
        return GraphOps.induced(this, vertices);
    }

    /** The directed graph with each non-empty row scaled to sum to 1 (an attention matrix). */
    public WeightedGraph rowNormalised() {
        return GraphOps.rowNormalised(this);
    }

    /** The adjacency as a dense matrix. */
    public double[][] toDense() {
        return adjacency.toDense();
    }

    /** As a JGraphT graph (see {@link JGraphTAdapter}). */
    public org.jgrapht.Graph<Integer, org.jgrapht.graph.DefaultWeightedEdge> toJGraphT() {
        return JGraphTAdapter.toJGraphT(this);
    }

    @Override
    public String toString() {
        double total = 0;
        for (int p = 0; p < adjacency.nonZeros(); p++) {
            total += adjacency.value(p);
        }
        return String.format(Locale.ROOT, "WeightedGraph[%s, n=%d, %d edges, total weight %.4g]",
                directed ? "directed" : "undirected", n(), edgeCount(), directed ? total : total / 2);
    }
}
