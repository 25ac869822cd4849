package io.github.attnlab.model.bert;

import io.github.attnlab.model.attention.AttentionHook;
import io.github.attnlab.model.attention.Measurement;
import io.github.attnlab.simd.ParallelGemm;
import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.simd.Workers;
import java.util.Arrays;

/**
 * The BERT encoder's forward pass on one sequence (no padding, token type 0), in float.
 *
 * <p>Embeddings $x_t = E_{w_t} + P_t + T_0$, LayerNorm; then per layer, with $d = H/A$:
 * $Q, K, V = xW_{q,k,v} + b$; per head $s = Q_h K_h^\top / \sqrt d$, $P = \mathrm{softmax}(s)$ by rows,
 * $C_h = P V_h$; $x \leftarrow \mathrm{LN}(x + C W_o + b_o)$, where $C = [C_1 \cdots C_A]$;
 * $x \leftarrow \mathrm{LN}(x + \mathrm{GELU}(x W_i + b_i) W_2 + b_2)$, with
 * $\mathrm{LN}(y) = \gamma \odot (y - \mu)/\sqrt{\sigma^2 + \varepsilon} + \beta$ per token and the exact
 * (erf) GELU (Devlin et al. 2019; Vaswani et al. 2017). Matrix products, softmax and GELU go through
 * {@link SimdOps}, whose two paths give the same bits, so the output does not depend on the path.
 *
 * <p>Head masking (Michel, Levy, Neubig 2019, "Are sixteen heads really better than one?"): a
 * removed head $h$ of layer $l$ contributes $C_h = 0$ to $C W_o$, i.e. $C W_o = \sum_{h \notin R} C_h W_o^{(h)}$
 * with $W_o^{(h)}$ the head's $d$ rows of $W_o$. Its scores and probabilities are still computed (and
 * reported when the attention is kept); the other heads and the rest of the layer are unchanged.
 *
 * <p>With an {@link AttentionHook} the weights of every head come from its rule ({@code Bert.withAttention}) instead
 * of the softmax loop; the hook also receives each layer's attention wall time and output.
 *
 * <p>With more than one thread the four products of {@link #linear} per layer are split by columns
 * ({@link ParallelGemm}), their bias, the GELU, the residuals and LayerNorm by rows, and, without a hook, the heads
 * of a layer are shared out over the threads (each with its own scratch, writing its own columns of $C$ and its own
 * attention maps); every element is computed by the same operations as on one thread, so the output has the same
 * bits. The embeddings and every hook call stay on the calling thread.
 */
final class Encoder {

    /**
     * The hidden states and, when kept, the attention of every layer and head and the projections
     * $[Q\,K\,V]$ of every layer ({@code [layer][token][3H]}).
     */
    record Output(int n, float[] hidden, float[] scores, float[] probabilities, float[] projections) {
    }

    private final BertWeights w;
    private final SimdOps ops;
    /** Removed heads, flat {@code [layer * heads + head]}, or null when none is. */
    private final boolean[] removed;
    /** The attention rules of every head, or null for dense softmax. */
    private final AttentionHook hook;
    /** The products of {@link #linear}, on the model's threads. */
    private final ParallelGemm products;
    /** The most threads a pass uses. */
    private final int threads;
    /**
     * The heads' work $n^2 d A$ from which they are shared out (12 tasks a layer, taken one by one, so a late helper
     * costs less than in a product split in two).
     */
    private static final long HEADS_SPLIT = 1L << 18;
    /** The elementwise and row operations (bias, GELU, residual, LayerNorm) of fewer elements stay on this thread. */
    private static final int ROWS_SPLIT = 1 << 14;

    Encoder(BertWeights w, SimdOps ops) {
        this(w, ops, null);
    }

    Encoder(BertWeights w, SimdOps ops, boolean[] removed) {
        this(w, ops, removed, null);
    }

