package io.github.attnlab.spectral.partition;

import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.SparseMatrixBuilder;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Random;

/**
 * One level of the multilevel hierarchy: an undirected graph with vertex weights (how many
 * original vertices each stands for) and the map from the finer level's vertices to this one's.
 */
final class Level {

    final WeightedGraph graph;
    final double[] vertexWeight;
    /** {@code fineToCoarse[v]} is this level's vertex containing vertex {@code v} of the finer level. */
    final int[] fineToCoarse;

    Level(WeightedGraph graph, double[] vertexWeight, int[] fineToCoarse) {
        this.graph = graph;
        this.vertexWeight = vertexWeight;
        this.fineToCoarse = fineToCoarse;
    }

    /** The finest level: every vertex weighs 1. */
    static Level finest(WeightedGraph g) {
        double[] w = new double[g.n()];
        java.util.Arrays.fill(w, 1.0);
        return new Level(g, w, null);
    }

    double totalWeight() {
        double s = 0;
        for (double w : vertexWeight) {
            s += w;
        }
        return s;
    }

    /**
     * The next coarser level by heavy-edge matching: vertices in random order, each unmatched
     * vertex is merged with the unmatched neighbour it shares the heaviest edge with (Karypis &amp;
     * Kumar 1998, §3.1); vertices whose merged weight would exceed {@code maxVertexWeight} stay apart.
     */
    Level coarsen(Random random, double maxVertexWeight) {
        int n = graph.n();
        SparseMatrix a = graph.adjacency();
        int[] order = io.github.attnlab.stats.Shuffle.permutation(n, random);
        int[] match = new int[n];
        java.util.Arrays.fill(match, -1);
        for (int v : order) {
            if (match[v] >= 0) {
                continue;
            }
            int best = v;
            double bestW = 0;
            for (int p = a.rowStart(v); p < a.rowStart(v + 1); p++) {
                int u = a.column(p);
                if (match[u] < 0 && u != v && a.value(p) > bestW
                        && vertexWeight[u] + vertexWeight[v] <= maxVertexWeight) {
                    best = u;
                    bestW = a.value(p);
                }
            }
            match[v] = best;
            match[best] = v;
        }
        int[] map = new int[n];
        java.util.Arrays.fill(map, -1);
        int m = 0;
        for (int v = 0; v < n; v++) {
            if (map[v] < 0) {
                map[v] = m;
                map[match[v]] = m;
                m++;
            }
        }
        double[] cw = new double[m];
        for (int v = 0; v < n; v++) {
            cw[map[v]] += vertexWeight[v];
        }
        SparseMatrixBuilder b = SparseMatrix.builder(m, m);
        for (int v = 0; v < n; v++) {
            for (int p = a.rowStart(v); p < a.rowStart(v + 1); p++) {
                int cu = map[a.column(p)];
                if (cu != map[v]) {
                    b.add(map[v], cu, a.value(p));
                }
            }
        }
        return new Level(WeightedGraph.undirected(b.build()), cw, map);
    }
}
