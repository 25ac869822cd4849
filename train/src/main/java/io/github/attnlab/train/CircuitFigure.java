package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.Style;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * A pruned model ({@link CircuitPruning.Circuit}) drawn as a layered graph, left to right: input tokens, residual
 * channels, the heads of layer 0, the residual channels after them, the feed-forward neurons of layer 0, the
 * channels after them, ..., the output classes. An edge joins two nodes when at least one non-zero weight connects
 * them (its weight in the graph: how many); a head's edges gather its query, key, value and output weights. Residual
 * connections (a channel to itself in the next column) are grey. Layer norms are not drawn (they rescale a position's
 * channels together). Only nodes with an edge are drawn.
 */
public final class CircuitFigure implements Figure {

    private final String title;
    private final Graph<String, DefaultWeightedEdge> graph;
    private final Map<String, double[]> at;
    private final Map<String, Integer> kind;

    private CircuitFigure(String title, Graph<String, DefaultWeightedEdge> graph, Map<String, double[]> at,
                          Map<String, Integer> kind) {
        this.title = title;
        this.graph = graph;
        this.at = at;
        this.kind = kind;
    }

    /** The graph of {@code circuit}'s non-zero weights, titled {@code title}. */
    public static CircuitFigure of(CircuitPruning.Circuit circuit, String title) {
        Check.notNull("circuit", circuit);
        Check.notNull("title", title);
        Transformer m = circuit.model();
        ModelConfig c = m.config();
        int d = c.width();
        int dh = c.headDim();
        SimpleDirectedWeightedGraph<String, DefaultWeightedEdge> g =
                new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Map<String, double[]> at = new LinkedHashMap<>();
        Map<String, Integer> kind = new HashMap<>();
        Builder b = new Builder(g, at, kind);
        double[][] embed = m.weights("embed");
        for (int t = 0; t < embed.length; t++) {
            for (int j = 0; j < d; j++) {
                b.edge("tok" + t, 0, t, 0, "c0." + j, 1, j, 1, embed[t][j] != 0 ? 1 : 0);
            }
        }
        int col = 1;
        for (int l = 0; l < c.layers(); l++) {
            String in = "c" + (2 * l) + ".";
            String mid = "c" + (2 * l + 1) + ".";
            String next = "c" + (2 * l + 2) + ".";
            double[][] qkv = m.weights("layer" + l + ".wqkv");
            double[][] wo = m.weights("layer" + l + ".wo");
            for (int h = 0; h < c.heads(); h++) {
                String head = "L" + l + "H" + h;
                for (int j = 0; j < d; j++) {
                    int n = 0;
                    for (int part = 0; part < 3; part++) {
                        for (int e = 0; e < dh; e++) {
                            n += qkv[j][part * d + h * dh + e] != 0 ? 1 : 0;
                        }
                    }
                    b.edge(in + j, col, j, 1, head, col + 1, h * 4, 2, n);
                    int o = 0;
                    for (int e = 0; e < dh; e++) {
                        o += wo[h * dh + e][j] != 0 ? 1 : 0;
                    }
                    b.edge(head, col + 1, h * 4, 2, mid + j, col + 2, j, 1, o);
                }
            }
            double[][] w1 = m.weights("layer" + l + ".w1");
            double[][] w2 = m.weights("layer" + l + ".w2");
            for (int u = 0; u < c.hidden(); u++) {
                String neuron = "L" + l + "N" + u;
                for (int j = 0; j < d; j++) {
                    b.edge(mid + j, col + 2, j, 1, neuron, col + 3, u, 3, w1[j][u] != 0 ? 1 : 0);
                    b.edge(neuron, col + 3, u, 3, next + j, col + 4, j, 1, w2[u][j] != 0 ? 1 : 0);
                }
            }
            col += 4;
        }
        double[][] out = m.weights("out");
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < out[j].length; k++) {
                b.edge("c" + (2 * c.layers()) + "." + j, col, j, 1, "class" + k, col + 1, k * 2, 4, out[j][k] != 0 ? 1 : 0);
            }
        }
        List<String> channels = new ArrayList<>();
        for (String v : g.vertexSet()) {
            if (kind.get(v) == 1) {
                channels.add(v);
            }
        }
        for (String v : channels) {
            int stage = Integer.parseInt(v.substring(1, v.indexOf('.')));
            String nextV = "c" + (stage + 1) + v.substring(v.indexOf('.'));
            if (g.containsVertex(nextV)) {
                DefaultWeightedEdge e = g.addEdge(v, nextV);
                g.setEdgeWeight(e, 0);
            }
        }
        return new CircuitFigure(title, g, at, kind);
    }

    private record Builder(Graph<String, DefaultWeightedEdge> g, Map<String, double[]> at, Map<String, Integer> kind) {
        void edge(String from, int fx, int fy, int fk, String to, int tx, int ty, int tk, int weights) {
            if (weights == 0) {
                return;
            }
            node(from, fx, fy, fk);
            node(to, tx, ty, tk);
            DefaultWeightedEdge e = g.getEdge(from, to);
            if (e == null) {
                e = g.addEdge(from, to);
                g.setEdgeWeight(e, weights);
            } else {
                g.setEdgeWeight(e, g.getEdgeWeight(e) + weights);
            }
        }

        void node(String v, int x, int y, int k) {
            if (g.addVertex(v)) {
                at.put(v, new double[] {x, y});
                kind.put(v, k);
            }
        }
    }

    /** The graph: vertices {@code tok3}, {@code c0.5} (channel 5 before layer 0), {@code L0H1}, {@code L1N7}, {@code class2}. */
    public Graph<String, DefaultWeightedEdge> graph() {
        return graph;
    }

    @Override
    public JFreeChart chart() {
        String[] names = {"input token", "residual channel", "head", "neuron", "output class"};
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries[] s = new XYSeries[names.length];
        for (int k = 0; k < names.length; k++) {
            s[k] = new XYSeries(names[k], false, true);
            data.addSeries(s[k]);
        }
        for (Map.Entry<String, double[]> e : at.entrySet()) {
            s[kind.get(e.getKey())].add(e.getValue()[0], e.getValue()[1]);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k < names.length; k++) {
            r.setSeriesPaint(k, Style.color(k));
            double size = k == 1 ? 4 : 9;
            r.setSeriesShape(k, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
        }
        NumberAxis x = new NumberAxis("column: tokens | channels | heads | channels | neurons | channels ... | classes");
        NumberAxis y = new NumberAxis("index");
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        for (DefaultWeightedEdge e : graph.edgeSet()) {
            double[] a = at.get(graph.getEdgeSource(e));
            double[] b = at.get(graph.getEdgeTarget(e));
            double wt = graph.getEdgeWeight(e);
            Color ink = wt == 0 ? new Color(200, 200, 200) : new Color(40, 40, 40, 140);
            float width = wt == 0 ? 0.6f : (float) Math.min(3, 0.6 + 0.4 * Math.log1p(wt));
            plot.addAnnotation(new XYLineAnnotation(a[0], a[1], b[0], b[1], new BasicStroke(width), ink));
        }
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    @Override
    public String toString() {
        return "CircuitFigure[" + title + ", " + graph.vertexSet().size() + " nodes, " + graph.edgeSet().size() + " edges]";
    }
}
