package io.github.attnlab.spectral.cut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.RandomGraphs;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cheeger's inequality against the exact conductance, found by enumerating every cut. */
class CheegerTest {

    /** Rounding in cut sums and in λ₂ of graphs with at most 14 vertices. */
    private static final double TOL = 1e-10;

    @Test
    void grayCodeEnumerationEqualsDirectEnumeration() {
        Random r = new Random(1);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + r.nextInt(9);
            WeightedGraph g = RandomGraphs.connected(r, n, 0.4);
            double best = Double.POSITIVE_INFINITY;
            for (int mask = 1; mask < (1 << n) - 1; mask++) {
                boolean[] s = new boolean[n];
                for (int v = 0; v < n; v++) {
                    s[v] = ((mask >> v) & 1) != 0;
                }
                best = Math.min(best, Conductance.of(g, s));
            }
            Cut c = ExactCheeger.minimum(g);
            assertEquals(best, c.conductance(), TOL, "trial " + trial);
        }
    }

    @Test
    void closedFormConductances() {
        for (int n = 2; n <= 14; n++) {
            assertEquals((double) ((n + 1) / 2) / (n - 1), ExactCheeger.minimum(StandardGraphs.complete(n)).conductance(), TOL, "K" + n);
            assertEquals(1.0 / (2 * (n / 2) - 1), ExactCheeger.minimum(StandardGraphs.path(n)).conductance(), TOL, "P" + n);
        }
    }

    @Test
    void sandwichHoldsOnRandomGraphsAndAttentionHeads() {
        Random r = new Random(7);
        int checked = 0;
        for (int trial = 0; trial < 150; trial++) {
            int n = 3 + r.nextInt(12);
            WeightedGraph g = trial % 3 == 0 ? AttentionGraphs.symmetrised(RandomGraphs.attention(r, n, 1 + 2 * r.nextDouble()))
                    : trial % 3 == 1 ? AttentionGraphs.directed(RandomGraphs.attention(r, n, 3)).topKPerRow(2).symmetrised()
                    : RandomGraphs.connected(r, n, r.nextDouble());
            if (!g.components().connected()) {
                continue;
            }
            Cheeger c = Cheeger.of(g);
            double h = ExactCheeger.minimum(g).conductance();
            assertTrue(c.lowerBound() <= h + TOL, "lower bound, trial " + trial + ": " + c + " h = " + h);
            assertTrue(h <= c.sweepConductance() + TOL, "h is the minimum, trial " + trial);
            assertTrue(c.sweepConductance() <= c.upperBound() + TOL, "sweep bound, trial " + trial + ": " + c);
            assertTrue(c.holds(TOL));
            checked++;
        }
        assertTrue(checked >= 120, "only " + checked + " connected instances");
    }

    @Test
    void disconnectedGraphHasZeroGapAndASweepAlongAComponent() {
        WeightedGraph g = WeightedGraph.fromEdges(6, new int[] {0, 1, 2, 3, 4}, new int[] {1, 2, 0, 4, 5},
                new double[] {1, 2, 3, 1, 1});
        SpectralGap gap = SpectralGap.of(Laplacian.symmetric(g));
        assertFalse(gap.connected());
        assertEquals(0.0, gap.lambda2(), 0.0);
        assertTrue(gap.toString().contains("2 components of sizes 3, 3"), gap.toString());
        Cheeger c = Cheeger.of(g, gap);
        assertEquals(0.0, c.sweepConductance(), 0.0);
        assertEquals(3, c.sweep().size());
    }

    @Test
    void isolatedVerticesAndDirectedGraphsAreRejected() {
        WeightedGraph g = WeightedGraph.fromEdges(3, new int[] {0}, new int[] {1}, new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cheeger.of(g));
        assertTrue(e.getMessage().contains("vertex 2 is isolated"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conductance.of(AttentionGraphs.directed(new double[][] {{0, 1}, {1, 0}}), new boolean[2]));
        assertTrue(e.getMessage().contains("symmetrised()"), e.getMessage());
    }
}
