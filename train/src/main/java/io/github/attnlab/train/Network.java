package io.github.attnlab.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine: forward and reverse-mode backward passes of the transformer of a {@link ModelConfig} over a shard of
 * equal-length sequences, on a flat float parameter vector laid out by {@link Layout}. Gradients are exact (up to
 * float rounding) for every part: embedding, learned positions, layer norms, attention with its normaliser
 * ({@link Attention}), ReLU feed-forward blocks, and the cross-entropy or squared-error loss.
 *
 * <p>Stateless apart from caches of visibility lists; one {@link Cache} per thread holds the activations.
 */
final class Network {

    final ModelConfig c;
    final Layout lay;
    private final Attention[] attention;
    private final Map<Long, Visibility[]> visibility = new HashMap<>();

    Network(ModelConfig c) {
        this.c = c;
        this.lay = new Layout(c);
        this.attention = new Attention[c.layers()];
        for (int l = 0; l < c.layers(); l++) {
            attention[l] = new Attention(c, lay.layers[l], l);
        }
    }

    /** The visible keys of every layer on $n$ tokens (computed once per $n$). */
    synchronized Visibility[] visibility(int n) {
        if (n > c.maxLength()) {
            throw new IllegalArgumentException("sequence length n = " + n + " exceeds the model's maxLength = "
                    + c.maxLength() + " (positions it was built for)");
        }
        return visibility.computeIfAbsent((long) n, k -> {
            Visibility[] v = new Visibility[c.layers()];
            for (int l = 0; l < c.layers(); l++) {
                v[l] = Visibility.of(c.pattern(), n, l, c.causal());
            }
            return v;
        });
    }

    Cache cache(Cache old, int b, int n) {
        if (old != null && old.fits(b, n)) {
            return old;
        }
        Visibility[] v = visibility(n);
        int[] conn = new int[c.layers()];
        for (int l = 0; l < c.layers(); l++) {
            conn[l] = v[l].connections;
        }
        return new Cache(c, lay, b, n, conn);
    }

    /** Checks that the examples fit the model: kind of inputs, token range, equal lengths. */
    void check(List<Example> batch) {
        int n = batch.get(0).length();
        for (int s = 0; s < batch.size(); s++) {
            Example e = batch.get(s);
            if (e.length() != n) {
                throw new IllegalArgumentException("batch[" + s + "] has length " + e.length() + ", batch[0] " + n
                        + "; a batch holds sequences of one length");
            }
            if (e.hasTokens() != (c.vocabulary() > 0)) {
                throw new IllegalArgumentException("batch[" + s + "] has " + (e.hasTokens() ? "tokens" : "vectors")
                        + " but the model takes " + (c.vocabulary() > 0 ? "tokens" : "vectors"));
            }
            for (int i = 0; i < n; i++) {
                if (e.hasTokens()) {
                    if (e.token(i) >= c.vocabulary()) {
                        throw new IllegalArgumentException("batch[" + s + "] token[" + i + "] = " + e.token(i)
                                + " is outside [0, " + (c.vocabulary() - 1) + "]");
                    }
                    if (e.isScored(i) && (c.regression() || e.target(i) >= c.outputs())) {
                        throw new IllegalArgumentException("batch[" + s + "] target[" + i + "] = " + e.target(i)
                                + " is outside [0, " + (c.outputs() - 1) + "]");
                    }
                } else if (e.inputDim() != c.inputDim() || (e.targetDim() != c.outputs() || !c.regression())) {
                    throw new IllegalArgumentException("batch[" + s + "] has " + e.inputDim() + "-d inputs and "
                            + e.targetDim() + "-d targets; the model takes " + c.inputDim() + " and " + c.outputs());
                }
            }
        }
        visibility(n);
    }

