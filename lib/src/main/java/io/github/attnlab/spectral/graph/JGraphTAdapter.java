package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.graph.DirectedWeightedPseudograph;

/**
 * Conversions between {@link WeightedGraph} and JGraphT graphs, so JGraphT's algorithms
 * (shortest paths, spanning trees, clustering, ...) apply to attention graphs.
 */
public final class JGraphTAdapter {

    private JGraphTAdapter() {
    }

    /**
     * A new mutable JGraphT graph with vertices $0..n-1$: a {@link SimpleWeightedGraph} if the graph
     * is undirected; a {@link DirectedWeightedPseudograph} (self-loops allowed) if directed with
     * self-loops, else a {@link SimpleDirectedWeightedGraph}.
     */
    public static Graph<Integer, DefaultWeightedEdge> toJGraphT(WeightedGraph g) {
        Check.notNull("g", g);
        SparseMatrix a = g.adjacency();
        boolean loops = false;
        for (int i = 0; i < g.n() && !loops; i++) {
            loops = a.get(i, i) != 0;
        }
        Graph<Integer, DefaultWeightedEdge> out = !g.isDirected() ? new SimpleWeightedGraph<>(DefaultWeightedEdge.class)
                : loops ? new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class)
                : new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < g.n(); i++) {
            out.addVertex(i);
        }
        EdgeList e = g.edges();
        for (int k = 0; k < e.size(); k++) {
            DefaultWeightedEdge edge = out.addEdge(e.u(k), e.v(k));
            out.setEdgeWeight(edge, e.w(k));
        }
        return out;
    }

    /**
     * A {@link WeightedGraph} from any weighted JGraphT graph; vertex $i$ is the $i$-th vertex in
     * {@code g.vertexSet()} iteration order, returned in {@code order} if it is not null.
     * Parallel edges add up; weights must be finite and non-negative.
     */
    public static <V, E> WeightedGraph fromJGraphT(Graph<V, E> g, List<V> order) {
        Check.notNull("g", g);
        List<V> vs = new ArrayList<>(g.vertexSet());
        Map<V, Integer> index = new HashMap<>();
        for (V v : vs) {
            index.put(v, index.size());
        }
        if (order != null) {
            try {
                order.addAll(vs);
            } catch (UnsupportedOperationException e) {
                throw new IllegalArgumentException("order is not modifiable: pass a list the vertices can be added to,"
                        + " or null", e);
            }
        }
        SparseMatrixBuilder b = SparseMatrix.builder(vs.size(), vs.size());
        boolean directed = g.getType().isDirected();
        for (E e : g.edgeSet()) {
            int s = index.get(g.getEdgeSource(e));
            int t = index.get(g.getEdgeTarget(e));
            double w = g.getEdgeWeight(e);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("edge " + e + " has weight " + w + ": weights must be finite and >= 0");
            }
            b.add(s, t, w);
            if (!directed && s != t) {
                b.add(t, s, w);
            }
        }
        SparseMatrix a = b.build();
        return directed ? WeightedGraph.directed(a) : WeightedGraph.undirected(a);
    }
}
