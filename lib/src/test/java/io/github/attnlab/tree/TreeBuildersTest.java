package io.github.attnlab.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.diffusion.Bandwidth;
import io.github.attnlab.diffusion.DiffusionMap;
import io.github.attnlab.diffusion.DiffusionMaps;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bisection and flexible trees recover the structure they are built on. */
class TreeBuildersTest {

    @Test
    void bisectionIsBalancedAndFollowsALine() {
        Random r = new Random(71);
        for (int n : new int[] {1, 2, 3, 17, 64, 100}) {
            double[][] x = new double[n][2];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = r.nextDouble();
                x[i] = new double[] {3 * s[i], -2 * s[i]};
            }
            PartitionTree t = BisectionTree.of(x);
            assertEquals(n == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1), t.depth(), "balanced, n = " + n);
            int[] order = t.order();
            boolean up = true;
            boolean down = true;
            for (int k = 1; k < n; k++) {
                up &= s[order[k]] > s[order[k - 1]];
                down &= s[order[k]] < s[order[k - 1]];
            }
            assertTrue(up || down, "the leaf order sorts the points along their principal axis");
        }
    }

    static double[][] blobs(Random r, int perBlob, int[] truth) {
        double[][] centres = {{0, 0}, {6, 0}, {0, 6}};
        int n = 3 * perBlob;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            int b = i % 3;
            truth[i] = b;
            x[i] = new double[] {centres[b][0] + 0.5 * r.nextGaussian(), centres[b][1] + 0.5 * r.nextGaussian()};
        }
        return x;
    }

    @Test
    void flexibleTreesFindSeparatedClusters() {
        Random r = new Random(72);
        for (int trial = 0; trial < 5; trial++) {
            int per = 20 + r.nextInt(20);
            int[] truth = new int[3 * per];
            double[][] x = blobs(r, per, truth);
            DiffusionMap dm = DiffusionMaps.fromPoints(x).bandwidth(Bandwidth.median(0.1)).alpha(0).components(8).compute();
            PartitionTree t = FlexibleTree.of(dm).build();
            double c = QuestionnaireTest.tripletConsistency(t, truth);
            assertEquals(1.0, c, 0, "no point joins another cluster before its own: " + t);
            assertTrue(t.depth() < 3 * per / 2, "a flexible tree is shallow: " + t);
        }
    }

    @Test
    void tinyInputsStillGiveTrees() {
        DiffusionMap two = DiffusionMaps.fromAffinity(new double[][] {{1, 0.3}, {0.3, 1}}).components(1).compute();
        PartitionTree t = FlexibleTree.of(two).build();
        assertEquals(2, t.size());
        assertEquals(1, t.depth());
        double[][] flat = new double[5][3]; // identical points: every split is a tie
        PartitionTree b = BisectionTree.of(flat);
        assertEquals(5, b.size());
        assertEquals(5, Arrays.stream(b.order()).distinct().count());
    }
}