    /** With {@code hook} (null: dense softmax) computing every head's weights from its scores. */
    Encoder(BertWeights w, SimdOps ops, boolean[] removed, AttentionHook hook) {
        this(w, ops, removed, hook, 1);
    }

    /** ... and the products of {@link #linear} on up to {@code threads} threads. */
    Encoder(BertWeights w, SimdOps ops, boolean[] removed, AttentionHook hook, int threads) {
        this.w = w;
        this.ops = ops;
        this.removed = removed;
        this.hook = hook;
        this.products = ParallelGemm.of(ops, threads);
        this.threads = threads;
    }

    Output run(int[] ids, boolean keepAttention) {
        return run(ids, keepAttention, false);
    }

    Output run(int[] ids, boolean keepAttention, boolean keepProjections) {
        BertConfig c = w.config;
        int n = ids.length;
        int h = c.hidden();
        int heads = c.heads();
        int d = c.headSize();
        float[] x = new float[n * h];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < h; j++) {
                x[t * h + j] = w.wordEmb[ids[t] * h + j] + w.posEmb[t * h + j] + w.typeEmb[j];
            }
        }
        layerNorm(x, n, h, w.embLnG, w.embLnB, c.layerNormEps());
        int maps = c.layers() * heads * n * n;
        float[] scores = keepAttention ? new float[maps] : null;
        float[] probs = keepAttention ? new float[maps] : null;
        float[] projections = keepProjections ? new float[c.layers() * n * 3 * h] : null;
        float[] qkv = new float[n * 3 * h];
        // the heads run on several threads only without a hook (hooks are not thread-safe) and when their products
        // are worth it, each worker with its own scratch
        boolean split = hook == null && (long) n * n * d * heads >= HEADS_SPLIT;
        int workers = split ? Math.min(threads, heads) : 1;
        float[][] kt = new float[workers][d * n];
        float[][] s = new float[workers][n * n];
        float[][] p = new float[workers][n * n];
        float[] ctx = new float[n * h];
        float[] y = new float[n * h];
        float[] inter = new float[n * c.intermediate()];
        for (int l = 0; l < c.layers(); l++) {
            BertWeights.Layer lw = w.layers[l];
            linear(x, n, h, lw.qkvW(), lw.qkvB(), 3 * h, qkv);
            if (keepProjections) {
                System.arraycopy(qkv, 0, projections, l * n * 3 * h, n * 3 * h);
            }
            long attentionStart = System.nanoTime();
            int layer = l;
            Workers.run(heads, workers, (worker, a) -> head(layer, a, n, qkv, kt[worker], s[worker], p[worker], ctx,
                    scores, probs));
            if (hook != null) {
                hook.layerTime(l, System.nanoTime() - attentionStart);
            }
            linear(ctx, n, h, lw.attnOutW(), lw.attnOutB(), h, y);
            add(x, y, n * h);
            layerNorm(y, n, h, lw.ln1G(), lw.ln1B(), c.layerNormEps());
            linear(y, n, h, lw.interW(), lw.interB(), c.intermediate(), inter);
            gelu(inter, n, c.intermediate());
            linear(inter, n, c.intermediate(), lw.outW(), lw.outB(), h, x);
            add(y, x, n * h);
            layerNorm(x, n, h, lw.ln2G(), lw.ln2B(), c.layerNormEps());
            if (hook != null) {
                hook.layerOutput(l, x, n * h);
            }
        }
        return new Output(n, x, scores, probs, projections);
    }

    /**
     * Head {@code a} of layer {@code l}: its scaled scores $s = Q_a K_a^\top / \sqrt d$, weights $p$ (softmax, or the
     * hook's rule) and context $C_a = p V_a$ into its $d$ columns of {@code ctx}; with {@code scores} (and
     * {@code probs}) non-null, $s$ and $p$ are kept there. {@code kt}, {@code s} and {@code p} are the caller's
     * scratch; the head writes nothing another head writes.
     */
    private void head(int l, int a, int n, float[] qkv, float[] kt, float[] s, float[] p, float[] ctx, float[] scores,
                      float[] probs) {
        BertConfig c = w.config;
        int h = c.hidden();
        int heads = c.heads();
        int d = c.headSize();
        boolean keepAttention = scores != null;
        boolean off = removed != null && removed[l * heads + a];
        if (off) {
            for (int t = 0; t < n; t++) {
                Arrays.fill(ctx, t * h + a * d, t * h + a * d + d, 0f);
            }
            if (!keepAttention && (hook == null || hook.measurement() == Measurement.NONE)) {
                return;
            }
        }
        if (hook == null || keepAttention || hook.needsScores(l, a)) {
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < d; j++) {
                    kt[j * n + t] = qkv[t * 3 * h + h + a * d + j];
                }
            }
            ops.gemm(n, n, d, qkv, a * d, 3 * h, kt, 0, n, s, 0, n);
            ops.divide(s, 0, n * n, (float) Math.sqrt(d));
        }
        if (hook == null) {
            for (int q = 0; q < n; q++) {
                ops.softmax(s, q * n, n, p, q * n);
            }
        } else {
            hook.head(l, a, n, d, qkv, 3 * h, a * d, h + a * d, 2 * h + a * d, s, p);
        }
        if (keepAttention) {
            int at = (l * heads + a) * n * n;
            System.arraycopy(s, 0, scores, at, n * n);
            System.arraycopy(p, 0, probs, at, n * n);
        }
        if (!off) {
            ops.gemm(n, d, n, p, 0, n, qkv, 2 * h + a * d, 3 * h, ctx, a * d, h);
        }
    }

    /** GELU of the $n \times m$ matrix {@code x} in place, in blocks of rows over the threads (elementwise). */
    private void gelu(float[] x, int n, int m) {
        byRows(n, m, (r0, r1) -> ops.gelu(x, r0 * m, (r1 - r0) * m, x, r0 * m));
    }

    /** Work on the rows {@code [r0, r1)} of a matrix, touching nothing outside them. */
    private interface RowBlock {
        void run(int r0, int r1);
    }

    /**
     * Runs {@code task} over the $n$ rows of an $n \times m$ matrix in contiguous blocks, one per thread, or on the
     * calling thread below {@link #ROWS_SPLIT} elements; the rows are independent, so the result does not depend on
     * the split.
     */
    private void byRows(int n, int m, RowBlock task) {
        int blocks = (long) n * m < ROWS_SPLIT ? 1 : Math.min(threads, n);
        Workers.run(blocks, blocks, (worker, b) -> task.run((int) ((long) b * n / blocks),
                (int) ((long) (b + 1) * n / blocks)));
    }

    /** $out = in\,W + b$ for $in$ ($n \times k$) and $W$ ($k \times m$). */
    void linear(float[] in, int n, int k, float[] weight, float[] bias, int m, float[] out) {
        products.gemm(n, m, k, in, 0, k, weight, 0, m, out, 0, m);
        byRows(n, m, (r0, r1) -> ops.addToRows(out, r0 * m, r1 - r0, m, bias, 0));
    }

    /** $y \leftarrow y + x$ on the first {@code len} elements, in blocks over the threads (elementwise). */
    private void add(float[] x, float[] y, int len) {
        byRows(len, 1, (i0, i1) -> ops.addTo(x, i0, y, i0, i1 - i0));
    }

    /**
     * LayerNorm of each of the $n$ rows of length $h$, in place ({@link io.github.attnlab.simd.FloatOps#layerNorm}:
     * mean and variance in double), in blocks of rows over the threads as {@link #gelu}.
     */
    private void layerNorm(float[] x, int n, int h, float[] gamma, float[] beta, float eps) {
        byRows(n, h, (r0, r1) -> ops.layerNorm(x, r0 * h, r1 - r0, h, gamma, beta, eps));
    }
}
