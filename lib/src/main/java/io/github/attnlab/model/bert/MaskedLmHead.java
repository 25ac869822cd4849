package io.github.attnlab.model.bert;

import io.github.attnlab.simd.SimdOps;

/**
 * BERT's masked-LM head: $z = \mathrm{LN}(\mathrm{GELU}(h W_t + b_t))$, logits $z E^\top + b$ with
 * the word embeddings $E$ (tied), and the probabilities $\mathrm{softmax}$ over the vocabulary
 * (Devlin et al. 2019, §3.1).
 */
final class MaskedLmHead {

    private MaskedLmHead() {
    }

    /** The probabilities over the vocabulary for one hidden state (row {@code t} of {@code hidden}). */
    static double[] probabilities(BertWeights w, SimdOps ops, float[] hidden, int t) {
        BertConfig c = w.config;
        int h = c.hidden();
        float[] row = new float[h];
        System.arraycopy(hidden, t * h, row, 0, h);
        float[] z = new float[h];
        new Encoder(w, ops).linear(row, 1, h, w.mlm.transformW(), w.mlm.transformB(), h, z);
        ops.gelu(z, 0, h, z, 0);
        Encoder.layerNorm(z, 1, h, w.mlm.lnG(), w.mlm.lnB(), c.layerNormEps());
        double[] logits = new double[c.vocabulary()];
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < logits.length; v++) {
            logits[v] = ops.dot(z, 0, w.wordEmb, v * h, h) + w.mlm.bias()[v];
            max = Math.max(max, logits[v]);
        }
        double sum = 0;
        for (int v = 0; v < logits.length; v++) {
            logits[v] = Math.exp(logits[v] - max);
            sum += logits[v];
        }
        for (int v = 0; v < logits.length; v++) {
            logits[v] /= sum;
        }
        return logits;
    }
}
