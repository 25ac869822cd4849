package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;

/**
 * Magnitude pruning of the attention weights of a BERT encoder (paper F.2: Gao et al. 2025, "Weight-sparse
 * transformers have interpretable circuits", applied to a dense pretrained model; {@code docs/papers/F.md}).
 *
 * <p>At density $\rho \in (0, 1]$ each block (a whole matrix $W_q, W_k, W_v, W_o$ of a layer, or one head's slice of
 * it: {@link PruningGranularity}) of $B$ weights keeps its $\lceil \rho B\rceil$ entries of largest magnitude and sets
 * the rest to 0; ties at the threshold are kept in index order, so exactly $\lceil \rho B\rceil$ entries survive.
 * Biases, embeddings, LayerNorms, the feed-forward blocks and the masked-LM head are not touched. The density is
 * relative to the block's size, so pruning a pruned model again at a larger density changes nothing.
 */
final class WeightPruning {

    private WeightPruning() {
    }

    /** The weights with every layer's attention matrices pruned to {@code density}; all other arrays shared. */
    static BertWeights attention(BertWeights w, double density, PruningGranularity granularity) {
        Check.openClosed("density", density, 0, 1);
        Check.notNull("granularity", granularity);
        BertConfig c = w.config;
        int h = c.hidden();
        int d = c.headSize();
        BertWeights.Layer[] out = new BertWeights.Layer[w.layers.length];
        for (int l = 0; l < out.length; l++) {
            BertWeights.Layer lw = w.layers[l];
            float[] qkv = lw.qkvW().clone();
            float[] o = lw.attnOutW().clone();
            if (density < 1) {
                if (granularity == PruningGranularity.MATRIX) {
                    for (int m = 0; m < 3; m++) {
                        keepLargest(qkv, m * h, h, h, 3 * h, density);
                    }
                    keepLargest(o, 0, h, h, h, density);
                } else {
                    for (int a = 0; a < c.heads(); a++) {
                        for (int m = 0; m < 3; m++) {
                            keepLargest(qkv, m * h + a * d, h, d, 3 * h, density);
                        }
                        keepLargest(o, a * d * h, d, h, h, density);
                    }
                }
            }
            out[l] = new BertWeights.Layer(qkv, lw.qkvB(), o, lw.attnOutB(), lw.ln1G(), lw.ln1B(), lw.interW(),
                    lw.interB(), lw.outW(), lw.outB(), lw.ln2G(), lw.ln2B());
        }
        return w.withLayers(out);
    }

    /** The number of non-zero attention weights ($W_q, W_k, W_v, W_o$) of the given heads, flat index. */
    static long nonZeros(BertWeights w, boolean[] heads) {
        BertConfig c = w.config;
        int h = c.hidden();
        int d = c.headSize();
        long n = 0;
        for (int l = 0; l < w.layers.length; l++) {
            float[] qkv = w.layers[l].qkvW();
            float[] o = w.layers[l].attnOutW();
            for (int a = 0; a < c.heads(); a++) {
                if (heads != null && !heads[l * c.heads() + a]) {
                    continue;
                }
                for (int i = 0; i < h; i++) {
                    for (int m = 0; m < 3; m++) {
                        for (int j = 0; j < d; j++) {
                            n += qkv[i * 3 * h + m * h + a * d + j] != 0 ? 1 : 0;
                        }
                    }
                }
                for (int i = a * d * h; i < (a + 1) * d * h; i++) {
                    n += o[i] != 0 ? 1 : 0;
                }
            }
        }
        return n;
    }

    /**
     * Keeps the $\lceil \rho B\rceil$ largest magnitudes of the {@code rows × cols} block starting at {@code off}
     * with row stride {@code stride}, zeroing the rest in place (the caller's fresh copy).
     */
    static void keepLargest(float[] a, int off, int rows, int cols, int stride, double density) {
        int size = rows * cols;
        int keep = (int) Math.min(size, Math.ceil(density * size - 1e-9));
        if (keep >= size) {
            return;
        }
        float[] mag = new float[size];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                mag[r * cols + j] = Math.abs(a[off + r * stride + j]);
            }
        }
        float threshold = keep == 0 ? Float.POSITIVE_INFINITY : kthLargest(mag.clone(), keep);
        int above = 0;
        for (float m : mag) {
            above += m > threshold ? 1 : 0;
        }
        int tiesLeft = keep - above;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                float m = mag[r * cols + j];
                boolean kept = m > threshold || (m == threshold && tiesLeft-- > 0);
                if (!kept) {
                    a[off + r * stride + j] = 0f;
                }
            }
        }
    }

    /** The {@code k}-th largest value (1-based) of {@code x}, by quickselect; {@code x} is reordered. */
    static float kthLargest(float[] x, int k) {
        int target = x.length - k;
        int lo = 0;
        int hi = x.length - 1;
        while (lo < hi) {
            float pivot = median(x[lo], x[(lo + hi) >>> 1], x[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (x[i] < pivot) {
                    i++;
                }
                while (x[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = x[i];
                    x[i] = x[j];
                    x[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return x[target];
            }
        }
        return x[target];
    }

    private static float median(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
