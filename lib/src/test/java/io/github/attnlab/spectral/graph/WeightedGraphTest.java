package io.github.attnlab.spectral.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

class WeightedGraphTest {

    private static final double EXACT = 0.0;
    private static final double ROUNDING = 1e-14;

    @Test
    void attentionInputIsValidated() {
        assertMessage("attention[1][0] = NaN", () -> AttentionGraphs.directed(new double[][] {{1, 0}, {Double.NaN, 1}}));
        assertMessage("attention[0][1] = -0.5", () -> AttentionGraphs.directed(new double[][] {{1, -0.5}, {0, 1}}));
        assertMessage("not square: 2 x 3", () -> AttentionGraphs.directed(new double[][] {{1, 0, 0}, {0, 1, 0}}));
        assertMessage("attention has no rows", () -> AttentionGraphs.directed(new double[0][]));
        assertMessage("Infinity", () -> AttentionGraphs.symmetrised(new double[][] {{1, Double.POSITIVE_INFINITY}, {0, 1}}));
        assertMessage("not symmetric", () -> WeightedGraph.undirected(SparseMatrix.fromDense(new double[][] {{0, 1}, {2, 0}})));
        assertMessage("w[0] = -1.0 must be finite and >= 0", () -> WeightedGraph.fromEdges(3, new int[] {0}, new int[] {1}, new double[] {-1}));
        assertMessage("symmetrised()", () -> Laplacian.combinatorial(AttentionGraphs.directed(new double[][] {{1}})));
        assertMessage("k = 3 is outside [1, 2]", () -> AttentionGraphs.directed(new double[][] {{1, 0}, {0, 1}}).topKPerRow(3));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }

