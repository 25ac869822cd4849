package io.github.attnlab.model;

import io.github.attnlab.model.view.AttentionView;
import io.github.attnlab.core.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The attention of a transformer on one input: for every layer, head and query token, the scores
 * $s = q K^\top/\sqrt d$ over the keys and the probabilities $P = \mathrm{softmax}(s)$, indexed
 * {@code [layer][head][query][key]}.
 *
 * <p>A row {@link #scores(int, int, int)} is exactly the logit vector $s \in \mathbb R^n$ of
 * {@code docs/papers/A.md} (top-k certification) and {@code docs/papers/C.md} (the query × key × head 3-tensor),
 * so other areas take it directly. Immutable: accessors return copies, in double precision for rows
 * and matrices. Values are stored as float (the model computes in float).
 */
public final class AttentionTensor {

    private final String model;
    private final List<String> tokens;
    private final int layers;
    private final int heads;
    private final int n;
    private final float[] scores;
    private final float[] probabilities;

    private AttentionTensor(String model, List<String> tokens, int layers, int heads, float[] scores,
                            float[] probabilities) {
        this.model = model;
        this.tokens = tokens;
        this.layers = layers;
        this.heads = heads;
        this.n = tokens.size();
        this.scores = scores;
        this.probabilities = probabilities;
    }

    /**
     * An attention tensor from flat row-major arrays {@code [layers][heads][n][n]}, which are copied.
     *
     * @param model         the model's name
     * @param tokens        the $n$ input tokens
     * @param scores        $s$ for every layer, head, query and key
     * @param probabilities $P$ for every layer, head, query and key
     */
    public static AttentionTensor of(String model, List<String> tokens, int layers, int heads, float[] scores,
                                     float[] probabilities) {
        Check.notNull("tokens", tokens);
        Check.notNull("scores", scores);
        Check.notNull("probabilities", probabilities);
        return wrap(model, List.copyOf(tokens), layers, heads, scores.clone(), probabilities.clone());
    }

    /** As {@link #of} without copying: for the library's own freshly computed arrays. */
    public static AttentionTensor wrap(String model, List<String> tokens, int layers, int heads, float[] scores,
                                       float[] probabilities) {
        Check.notNull("tokens", tokens);
        Check.notNull("scores", scores);
        Check.notNull("probabilities", probabilities);
        Check.positive("layers", layers);
        Check.positive("heads", heads);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("tokens is empty: an attention tensor needs at least one token");
        }
        long size = (long) layers * heads * tokens.size() * tokens.size();
        if (scores.length != size || probabilities.length != size) {
            throw new IllegalArgumentException("attention tensor of " + model + ": layers x heads x n x n = " + layers
                    + " x " + heads + " x " + tokens.size() + " x " + tokens.size() + " needs " + size + " values, got "
                    + scores.length + " scores and " + probabilities.length + " probabilities");
        }
        return new AttentionTensor(model, List.copyOf(tokens), layers, heads, scores, probabilities);
    }

    /** The model's name. */
    public String model() {
        return model;
    }

    /** The input tokens ($n$ of them; with {@code [CLS]} first and {@code [SEP]} last for BERT). */
    public List<String> tokens() {
        return tokens;
    }

    /** Number of layers. */
    public int layers() {
        return layers;
    }

    /** Heads per layer. */
    public int heads() {
        return heads;
    }

    /** Number of tokens $n$ (queries = keys). */
    public int length() {
        return n;
    }

    /** The scores $s_k = q\cdot k_k/\sqrt d$ of one query over all keys. */
    public double[] scores(int layer, int head, int query) {
        return row(scores, layer, head, query);
    }

    /** The probabilities $P_k$ of one query over all keys. */
    public double[] probabilities(int layer, int head, int query) {
        return row(probabilities, layer, head, query);
    }

    /** The $n \times n$ score matrix of one head. */
    public double[][] scores(int layer, int head) {
        return matrix(scores, layer, head);
    }

    /** The $n \times n$ probability matrix of one head. */
    public double[][] probabilities(int layer, int head) {
        return matrix(probabilities, layer, head);
    }

    /** A copy of every score, flat {@code [layer][head][query][key]}. */
    public float[] scoresArray() {
        return scores.clone();
    }

    /** A copy of every probability, flat {@code [layer][head][query][key]}. */
    public float[] probabilitiesArray() {
        return probabilities.clone();
    }

    /** The largest $|\sum_k P_{qk} - 1|$ over all layers, heads and queries: the tensor's own residual. */
    public double maxRowSumError() {
        double worst = 0;
        for (int r = 0; r < layers * heads * n; r++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += probabilities[r * n + k];
            }
            worst = Math.max(worst, Math.abs(s - 1));
        }
        return worst;
    }

    /**
     * The attention mass that one head puts on the keys holding {@code token}, averaged over the
     * queries: $\frac1n\sum_q \sum_{k:\,t_k = token} P_{qk}$.
     */
    public double meanMassOn(int layer, int head, String token) {
        check(layer, head, 0);
        List<Integer> keys = positionsOf(token);
        double s = 0;
        int base = (layer * heads + head) * n * n;
        for (int q = 0; q < n; q++) {
            for (int k : keys) {
                s += probabilities[base + q * n + k];
            }
        }
        return s / n;
    }

    /** The positions of a token in the input. */
    public List<Integer> positionsOf(String token) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (tokens.get(i).equals(token)) {
                out.add(i);
            }
        }
        return out;
    }

    private double[] row(float[] a, int layer, int head, int query) {
        check(layer, head, query);
        double[] r = new double[n];
        int base = ((layer * heads + head) * n + query) * n;
        for (int k = 0; k < n; k++) {
            r[k] = a[base + k];
        }
        return r;
    }

    private double[][] matrix(float[] a, int layer, int head) {
        double[][] m = new double[n][];
        for (int q = 0; q < n; q++) {
            m[q] = row(a, layer, head, q);
        }
        return m;
    }

    private void check(int layer, int head, int query) {
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException("layer = " + layer + " is outside [0, " + layers + ")");
        }
        if (head < 0 || head >= heads) {
            throw new IllegalArgumentException("head = " + head + " is outside [0, " + heads + ")");
        }
        if (query < 0 || query >= n) {
            throw new IllegalArgumentException("query = " + query + " is outside [0, " + n + ")");
        }
    }

    /**
     * A BertViz-style head view of this tensor (tokens on both sides, lines weighted by attention, layer and head
     * selectors), as self-contained HTML, SVG or PNG, with overlays of the certified top-k support, the entmax
     * support, partition blocks and a tree order: see {@link AttentionView}.
     */
    public AttentionView view() {
        return AttentionView.of(this);
    }

    /** {@link #view()} with layer {@code layer} and head {@code head} selected. */
    public AttentionView view(int layer, int head) {
        return AttentionView.of(this).select(layer, head);
    }

    /** One line: model, dimensions and the first tokens. */
    @Override
    public String toString() {
        int shown = Math.min(8, n);
        return "AttentionTensor[" + model + ": " + layers + " layers x " + heads + " heads x " + n + " x " + n
                + ", tokens " + String.join(" ", tokens.subList(0, shown)) + (shown < n ? " …" : "") + "]";
    }
}
