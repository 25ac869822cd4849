package io.github.attnlab.spectral.sparsify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.spectral.graph.RandomGraphs;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import io.github.attnlab.spectral.resistance.EdgeResistances;
import io.github.attnlab.spectral.resistance.EffectiveResistance;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectralSparsifierTest {

    private static final double ROUNDING = 1e-9;

    @Test
    void errorOfAGraphAgainstItselfAndItsMultiples() {
        WeightedGraph g = RandomGraphs.connected(new Random(1), 40, 0.2);
        assertEquals(0, QuadraticFormError.exact(g, g).epsilon(), ROUNDING);
        WeightedGraph twice = WeightedGraph.fromEdges(40, g.edges().u(), g.edges().v(),
                java.util.Arrays.stream(g.edges().w()).map(w -> 2 * w).toArray());
        QuadraticFormError e = QuadraticFormError.exact(g, twice);
        assertEquals(2, e.muMin(), ROUNDING);
        assertEquals(2, e.muMax(), ROUNDING);
        assertEquals(1, e.epsilon(), ROUNDING);
    }

    @Test
    void sampledErrorIsALowerBoundOfTheExactOne() {
        Random r = new Random(3);
        for (int trial = 0; trial < 10; trial++) {
            WeightedGraph g = RandomGraphs.connected(r, 50, 0.3);
            Sparsified s = SpectralSparsifier.sample(g, EffectiveResistance.exactEdges(g), 300, trial);
            QuadraticFormError exact = s.error();
            QuadraticFormError sampled = QuadraticFormError.sampled(g, s.sparse(), 10, trial);
            assertTrue(sampled.muMin() >= exact.muMin() - ROUNDING && sampled.muMax() <= exact.muMax() + ROUNDING,
                    exact + " vs " + sampled);
            assertTrue(sampled.epsilon() <= exact.epsilon() + ROUNDING);
        }
    }

    @Test
    void enoughSamplesGiveTheRequestedEpsilon() {
        // q = 4 n ln n / eps^2 draws; the theorem's constant is not explicit, 4 suffices here on every seed
        Random r = new Random(5);
        double eps = 0.5;
        for (int trial = 0; trial < 6; trial++) {
            WeightedGraph g = trial % 2 == 0 ? StandardGraphs.complete(60) : RandomGraphs.connected(r, 60, 0.5);
            EdgeResistances res = EffectiveResistance.exactEdges(g);
            int q = (int) Math.ceil(4 * 60 * Math.log(60) / (eps * eps));
            Sparsified s = SpectralSparsifier.sample(g, res, q, trial);
            QuadraticFormError e = s.error();
            assertTrue(e.epsilon() <= eps, "trial " + trial + ": " + e + ", " + s);
            assertTrue(s.sparse().edgeCount() < g.edgeCount(), "it must actually sparsify: " + s);
        }
    }

    @Test
    void samplingIsUnbiased() {
        // E[w~_e] = w_e: average many independent sparsifiers of a small graph
        WeightedGraph g = RandomGraphs.connected(new Random(7), 12, 0.5);
        EdgeResistances res = EffectiveResistance.exactEdges(g);
        int reps = 4000;
        double[][] mean = new double[12][12];
        for (int t = 0; t < reps; t++) {
            double[][] w = SpectralSparsifier.sample(g, res, 20, t).sparse().toDense();
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 12; j++) {
                    mean[i][j] += w[i][j] / reps;
                }
            }
        }
        double[][] w = g.toDense();
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                // each weight is a mean of 4000 draws of a variable bounded by w_e / (20 p_e): a loose 6-sigma band
                assertEquals(w[i][j], mean[i][j], 0.12 * Math.max(w[i][j], 0.1), "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void edgeBudgetIsMetExactly() {
        WeightedGraph g = RandomGraphs.connected(new Random(9), 40, 0.4);
        EdgeResistances res = EffectiveResistance.exactEdges(g);
        for (int budget : new int[] {39, 100, 200}) {
            assertEquals(budget, SpectralSparsifier.toEdgeBudget(g, res, budget, budget).sparse().edgeCount());
        }
    }
}
