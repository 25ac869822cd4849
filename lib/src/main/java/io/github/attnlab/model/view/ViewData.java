package io.github.attnlab.model.view;

import io.github.attnlab.compact.Normalized;
import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.topk.Certificate;
import io.github.attnlab.topk.TopK;
import java.util.Arrays;

/**
 * What a view shows, computed once: for every embedded layer, every head and every query of the token window, the
 * keys of the window to draw, each as a pair (key position in the window, weight in thousandths), and the same for
 * the certified top-k and entmax supports, whose sizes are counted on the whole row.
 *
 * <p>Arrays are indexed {@code [embedded layer][head][query in window]} and hold flat pairs {@code k, w}.
 */
final class ViewData {

    final int[][][][] lines;
    final int[][][][] topk;
    final int[][][] topkSize;
    final int[][][][] entmax;
    final int[][][] entmaxSize;

    private ViewData(int[][][][] lines, int[][][][] topk, int[][][] topkSize, int[][][][] entmax,
                     int[][][] entmaxSize) {
        this.lines = lines;
        this.topk = topk;
        this.topkSize = topkSize;
        this.entmax = entmax;
        this.entmaxSize = entmaxSize;
    }

    static ViewData compute(AttentionTensor t, int[] layers, int from, int to, double minWeight, double eps,
                            double alpha) {
        int heads = t.heads();
        int w = to - from;
        int[][][][] lines = new int[layers.length][heads][w][];
        int[][][][] topk = Double.isNaN(eps) ? null : new int[layers.length][heads][w][];
        int[][][] topkSize = topk == null ? null : new int[layers.length][heads][w];
        int[][][][] entmax = Double.isNaN(alpha) ? null : new int[layers.length][heads][w][];
        int[][][] entmaxSize = entmax == null ? null : new int[layers.length][heads][w];
        Normalizer normalizer = entmax == null ? null : Normalizer.entmax(alpha);
        boolean[] keep = new boolean[t.length()];
        for (int li = 0; li < layers.length; li++) {
            for (int h = 0; h < heads; h++) {
                for (int q = from; q < to; q++) {
                    double[] p = t.probabilities(layers[li], h, q);
                    int qi = q - from;
                    Arrays.fill(keep, false);
                    for (int k = from; k < to; k++) {
                        keep[k] = p[k] >= minWeight;
                    }
                    lines[li][h][qi] = pairs(keep, p, from, to);
                    if (topk != null || entmax != null) {
                        double[] s = t.scores(layers[li], h, q);
                        if (topk != null) {
                            TopK row = TopK.of(s);
                            Certificate c = row.certify(eps);
                            Arrays.fill(keep, false);
                            if (c.k() > 0) {
                                for (int k : row.keep(c.k()).keys()) {
                                    keep[k] = true;
                                }
                            }
                            topk[li][h][qi] = pairs(keep, p, from, to);
                            topkSize[li][h][qi] = c.k();
                        }
                        if (entmax != null) {
                            Normalized e = normalizer.apply(s);
                            Arrays.fill(keep, false);
                            for (int k : e.support()) {
                                keep[k] = true;
                            }
                            entmax[li][h][qi] = pairs(keep, p, from, to);
                            entmaxSize[li][h][qi] = e.supportSize();
                        }
                    }
                }
            }
        }
        return new ViewData(lines, topk, topkSize, entmax, entmaxSize);
    }

    /** Flat (key in window, weight in thousandths) pairs of the kept keys of [from, to). */
    private static int[] pairs(boolean[] keep, double[] p, int from, int to) {
        int m = 0;
        for (int k = from; k < to; k++) {
            m += keep[k] ? 1 : 0;
        }
        int[] out = new int[2 * m];
        int j = 0;
        for (int k = from; k < to; k++) {
            if (keep[k]) {
                out[j++] = k - from;
                out[j++] = (int) Math.round(1000 * p[k]);
            }
        }
        return out;
    }
}
