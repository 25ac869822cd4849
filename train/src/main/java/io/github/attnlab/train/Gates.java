package io.github.attnlab.train;

import java.util.Arrays;

/**
 * Multiplicative masks on heads (their context vectors, before the output projection, as in Michel et al. 2019) and
 * on feed-forward neurons (their activations): 1 keeps, 0 ablates. Immutable; null arrays mean "all 1".
 */
final class Gates {

    static final Gates NONE = new Gates(null, null);

    private final float[][] heads;
    private final float[][] neurons;

    private Gates(float[][] heads, float[][] neurons) {
        this.heads = heads;
        this.neurons = neurons;
    }

    float[] heads(int layer) {
        return heads == null ? null : heads[layer];
    }

    float[] neurons(int layer) {
        return neurons == null ? null : neurons[layer];
    }

    Gates withHead(ModelConfig c, int layer, int head, float value) {
        float[][] h = heads == null ? ones(c.layers(), c.heads()) : deep(heads);
        h[layer][head] = value;
        return new Gates(h, neurons);
    }

    Gates withNeuron(ModelConfig c, int layer, int neuron, float value) {
        float[][] nn = neurons == null ? ones(c.layers(), c.hidden()) : deep(neurons);
        nn[layer][neuron] = value;
        return new Gates(heads, nn);
    }

    int ablatedHeads() {
        return count(heads);
    }

    int ablatedNeurons() {
        return count(neurons);
    }

    private static int count(float[][] g) {
        int c = 0;
        for (int i = 0; g != null && i < g.length; i++) {
            for (float v : g[i]) {
                c += v == 0 ? 1 : 0;
            }
        }
        return c;
    }

    private static float[][] ones(int a, int b) {
        float[][] g = new float[a][b];
        for (float[] r : g) {
            Arrays.fill(r, 1f);
        }
        return g;
    }

    private static float[][] deep(float[][] g) {
        float[][] c = new float[g.length][];
        for (int i = 0; i < g.length; i++) {
            c[i] = g[i].clone();
        }
        return c;
    }
}
