package io.github.attnlab.model.bert;

import io.github.attnlab.model.io.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * The parameters of a BERT encoder (and, when present, its masked-LM head), checked against the
 * configuration: every tensor must exist under its canonical (Hugging Face) name with the expected
 * shape, else the error names the file, the tensor, and the expected and found shapes.
 *
 * <p>Dense kernels are kept as stored in both source formats, {@code [in, out]}, so a layer is the
 * row-major product $XW + b$. The query, key and value kernels of a layer are joined column-wise into
 * one $H \times 3H$ matrix so that one matrix product computes all three.
 */
final class BertWeights {

    /** One transformer layer. */
    record Layer(float[] qkvW, float[] qkvB, float[] attnOutW, float[] attnOutB, float[] ln1G, float[] ln1B,
                 float[] interW, float[] interB, float[] outW, float[] outB, float[] ln2G, float[] ln2B) {
    }

    /** The masked-LM head: transform, LayerNorm, then the (tied) word embeddings and a bias. */
    record MlmHead(float[] transformW, float[] transformB, float[] lnG, float[] lnB, float[] bias) {
    }

    final BertConfig config;
    final float[] wordEmb;
    final float[] posEmb;
    final float[] typeEmb;
    final float[] embLnG;
    final float[] embLnB;
    final Layer[] layers;
    final MlmHead mlm;

    private BertWeights(BertConfig config, float[] wordEmb, float[] posEmb, float[] typeEmb, float[] embLnG,
                        float[] embLnB, Layer[] layers, MlmHead mlm) {
        this.config = config;
        this.wordEmb = wordEmb;
        this.posEmb = posEmb;
        this.typeEmb = typeEmb;
        this.embLnG = embLnG;
        this.embLnB = embLnB;
        this.layers = layers;
        this.mlm = mlm;
    }

    /** The same weights with other layers (for pruning); everything else shared. */
    BertWeights withLayers(Layer[] layers) {
        if (layers.length != this.layers.length) {
            throw new IllegalArgumentException(layers.length + " layers for a model of " + this.layers.length);
        }
        return new BertWeights(config, wordEmb, posEmb, typeEmb, embLnG, embLnB, layers, mlm);
    }

    /**
     * Checks and arranges the tensors.
     *
     * @param source  a label of the weight file, for error messages
     * @param tensors tensors under canonical names
     * @param withMlm whether the masked-LM head must be present
     */
    static BertWeights of(BertConfig c, String source, Map<String, Tensor> tensors, boolean withMlm) {
        Getter g = new Getter(c.name(), source, tensors);
        int h = c.hidden();
        Layer[] layers = new Layer[c.layers()];
        for (int l = 0; l < layers.length; l++) {
            String p = "encoder.layer." + l + ".";
            float[] q = g.get(p + "attention.self.query.weight", h, h);
            float[] k = g.get(p + "attention.self.key.weight", h, h);
            float[] v = g.get(p + "attention.self.value.weight", h, h);
            float[] qkv = new float[h * 3 * h];
            for (int i = 0; i < h; i++) {
                System.arraycopy(q, i * h, qkv, i * 3 * h, h);
                System.arraycopy(k, i * h, qkv, i * 3 * h + h, h);
                System.arraycopy(v, i * h, qkv, i * 3 * h + 2 * h, h);
            }
            float[] qkvB = new float[3 * h];
            System.arraycopy(g.get(p + "attention.self.query.bias", h), 0, qkvB, 0, h);
            System.arraycopy(g.get(p + "attention.self.key.bias", h), 0, qkvB, h, h);
            System.arraycopy(g.get(p + "attention.self.value.bias", h), 0, qkvB, 2 * h, h);
            layers[l] = new Layer(qkv, qkvB,
                    g.get(p + "attention.output.dense.weight", h, h), g.get(p + "attention.output.dense.bias", h),
                    g.get(p + "attention.output.LayerNorm.weight", h), g.get(p + "attention.output.LayerNorm.bias", h),
                    g.get(p + "intermediate.dense.weight", h, c.intermediate()),
                    g.get(p + "intermediate.dense.bias", c.intermediate()),
                    g.get(p + "output.dense.weight", c.intermediate(), h), g.get(p + "output.dense.bias", h),
                    g.get(p + "output.LayerNorm.weight", h), g.get(p + "output.LayerNorm.bias", h));
        }
        MlmHead mlm = null;
        if (withMlm) {
            mlm = new MlmHead(g.get("cls.predictions.transform.dense.weight", h, h),
                    g.get("cls.predictions.transform.dense.bias", h),
                    g.get("cls.predictions.transform.LayerNorm.weight", h),
                    g.get("cls.predictions.transform.LayerNorm.bias", h),
                    g.get("cls.predictions.bias", c.vocabulary()));
        }
        return new BertWeights(c,
                g.get("embeddings.word_embeddings.weight", c.vocabulary(), h),
                g.get("embeddings.position_embeddings.weight", c.maxPositions(), h),
                g.get("embeddings.token_type_embeddings.weight", c.typeVocabulary(), h),
                g.get("embeddings.LayerNorm.weight", h), g.get("embeddings.LayerNorm.bias", h), layers, mlm);
    }

    /** Looks tensors up and checks their shapes. */
    private record Getter(String model, String source, Map<String, Tensor> tensors) {
        float[] get(String name, int... shape) {
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException(source + ": " + model + " needs tensor " + name
                        + " " + Arrays.toString(shape) + ", which the file does not have");
            }
            if (!t.hasShape(shape)) {
                throw new IllegalArgumentException(source + ": tensor " + name + " has shape "
                        + Arrays.toString(t.shape()) + ", but " + model + " needs " + Arrays.toString(shape));
            }
            float[] data = t.data();
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    throw new IllegalArgumentException(source + ": tensor " + name + " has a non-finite value "
                            + data[i] + " at index " + i + ": the file is corrupted");
                }
            }
            return data;
        }
    }
}
