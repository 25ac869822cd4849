package io.github.attnlab.model.bert;

import io.github.attnlab.model.io.OnnxInitializersTest;
import io.github.attnlab.model.io.ProtoWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Tiny random models in the all-MiniLM-L6-v2 jar layout (12 heads, 16 positions, a 7-token
 * vocabulary), written as real weight files, so that tests can change single weights by hand and load
 * the result through the public API.
 */
public final class TinyModel {

    public static final String[] VOCAB = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world"};
    static final int POSITIONS = 16;
    static final int HEADS = 12;

    private TinyModel() {
    }

    /**
     * The ONNX bytes of a model with random weights (seeded): {@code edit} may change each tensor's
     * values (given its name, returning the values to store), and the tensor named {@code badName} gets
     * its dimensions reversed.
     */
    public static byte[] onnx(int layers, int hidden, int intermediate, long seed, String badName,
                       BiFunction<String, float[], float[]> edit) {
        Random r = new Random(seed);
        ProtoWriter g = new ProtoWriter();
        Adder add = (name, dims) -> add(g, r, name, badName, edit, dims);
        add.tensor("embeddings.word_embeddings.weight", VOCAB.length, hidden);
        add.tensor("embeddings.position_embeddings.weight", POSITIONS, hidden);
        add.tensor("embeddings.token_type_embeddings.weight", 2, hidden);
        add.tensor("embeddings.LayerNorm.weight", hidden);
        add.tensor("embeddings.LayerNorm.bias", hidden);
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            for (String s : new String[] {"query", "key", "value"}) {
                add.tensor(p + "attention.self." + s + ".weight", hidden, hidden);
                add.tensor(p + "attention.self." + s + ".bias", hidden);
            }
            add.tensor(p + "attention.output.dense.weight", hidden, hidden);
            add.tensor(p + "attention.output.dense.bias", hidden);
            add.tensor(p + "attention.output.LayerNorm.weight", hidden);
            add.tensor(p + "attention.output.LayerNorm.bias", hidden);
            add.tensor(p + "intermediate.dense.weight", hidden, intermediate);
            add.tensor(p + "intermediate.dense.bias", intermediate);
            add.tensor(p + "output.dense.weight", intermediate, hidden);
            add.tensor(p + "output.dense.bias", hidden);
            add.tensor(p + "output.LayerNorm.weight", hidden);
            add.tensor(p + "output.LayerNorm.bias", hidden);
        }
        return new ProtoWriter().varint(1, 7).message(7, g).toBytes();
    }

    private interface Adder {
        void tensor(String name, int... dims);
    }

    private static void add(ProtoWriter g, Random r, String name, String badName,
                            BiFunction<String, float[], float[]> edit, int... dims) {
        int n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (0.3 * r.nextGaussian() + (name.contains("LayerNorm.weight") ? 1 : 0));
        }
        int[] d = dims.clone();
        if (name.equals(badName)) {
            for (int i = 0; i < d.length / 2; i++) {
                int t = d[i];
                d[i] = d[d.length - 1 - i];
                d[d.length - 1 - i] = t;
            }
        }
        g.bytes(5, OnnxInitializersTest.tensor(name, d, edit.apply(name, v), true));
    }

    private static byte[] tokenizerJson() {
        StringBuilder b = new StringBuilder("{\"model\": {\"type\": \"WordPiece\", \"vocab\": {");
        for (int i = 0; i < VOCAB.length; i++) {
            b.append(i > 0 ? ", " : "").append('"').append(VOCAB[i]).append("\": ").append(i);
        }
        return b.append("}}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A jar in {@code dir} with the model and its tokenizer, stored (uncompressed) so that single bytes can be damaged. */
    public static Path jar(Path dir, byte[] onnx) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            store(z, "all-minilm-l6-v2.onnx", onnx);
            store(z, "all-minilm-l6-v2-tokenizer.json", tokenizerJson());
        }
        Path p = dir.resolve("tiny-" + System.nanoTime() + ".jar");
        Files.write(p, bytes.toByteArray());
        return p;
    }

    /** The model loaded from a fresh jar. */
    public static Bert load(Path dir, byte[] onnx) throws Exception {
        return Bert.load(PretrainedModel.ALL_MINILM_L6_V2, jar(dir, onnx));
    }

    private static void store(ZipOutputStream z, String name, byte[] b) throws Exception {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(b.length);
        CRC32 c = new CRC32();
        c.update(b);
        e.setCrc(c.getValue());
        z.putNextEntry(e);
        z.write(b);
        z.closeEntry();
    }
}
