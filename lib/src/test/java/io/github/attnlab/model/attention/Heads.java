package io.github.attnlab.model.attention;

import java.util.Random;

/**
 * Seeded random attention heads in the layout a forward pass hands to {@link AttentionHook}: projections
 * $[Q\,K\,V]$ per token ({@code stride = 3 d}) and the scores $s = QK^\top/\sqrt d$ in float.
 */
final class Heads {

    final int n;
    final int d;
    final float[] qkv;
    final float[] s;

    /** Queries scaled by {@code sharpness} (larger: peakier rows). */
    Heads(Random r, int n, int d, double sharpness) {
        this.n = n;
        this.d = d;
        qkv = new float[n * 3 * d];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < d; j++) {
                qkv[t * 3 * d + j] = (float) (sharpness * r.nextGaussian());
                qkv[t * 3 * d + d + j] = (float) r.nextGaussian();
                qkv[t * 3 * d + 2 * d + j] = (float) r.nextGaussian();
            }
        }
        s = new float[n * n];
        float sqrtD = (float) Math.sqrt(d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float dot = 0;
                for (int c = 0; c < d; c++) {
                    dot = Math.fma(qkv[i * 3 * d + c], qkv[j * 3 * d + d + c], dot);
                }
                s[i * n + j] = dot / sqrtD;
            }
        }
    }

    /** The weights of one head (layer 0, head 0) under {@code hook}. */
    float[] apply(AttentionHook hook) {
        return apply(hook, 0, 0);
    }

    float[] apply(AttentionHook hook, int layer, int head) {
        float[] p = new float[n * n];
        hook.head(layer, head, n, d, qkv, 3 * d, 0, d, 2 * d, s.clone(), p);
        return p;
    }

    /** A one-head hook. */
    static AttentionHook hook(AttentionRule rule, Measurement m) {
        return AttentionHook.of(AttentionRules.all(rule), 1, 1, m);
    }

    /** Row {@code q} of the scores, widened. */
    double[] scores(int q) {
        double[] row = new double[n];
        for (int j = 0; j < n; j++) {
            row[j] = s[q * n + j];
        }
        return row;
    }

    /** The $n \times d$ queries or keys (0, 1) or values (2), widened. */
    double[][] block(int which) {
        double[][] out = new double[n][d];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < d; j++) {
                out[t][j] = qkv[t * 3 * d + which * d + j];
            }
        }
        return out;
    }
}
