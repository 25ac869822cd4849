package io.github.attnlab.spectral.sparsify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.spectral.eigen.LaplacianSpectra;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.LaplacianKind;
import io.github.attnlab.spectral.graph.RandomGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LaplacianDistanceTest {

    private static final double ROUNDING = 1e-10;

    @Test
    void weylAndGershgorinBoundTheEigenvalueShiftsOfTopK() {
        Random r = new Random(8);
        for (int trial = 0; trial < 20; trial++) {
            int n = 20 + r.nextInt(60);
            double[][] a = RandomGraphs.attention(r, n, 1 + 2 * r.nextDouble());
            WeightedGraph full = AttentionGraphs.symmetrised(a);
            WeightedGraph sparse = AttentionGraphs.directed(a).topKPerRow(1 + r.nextInt(n / 2)).symmetrised();
            double norm = LaplacianDistance.spectralNorm(full, sparse, LaplacianKind.COMBINATORIAL);
            assertTrue(norm <= LaplacianDistance.gershgorinBound(full, sparse) + ROUNDING);
            double[] l = LaplacianSpectra.all(Laplacian.combinatorial(full)).values();
            double[] lk = LaplacianSpectra.all(Laplacian.combinatorial(sparse)).values();
            for (int i = 0; i < n; i++) {
                assertTrue(Math.abs(l[i] - lk[i]) <= norm + ROUNDING, "Weyl, eigenvalue " + i);
            }
        }
        WeightedGraph g = RandomGraphs.connected(r, 30, 0.3);
        assertEquals(0, LaplacianDistance.spectralNorm(g, g, LaplacianKind.SYMMETRIC), 0);
    }
}
