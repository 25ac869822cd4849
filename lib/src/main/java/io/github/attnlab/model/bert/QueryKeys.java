package io.github.attnlab.model.bert;

import java.util.List;

/**
 * The queries, keys and values of every layer and head of one forward pass: $Q_h, K_h, V_h \in \mathbb R^{n \times d}$
 * with $s = Q_h K_h^\top/\sqrt d$ the scores of {@link io.github.attnlab.model.AttentionTensor}.
 * What a search that scores only some keys (certified top-k, docs/papers/A.md §A.8) and the output-error bounds of
 * top-k attention (§A.4-A.6) need.
 */
public final class QueryKeys {

    private final BertConfig config;
    private final List<String> tokens;
    private final float[] projections;

    QueryKeys(BertConfig config, List<String> tokens, float[] projections) {
        this.config = config;
        this.tokens = List.copyOf(tokens);
        this.projections = projections;
    }

    /** The input tokens. */
    public List<String> tokens() {
        return tokens;
    }

    /** Number of tokens $n$. */
    public int length() {
        return tokens.size();
    }

    /** The head size $d$. */
    public int headSize() {
        return config.headSize();
    }

    /** The logit scale $1/\sqrt d$. */
    public double scale() {
        return 1 / Math.sqrt(config.headSize());
    }

    /** The $n \times d$ queries of one head. */
    public double[][] queries(int layer, int head) {
        return block(layer, head, 0);
    }

    /** The $n \times d$ keys of one head. */
    public double[][] keys(int layer, int head) {
        return block(layer, head, 1);
    }

    /**
     * The $n \times d$ values $V_h$ of one head: the vectors attention averages,
     * $\mathrm{Attn}(q_t) = \sum_j P_{tj} v_j$ (the head-tail bounds of docs/papers/A.md §A.4-A.6 need them).
     */
    public double[][] values(int layer, int head) {
        return block(layer, head, 2);
    }

    private double[][] block(int layer, int head, int which) {
        if (layer < 0 || layer >= config.layers() || head < 0 || head >= config.heads()) {
            throw new IllegalArgumentException("layer " + layer + ", head " + head + " is outside " + config.layers()
                    + " layers x " + config.heads() + " heads");
        }
        int n = tokens.size();
        int h = config.hidden();
        int d = config.headSize();
        double[][] out = new double[n][d];
        for (int t = 0; t < n; t++) {
            int at = (layer * n + t) * 3 * h + which * h + head * d;
            for (int j = 0; j < d; j++) {
                out[t][j] = projections[at + j];
            }
        }
        return out;
    }

    /** One line. */
    @Override
    public String toString() {
        return "QueryKeys[" + config.name() + ": " + config.layers() + " layers x " + config.heads() + " heads, "
                + tokens.size() + " tokens, d = " + config.headSize() + "]";
    }
}
