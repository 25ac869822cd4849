package io.github.attnlab.spectral.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnnGraphTest {

    @Test
    void kdTreeNeighboursEqualBruteForce() {
        Random r = new Random(17);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + r.nextInt(300);
            int d = 1 + r.nextInt(5);
            int k = 1 + r.nextInt(Math.min(12, n - 1));
            double[][] pts = new double[n][d];
            for (double[] p : pts) {
                for (int t = 0; t < d; t++) {
                    p[t] = trial % 3 == 0 ? r.nextInt(4) : r.nextGaussian(); // every third trial: many ties
                }
            }
            int[][] nb = KnnGraph.neighbours(pts, k);
            for (int i = 0; i < n; i++) {
                final int q = i;
                int[] brute = IntStream.range(0, n).filter(j -> j != q).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(j -> dist(pts[q], pts[j])).thenComparing(j -> j))
                        .limit(k).mapToInt(Integer::intValue).toArray();
                assertArrayEquals(brute, nb[i], "point " + i + " of trial " + trial);
            }
        }
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            s += (a[t] - b[t]) * (a[t] - b[t]);
        }
        return s;
    }

    @Test
    void graphIsTheSymmetricUnion() {
        Random r = new Random(19);
        double[][] pts = new double[200][3];
        for (double[] p : pts) {
            for (int t = 0; t < 3; t++) {
                p[t] = r.nextDouble();
            }
        }
        int k = 6;
        int[][] nb = KnnGraph.neighbours(pts, k);
        WeightedGraph g = KnnGraph.gaussian(pts, k, 0.2);
        assertFalse(g.isDirected());
        for (int i = 0; i < pts.length; i++) {
            for (int j = 0; j < pts.length; j++) {
                final int a = i;
                final int b = j;
                boolean edge = Arrays.stream(nb[a]).anyMatch(x -> x == b) || Arrays.stream(nb[b]).anyMatch(x -> x == a);
                double expected = edge ? Math.exp(-dist(pts[i], pts[j]) / 0.04) : 0;
                assertEquals(expected, g.adjacency().get(i, j), 1e-15);
            }
        }
    }
}
