package io.github.attnlab.model.bert;

import io.github.attnlab.simd.SimdOps;

/**
 * BERT's masked-LM head: $z = \mathrm{LN}(\mathrm{GELU}(h W_t + b_t))$, logits $\ell = z E^\top + b$
 * with the word embeddings $E$ (tied), and $\log p(v) = \ell_v - \log\sum_u e^{\ell_u}$ over the
 * vocabulary (Devlin et al. 2019, §3.1).
 */
final class MaskedLmHead {

    private MaskedLmHead() {
    }

    /**
     * The log-probabilities over the vocabulary at the given rows of {@code hidden} ($n \times H$):
     * {@code [i][v]} for row {@code positions[i]}. The transform is one matrix product over all rows;
     * logits in float (the head's dot products), the log-sum-exp in double.
     */
    static double[][] logProbabilities(BertWeights w, SimdOps ops, float[] hidden, int[] positions) {
        BertConfig c = w.config;
        int h = c.hidden();
        int m = positions.length;
        float[] rows = new float[m * h];
        for (int i = 0; i < m; i++) {
            System.arraycopy(hidden, positions[i] * h, rows, i * h, h);
        }
        float[] z = new float[m * h];
        new Encoder(w, ops).linear(rows, m, h, w.mlm.transformW(), w.mlm.transformB(), h, z);
        ops.gelu(z, 0, z.length, z, 0);
        ops.layerNorm(z, 0, m, h, w.mlm.lnG(), w.mlm.lnB(), c.layerNormEps());
        double[][] out = new double[m][c.vocabulary()];
        for (int i = 0; i < m; i++) {
            double[] logits = out[i];
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < logits.length; v++) {
                logits[v] = ops.dot(z, i * h, w.wordEmb, v * h, h) + w.mlm.bias()[v];
                max = Math.max(max, logits[v]);
            }
            double sum = 0;
            for (double l : logits) {
                sum += Math.exp(l - max);
            }
            double logZ = max + Math.log(sum);
            for (int v = 0; v < logits.length; v++) {
                logits[v] -= logZ;
            }
        }
        return out;
    }
}