    @Test
    void symmetrisationIsTheAverageWithoutLoops() {
        Random r = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + r.nextInt(20);
            double[][] a = RandomGraphs.matrix(r, n, 0.4);
            WeightedGraph w = AttentionGraphs.symmetrised(a);
            assertFalse(w.isDirected());
            double[][] d = w.toDense();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(i == j ? 0 : (a[i][j] + a[j][i]) / 2, d[i][j], ROUNDING);
                    assertEquals(d[i][j], d[j][i], EXACT);
                }
            }
        }
    }

    @Test
    void topKKeepsTheLargestPerRowWithTiesToTheLowerColumn() {
        double[][] a = {{0.1, 0.4, 0.4, 0.1}, {0.25, 0.25, 0.25, 0.25}, {0, 0, 1, 0}, {0.7, 0.1, 0.1, 0.1}};
        double[][] k2 = AttentionGraphs.directed(a).topKPerRow(2).toDense();
        assertArrayEquals(new double[][] {{0, 0.4, 0.4, 0}, {0.25, 0.25, 0, 0}, {0, 0, 1, 0}, {0.7, 0.1, 0, 0}}, k2);
        Random r = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            int n = 3 + r.nextInt(30);
            int k = 1 + r.nextInt(n);
            double[][] att = RandomGraphs.attention(r, n, 2);
            WeightedGraph g = AttentionGraphs.directed(att).topKPerRow(k);
            for (int i = 0; i < n; i++) {
                assertEquals(k, g.adjacency().rowNonZeros(i));
                double kept = Double.POSITIVE_INFINITY;
                for (int p = g.adjacency().rowStart(i); p < g.adjacency().rowStart(i + 1); p++) {
                    kept = Math.min(kept, g.adjacency().value(p));
                }
                for (int j = 0; j < n; j++) {
                    if (g.adjacency().get(i, j) == 0) {
                        assertTrue(att[i][j] <= kept, "a dropped entry exceeds a kept one");
                    }
                }
            }
            double[] rows = g.rowNormalised().degrees();
            for (double s : rows) {
                assertEquals(1.0, s, 1e-12);
            }
        }
    }

    @Test
    void thresholdAndPattern() {
        double[][] a = {{0.5, 0.2, 0.3}, {0.1, 0.8, 0.1}, {0.3, 0.3, 0.4}};
        assertArrayEquals(new double[][] {{0.5, 0, 0.3}, {0, 0.8, 0}, {0.3, 0.3, 0.4}},
                AttentionGraphs.directed(a).thresholded(0.3).toDense());
        boolean[][] mask = {{true, true, false}, {false, true, true}, {true, false, true}};
        assertArrayEquals(new double[][] {{0.5, 0.2, 0}, {0, 0.8, 0.1}, {0.3, 0, 0.4}},
                AttentionGraphs.masked(a, mask).toDense());
        assertEquals(6, AttentionGraphs.pattern(mask).edgeCount());
    }

    @Test
    void componentsAgreeWithJGraphT() {
        Random r = new Random(9);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + r.nextInt(30);
            WeightedGraph g = AttentionGraphs.symmetrised(RandomGraphs.matrix(r, n, 0.6 / n));
            Components c = g.components();
            Graph<Integer, DefaultWeightedEdge> jg = g.toJGraphT();
            List<java.util.Set<Integer>> sets = new ConnectivityInspector<>(jg).connectedSets();
            assertEquals(sets.size(), c.count());
            for (java.util.Set<Integer> s : sets) {
                int label = c.label(s.iterator().next());
                for (int v : s) {
                    assertEquals(label, c.label(v));
                }
            }
            assertEquals(n, java.util.Arrays.stream(c.sizes()).sum());
        }
    }

    @Test
    void jgraphtRoundTripKeepsWeights() {
        Random r = new Random(11);
        for (boolean directed : new boolean[] {true, false}) {
            double[][] a = RandomGraphs.matrix(r, 12, 0.3);
            WeightedGraph g = directed ? AttentionGraphs.directed(a) : AttentionGraphs.symmetrised(a);
            List<Integer> order = new ArrayList<>();
            WeightedGraph back = JGraphTAdapter.fromJGraphT(g.toJGraphT(), order);
            assertEquals(directed, back.isDirected());
            double[][] x = g.toDense();
            double[][] y = back.toDense();
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 12; j++) {
                    assertEquals(x[order.get(i)][order.get(j)], y[i][j], EXACT);
                }
            }
        }
    }

    @Test
    void laplacianQuadraticFormIsTheEdgeSum() {
        Random r = new Random(13);
        for (int trial = 0; trial < 20; trial++) {
            WeightedGraph g = RandomGraphs.connected(r, 2 + r.nextInt(25), 0.3);
            Laplacian l = Laplacian.combinatorial(g);
            Laplacian s = Laplacian.symmetric(g);
            double[] x = new double[g.n()];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
            }
            double[] d = g.degrees();
            EdgeList e = g.edges();
            double q = 0;
            double qs = 0;
            for (int t = 0; t < e.size(); t++) {
                double diff = x[e.u(t)] - x[e.v(t)];
                q += e.w(t) * diff * diff;
                double ds = x[e.u(t)] / Math.sqrt(d[e.u(t)]) - x[e.v(t)] / Math.sqrt(d[e.v(t)]);
                qs += e.w(t) * ds * ds;
            }
            assertEquals(q, l.quadraticForm(x), 1e-10 * q);
            assertEquals(qs, s.quadraticForm(x), 1e-10 * qs);
            for (double[] y : l.nullSpace()) {
                assertEquals(0, l.residual(0, y), 1e-12);
            }
            for (double[] y : s.nullSpace()) {
                assertEquals(0, s.residual(0, y), 1e-12);
            }
        }
    }

    @Test
    void isolatedVertexFollowsChungsConvention() {
        WeightedGraph g = WeightedGraph.fromEdges(3, new int[] {0}, new int[] {1}, new double[] {2});
        Laplacian s = Laplacian.symmetric(g);
        assertEquals(0.0, s.matrix().get(2, 2), EXACT);
        assertEquals(2, s.nullSpace().length);
        assertEquals("Components[2 components of sizes 2, 1]", g.components().toString());
    }

    @Test
    void inducedSubgraphKeepsTheWeightsBetweenChosenVertices() {
        double[][] a = RandomGraphs.matrix(new Random(21), 10, 0.5);
        WeightedGraph g = AttentionGraphs.directed(a);
        int[] chosen = {7, 2, 5};
        double[][] sub = g.induced(chosen).toDense();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(a[chosen[i]][chosen[j]], sub[i][j], EXACT);
            }
        }
        assertMessage("vertex 2 is listed twice", () -> g.induced(new int[] {2, 2}));
        assertMessage("vertices[1] = 10 is outside [0, 9]", () -> g.induced(new int[] {1, 10}));
    }
}
