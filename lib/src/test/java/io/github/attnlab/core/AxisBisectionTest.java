package io.github.attnlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Median bisection along the principal axis: balanced leaves that cover every point once, split along the spread. */
class AxisBisectionTest {

    @Test
    void leavesPartitionThePointsInBalancedSets() {
        Random r = new Random(4);
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + r.nextInt(300);
            int leaf = 1 + r.nextInt(20);
            double[][] x = new double[n][3];
            for (double[] p : x) {
                p[0] = 10 * r.nextGaussian();
                p[1] = r.nextGaussian();
                p[2] = 0.1 * r.nextGaussian();
            }
            List<int[]> leaves = leaves(x, leaf);
            int[] all = leaves.stream().flatMapToInt(Arrays::stream).sorted().toArray();
            int[] expected = new int[n];
            Arrays.setAll(expected, i -> i);
            assertArrayEquals(expected, all, "every point in exactly one leaf");
            for (int[] l : leaves) {
                assertTrue(l.length <= leaf && (n <= leaf || 2 * l.length >= leaf), "leaf of " + l.length);
            }
        }
    }

    @Test
    void firstSplitFollowsTheWidestDirection() {
        // points on a line along (1, 1) with small noise: the halves are the two ends of the line
        Random r = new Random(5);
        int n = 100;
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            double t = i - n / 2.0;
            x[i][0] = t + 0.01 * r.nextGaussian();
            x[i][1] = t + 0.01 * r.nextGaussian();
        }
        List<int[]> halves = leaves(x, n / 2);
        assertEquals(2, halves.size());
        int[] lower = halves.get(0).clone();
        Arrays.sort(lower);
        int[] expected = new int[n / 2];
        Arrays.setAll(expected, i -> i);
        int[] upper = halves.get(1).clone();
        Arrays.sort(upper);
        assertTrue(Arrays.equals(expected, lower) || Arrays.equals(expected, upper), Arrays.toString(lower));
    }

    private static List<int[]> leaves(double[][] x, int leaf) {
        List<int[]> out = new ArrayList<>();
        AxisBisection.build(x, leaf, 30, new AxisBisection.Builder<Void>() {
            @Override
            public Void leaf(int[] points) {
                out.add(points);
                return null;
            }

            @Override
            public Void node(Void lower, Void upper) {
                return null;
            }
        });
        return out;
    }
}
