package io.github.attnlab.spectral.resistance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.RandomGraphs;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EffectiveResistanceTest {

    /** Dense Cholesky inverse of a Laplacian with condition number up to ~1e5. */
    private static final double DENSE_TOL = 1e-9;
    /** Conjugate gradients stopped at relative residual 1e-10. */
    private static final double CG_TOL = 1e-7;

    @Test
    void closedFormsOnPathCycleCompleteAndTree() {
        int n = 30;
        double[][] path = EffectiveResistance.exactMatrix(StandardGraphs.path(n));
        double[][] cycle = EffectiveResistance.exactMatrix(StandardGraphs.cycle(n));
        double[][] complete = EffectiveResistance.exactMatrix(StandardGraphs.complete(n));
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                int d = Math.abs(u - v);
                assertEquals(d, path[u][v], DENSE_TOL, "path series resistance");
                assertEquals((double) d * (n - d) / n, cycle[u][v], DENSE_TOL, "cycle: two paths in parallel");
                assertEquals(u == v ? 0 : 2.0 / n, complete[u][v], DENSE_TOL, "complete graph");
            }
        }
        // a weighted star: R between leaves i, j = 1/w_i + 1/w_j
        double[] w = {0.5, 2, 4, 1};
        WeightedGraph star = WeightedGraph.fromEdges(5, new int[] {0, 0, 0, 0}, new int[] {1, 2, 3, 4}, w);
        double[][] r = EffectiveResistance.exactMatrix(star);
        assertEquals(1 / 0.5 + 1 / 4.0, r[1][3], DENSE_TOL);
        assertEquals(1 / 2.0, r[0][2], DENSE_TOL);
    }

    @Test
    void fosterIdentityTotalResistanceAndSolvesAgree() {
        Random rnd = new Random(31);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + rnd.nextInt(60);
            WeightedGraph g = trial % 2 == 0 ? RandomGraphs.connected(rnd, n, 0.2)
                    : AttentionGraphs.directed(RandomGraphs.attention(rnd, n, 2)).topKPerRow(3).symmetrised();
            EdgeResistances exact = EffectiveResistance.exactEdges(g);
            assertEquals(n - g.components().count(), exact.fosterSum(), 1e-8, "Foster, trial " + trial);
            double[][] all = EffectiveResistance.exactMatrix(g);
            if (g.components().connected()) {
                double sum = 0;
                for (int u = 0; u < n; u++) {
                    for (int v = u + 1; v < n; v++) {
                        sum += all[u][v];
                    }
                }
                assertEquals(sum, EffectiveResistance.total(g), 1e-9 * sum, "R_tot = n sum 1/lambda, trial " + trial);
            }
            for (int t = 0; t < 5; t++) {
                int u = rnd.nextInt(n);
                int v = rnd.nextInt(n);
                double cg = EffectiveResistance.pair(g, u, v);
                if (Double.isInfinite(all[u][v])) {
                    assertTrue(Double.isInfinite(cg));
                } else {
                    assertEquals(all[u][v], cg, CG_TOL * (1 + all[u][v]), "CG pair, trial " + trial);
                }
            }
        }
    }

    @Test
    void closedFormTotals() {
        int n = 40;
        assertEquals((Math.pow(n, 3) - n) / 6, EffectiveResistance.total(StandardGraphs.path(n)), 1e-7);
        assertEquals(n - 1, EffectiveResistance.total(StandardGraphs.complete(n)), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, EffectiveResistance.total(
                WeightedGraph.fromEdges(3, new int[] {0}, new int[] {1}, new double[] {1})));
    }

    @Test
    void randomProjectionsMeetTheJohnsonLindenstraussGuarantee() {
        Random rnd = new Random(37);
        double eps = 0.5;
        for (int trial = 0; trial < 6; trial++) {
            int n = 30 + rnd.nextInt(40);
            WeightedGraph g = RandomGraphs.connected(rnd, n, 0.15);
            EdgeResistances exact = EffectiveResistance.exactEdges(g);
            int q = EffectiveResistance.projectionsFor(n, eps);
            EdgeResistances approx = EffectiveResistance.approximateEdges(g, q, 1e-10, trial);
            for (int e = 0; e < exact.edges().size(); e++) {
                double ratio = approx.resistance(e) / exact.resistance(e);
                assertTrue(ratio >= 1 - eps && ratio <= 1 + eps, "edge " + e + " ratio " + ratio + ", trial " + trial);
            }
        }
    }

    @Test
    void hutchinsonEstimateOfTheTotal() {
        Random rnd = new Random(41);
        for (int trial = 0; trial < 4; trial++) {
            WeightedGraph g = RandomGraphs.connected(rnd, 80, 0.08);
            double exact = EffectiveResistance.total(g);
            double est = EffectiveResistance.totalApproximate(g, 400, trial);
            // relative standard error sqrt(2/q) ||L+||_F / tr(L+) <= sqrt(2/400) = 7%; allow 3 of them
            assertEquals(exact, est, 0.21 * exact, "trial " + trial);
        }
    }

    @Test
    void solverHandlesDisconnectedGraphsAndRejectsDirectedOnes() {
        WeightedGraph g = WeightedGraph.fromEdges(5, new int[] {0, 1, 3}, new int[] {1, 2, 4}, new double[] {1, 2, 1});
        LaplacianSolver s = LaplacianSolver.of(Laplacian.combinatorial(g));
        double[] b = {1, 0, -1, 2, -2};
        LaplacianSolver.Solution x = s.solve(b);
        double[] lx = Laplacian.combinatorial(g).matrix().multiply(x.x());
        for (int i = 0; i < 5; i++) {
            assertEquals(b[i], lx[i], 1e-9);
        }
        assertEquals(0, x.x()[0] + x.x()[1] + x.x()[2], 1e-12, "minimum-norm: zero mean per component");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EffectiveResistance.exactEdges(AttentionGraphs.directed(new double[][] {{0, 1}, {1, 0}})));
        assertTrue(e.getMessage().contains("symmetrised()"), e.getMessage());
    }
}
