package io.github.attnlab.topk;

import java.util.Arrays;
import java.util.List;

/** Recursive median bisection of points along their direction of largest spread (power iteration). */
final class Bisection {

    private static final int POWER_STEPS = 12;

    private Bisection() {
    }

    static void split(double[][] x, int[] idx, int leaf, List<int[]> out) {
        if (idx.length <= leaf) {
            out.add(idx);
            return;
        }
        int d = x[0].length;
        double[] mean = new double[d];
        for (int i : idx) {
            for (int c = 0; c < d; c++) {
                mean[c] += x[i][c] / idx.length;
            }
        }
        // Power iteration on the covariance, from a deterministic start.
        double[] dir = new double[d];
        Arrays.fill(dir, 1 / Math.sqrt(d));
        double[] next = new double[d];
        for (int step = 0; step < POWER_STEPS; step++) {
            Arrays.fill(next, 0);
            for (int i : idx) {
                double p = 0;
                for (int c = 0; c < d; c++) {
                    p += (x[i][c] - mean[c]) * dir[c];
                }
                for (int c = 0; c < d; c++) {
                    next[c] += p * (x[i][c] - mean[c]);
                }
            }
            double norm = 0;
            for (double v : next) {
                norm += v * v;
            }
            if (norm == 0) {
                break;
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < d; c++) {
                dir[c] = next[c] / norm;
            }
        }
        double[] proj = new double[idx.length];
        int[] pos = new int[idx.length];
        for (int a = 0; a < idx.length; a++) {
            double p = 0;
            for (int c = 0; c < d; c++) {
                p += x[idx[a]][c] * dir[c];
            }
            proj[a] = p;
            pos[a] = a;
        }
        IndexSort.descending(proj, 0, pos, pos.length);
        int half = idx.length / 2;
        int[] left = new int[half];
        int[] right = new int[idx.length - half];
        for (int a = 0; a < idx.length; a++) {
            if (a < half) {
                left[a] = idx[pos[a]];
            } else {
                right[a - half] = idx[pos[a]];
            }
        }
        split(x, left, leaf, out);
        split(x, right, leaf, out);
    }
}