    /**
     * Forward pass over {@code batch[from, from + b)}; returns the summed loss over scored positions, and when
     * {@code lossScale > 0} also writes $\partial(\text{lossScale}\cdot\text{sum})/\partial\,\text{logits}$ into
     * {@code k.dlogits}.
     */
    double forward(float[] w, Gates gates, List<Example> batch, int from, Cache k, double lossScale) {
        int n = k.n;
        int d = c.width();
        int rows = k.rows;
        Visibility[] vis = visibility(n);
        float[] x = k.x[0];
        if (c.vocabulary() > 0) {
            for (int s = 0; s < k.b; s++) {
                Example e = batch.get(from + s);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(w, lay.embed.offset() + e.token(i) * d, x, (s * n + i) * d, d);
                }
            }
        } else {
            int din = c.inputDim();
            for (int s = 0; s < k.b; s++) {
                Example e = batch.get(from + s);
                for (int i = 0; i < n; i++) {
                    for (int p = 0; p < din; p++) {
                        k.xT[(s * n + i) * din + p] = e.input(i, p);
                    }
                }
            }
            Mat.mm(rows, d, din, k.xT, 0, din, w, lay.embed.offset(), d, x, 0, d);
            addBias(rows, d, w, lay.embedBias.offset(), x);
        }
        if (lay.position != null) {
            for (int r = 0; r < rows; r++) {
                int pos = r % n;
                for (int e = 0; e < d; e++) {
                    x[r * d + e] += w[lay.position.offset() + pos * d + e];
                }
            }
        }
        for (int l = 0; l < c.layers(); l++) {
            Layout.LayerSlices ls = lay.layers[l];
            LayerNorm.forward(rows, d, k.x[l], w, ls.ln1g().offset(), ls.ln1b().offset(), k.h1[l], k.mean1[l], k.rstd1[l]);
            Mat.mm(rows, 3 * d, d, k.h1[l], 0, d, w, ls.wqkv().offset(), 3 * d, k.qkv[l], 0, 3 * d);
            attention[l].forward(w, k, vis[l], gates == null ? null : gates.heads(l));
            Mat.mm(rows, d, d, k.ctx[l], 0, d, w, ls.wo().offset(), d, k.x1[l], 0, d);
            addBias(rows, d, w, ls.bo().offset(), k.x1[l]);
            Mat.add(k.x[l], 0, k.x1[l], 0, rows * d);
            LayerNorm.forward(rows, d, k.x1[l], w, ls.ln2g().offset(), ls.ln2b().offset(), k.h2[l], k.mean2[l], k.rstd2[l]);
            int f = c.hidden();
            Mat.mm(rows, f, d, k.h2[l], 0, d, w, ls.w1().offset(), f, k.u[l], 0, f);
            addBias(rows, f, w, ls.b1().offset(), k.u[l]);
            float[] gate = gates == null ? null : gates.neurons(l);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < f; j++) {
                    float v = Math.max(0f, k.u[l][r * f + j]);
                    k.a[l][r * f + j] = gate == null ? v : v * gate[j];
                }
            }
            Mat.mm(rows, d, f, k.a[l], 0, f, w, ls.w2().offset(), d, k.x[l + 1], 0, d);
            addBias(rows, d, w, ls.b2().offset(), k.x[l + 1]);
            Mat.add(k.x1[l], 0, k.x[l + 1], 0, rows * d);
        }
        LayerNorm.forward(rows, d, k.x[c.layers()], w, lay.lnfG.offset(), lay.lnfB.offset(), k.hf, k.meanf, k.rstdf);
        int o = c.outputs();
        Mat.mm(rows, o, d, k.hf, 0, d, w, lay.out.offset(), o, k.logits, 0, o);
        addBias(rows, o, w, lay.outBias.offset(), k.logits);
        return loss(batch, from, k, lossScale);
    }

    private double loss(List<Example> batch, int from, Cache k, double lossScale) {
        int n = k.n;
        int o = c.outputs();
        double total = 0;
        for (int s = 0; s < k.b; s++) {
            Example e = batch.get(from + s);
            for (int i = 0; i < n; i++) {
                int r = (s * n + i) * o;
                if (!e.isScored(i)) {
                    if (lossScale > 0) {
                        java.util.Arrays.fill(k.dlogits, r, r + o, 0f);
                    }
                    continue;
                }
                if (c.regression()) {
                    for (int j = 0; j < o; j++) {
                        double diff = (double) k.logits[r + j] - e.targetValue(i, j);
                        total += 0.5 * diff * diff;
                        if (lossScale > 0) {
                            k.dlogits[r + j] = (float) (lossScale * diff);
                        }
                    }
                } else {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < o; j++) {
                        m = Math.max(m, k.logits[r + j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < o; j++) {
                        sum += Math.exp(k.logits[r + j] - m);
                    }
                    int t = e.target(i);
                    total += Math.log(sum) + m - k.logits[r + t];
                    if (lossScale > 0) {
                        for (int j = 0; j < o; j++) {
                            double pj = Math.exp(k.logits[r + j] - m) / sum;
                            k.dlogits[r + j] = (float) (lossScale * (pj - (j == t ? 1 : 0)));
                        }
                    }
                }
            }
        }
        return total;
    }

    /** Backward pass after {@link #forward} with a positive loss scale: adds every parameter's gradient to {@code grad}. */
    void backward(float[] w, Gates gates, List<Example> batch, int from, Cache k, float[] grad) {
        int n = k.n;
        int d = c.width();
        int rows = k.rows;
        int o = c.outputs();
        int f = c.hidden();
        Visibility[] vis = visibility(n);
        Mat.addXtY(rows, d, o, k.hf, k.dlogits, grad, lay.out.offset(), k.xT, k.prod);
        Mat.addColumnSums(rows, o, k.dlogits, grad, lay.outBias.offset());
        Mat.dyWt(rows, d, o, k.dlogits, w, lay.out.offset(), k.dh, k.wT);
        java.util.Arrays.fill(k.dx, 0f);
        LayerNorm.backward(rows, d, k.x[c.layers()], w, lay.lnfG.offset(), lay.lnfB.offset(), k.meanf, k.rstdf, k.dh,
                k.dx, grad);
        for (int l = c.layers() - 1; l >= 0; l--) {
            Layout.LayerSlices ls = lay.layers[l];
            // feed-forward block: x[l+1] = x1 + relu(h2 W1 + b1) W2 + b2 ; dx holds d x[l+1]
            Mat.addXtY(rows, f, d, k.a[l], k.dx, grad, ls.w2().offset(), k.xT, k.prod);
            Mat.addColumnSums(rows, d, k.dx, grad, ls.b2().offset());
            Mat.dyWt(rows, f, d, k.dx, w, ls.w2().offset(), k.du, k.wT);
            float[] gate = gates == null ? null : gates.neurons(l);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < f; j++) {
                    int q = r * f + j;
                    k.du[q] = k.u[l][q] > 0 ? (gate == null ? k.du[q] : k.du[q] * gate[j]) : 0f;
                }
            }
            Mat.addXtY(rows, d, f, k.h2[l], k.du, grad, ls.w1().offset(), k.xT, k.prod);
            Mat.addColumnSums(rows, f, k.du, grad, ls.b1().offset());
            Mat.dyWt(rows, d, f, k.du, w, ls.w1().offset(), k.dh, k.wT);
            LayerNorm.backward(rows, d, k.x1[l], w, ls.ln2g().offset(), ls.ln2b().offset(), k.mean2[l], k.rstd2[l], k.dh,
                    k.dx, grad);
            // attention block: x1 = x + ctx Wo + bo ; dx holds d x1
            Mat.addXtY(rows, d, d, k.ctx[l], k.dx, grad, ls.wo().offset(), k.xT, k.prod);
            Mat.addColumnSums(rows, d, k.dx, grad, ls.bo().offset());
            Mat.dyWt(rows, d, d, k.dx, w, ls.wo().offset(), k.dctx, k.wT);
            attention[l].backward(w, k, vis[l], gates == null ? null : gates.heads(l), grad);
            Mat.addXtY(rows, d, 3 * d, k.h1[l], k.dqkv, grad, ls.wqkv().offset(), k.xT, k.prod);
            Mat.dyWt(rows, d, 3 * d, k.dqkv, w, ls.wqkv().offset(), k.dh, k.wT);
            LayerNorm.backward(rows, d, k.x[l], w, ls.ln1g().offset(), ls.ln1b().offset(), k.mean1[l], k.rstd1[l], k.dh,
                    k.dx, grad);
        }
        // dx holds d x[0]
        if (lay.position != null) {
            for (int r = 0; r < rows; r++) {
                int pos = r % n;
                Mat.add(k.dx, r * d, grad, lay.position.offset() + pos * d, d);
            }
        }
        if (c.vocabulary() > 0) {
            for (int s = 0; s < k.b; s++) {
                Example e = batch.get(from + s);
                for (int i = 0; i < n; i++) {
                    Mat.add(k.dx, (s * n + i) * d, grad, lay.embed.offset() + e.token(i) * d, d);
                }
            }
        } else {
            int din = c.inputDim();
            for (int s = 0; s < k.b; s++) {
                Example e = batch.get(from + s);
                for (int i = 0; i < n; i++) {
                    for (int p = 0; p < din; p++) {
                        k.xT[(s * n + i) * din + p] = e.input(i, p);
                    }
                }
            }
            float[] xin = java.util.Arrays.copyOf(k.xT, rows * din);
            Mat.addXtY(rows, din, d, xin, k.dx, grad, lay.embed.offset(), k.xT, k.prod);
            Mat.addColumnSums(rows, d, k.dx, grad, lay.embedBias.offset());
        }
    }

    /**
     * Where the first non-finite value of the last forward pass is: {@code "embedding"}, {@code "layer 2 (attention)"},
     * {@code "layer 2 (feed-forward)"}, {@code "output"}; null when all are finite.
     */
    String firstNonFinite(Cache k) {
        if (!finite(k.x[0])) {
            return "embedding";
        }
        for (int l = 0; l < c.layers(); l++) {
            if (!finite(k.qkv[l]) || !finite(k.ctx[l]) || !finite(k.x1[l])) {
                return "layer " + l + " (attention)";
            }
            if (!finite(k.x[l + 1])) {
                return "layer " + l + " (feed-forward)";
            }
        }
        return finite(k.logits) ? null : "output";
    }

    private static boolean finite(float[] a) {
        for (float v : a) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static void addBias(int rows, int cols, float[] w, int off, float[] y) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                y[r * cols + j] += w[off + j];
            }
        }
    }
}
