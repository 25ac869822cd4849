package io.github.attnlab.bench;

import io.github.attnlab.spectral.graph.KnnGraph;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Random;

/** The benchmark graph: the symmetric 10-nearest-neighbour graph of n uniform points in the unit cube. */
public final class KnnLaplacianState {

    private KnnLaplacianState() {
    }

    public static Laplacian build(int n, int k, long seed) {
        Random r = new Random(seed);
        double[][] pts = new double[n][3];
        for (double[] p : pts) {
            for (int t = 0; t < 3; t++) {
                p[t] = r.nextDouble();
            }
        }
        WeightedGraph g = KnnGraph.unit(pts, k);
        return Laplacian.combinatorial(g);
    }
}
