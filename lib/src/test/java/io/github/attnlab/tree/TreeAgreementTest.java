package io.github.attnlab.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeAgreementTest {

    @Test
    void adjustedRandMatchesPublishedValues() {
        // scikit-learn's documented examples of adjusted_rand_score
        assertEquals(0.24242424242424243, TreeAgreement.adjustedRand(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}), 1e-15);
        assertEquals(0.5714285714285714, TreeAgreement.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), 1e-15);
        assertEquals(1.0, TreeAgreement.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}), 0);
        assertEquals(0.0, TreeAgreement.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-15 + 0.5);
    }

    @Test
    void aTreeAgreesWithItselfAndNotWithAShuffle() {
        Random r = new Random(61);
        double sumAri = 0;
        double sumCorr = 0;
        int trials = 30;
        for (int trial = 0; trial < trials; trial++) {
            PartitionTree t = RandomTrees.random(r, 64 + r.nextInt(64), 3);
            TreeAgreement self = TreeAgreement.of(t, t);
            assertEquals(1.0, self.meanAdjustedRand(), 1e-12);
            assertEquals(1.0, self.metricCorrelation(), 1e-12);
            int[] perm = io.github.attnlab.stats.Shuffle.permutation(t.size(), r);
            TreeAgreement shuffled = TreeAgreement.of(t, t.relabel(perm));
            sumAri += shuffled.meanAdjustedRand();
            sumCorr += shuffled.metricCorrelation();
        }
        assertEquals(0, sumAri / trials, 0.02, "independent trees: ARI 0 in expectation");
        assertEquals(0, sumCorr / trials, 0.05, "independent trees: uncorrelated metrics");
    }

    @Test
    void metricCorrelationIsThePearsonCorrelationOfTheTreeDistances() {
        Random r = new Random(62);
        PartitionTree a = RandomTrees.random(r, 40, 3);
        PartitionTree b = RandomTrees.randomLevels(r, 40, 4);
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int m = 0;
        for (int x = 0; x < 40; x++) {
            for (int y = x + 1; y < 40; y++) {
                double u = a.distance(x, y);
                double v = b.distance(x, y);
                sx += u;
                sy += v;
                sxx += u * u;
                syy += v * v;
                sxy += u * v;
                m++;
            }
        }
        double corr = (sxy - sx * sy / m) / Math.sqrt((sxx - sx * sx / m) * (syy - sy * sy / m));
        assertEquals(corr, TreeAgreement.metricCorrelation(a, b), 1e-12);
        TreeAgreement ag = TreeAgreement.of(a, b);
        assertTrue(ag.toString().startsWith("TreeAgreement[mean ARI="), ag.toString());
        for (TreeAgreement.LevelMatch lm : ag.levels()) {
            assertEquals(TreeAgreement.adjustedRand(a.partition(lm.levelA()), b.partition(lm.levelB())), lm.adjustedRand(), 0);
        }
    }
}
