package io.github.attnlab.spectral.heads;

import io.github.attnlab.model.AttentionTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small seeded attention tensors for the tests of this package. */
final class Tensors {

    private Tensors() {
    }

    /** {@code heads} heads of softmax over Gaussian logits of scale {@code scale}, one layer, {@code n} tokens. */
    static AttentionTensor random(int n, int heads, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] s = new float[heads * n * n];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (scale * (rng.nextDouble() * 2 - 1));
        }
        return AttentionTensor.of("random", tokens(n), 1, heads, s, softmax(s, n));
    }

    /**
     * One head whose tokens fall in {@code blocks} groups, attending (almost) only within their group, the groups
     * interleaved: token $i$ is in group $i \bmod$ blocks. {@code leak} is the mass each row spreads over the rest.
     */
    static AttentionTensor interleavedBlocks(int n, int blocks, double leak) {
        float[] p = new float[n * n];
        float[] s = new float[n * n];
        int size = n / blocks;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean same = i % blocks == j % blocks;
                double v = same ? (1 - leak) / size : leak / (n - size);
                p[i * n + j] = (float) v;
                s[i * n + j] = (float) Math.log(v);
            }
        }
        return AttentionTensor.of("blocks", tokens(n), 1, 1, s, p);
    }

    static List<String> tokens(int n) {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t.add("t" + i);
        }
        return t;
    }

    private static float[] softmax(float[] s, int n) {
        float[] p = new float[s.length];
        for (int r = 0; r < s.length / n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, s[r * n + j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.exp(s[r * n + j] - max);
            }
            for (int j = 0; j < n; j++) {
                p[r * n + j] = (float) (Math.exp(s[r * n + j] - max) / sum);
            }
        }
        return p;
    }
}
