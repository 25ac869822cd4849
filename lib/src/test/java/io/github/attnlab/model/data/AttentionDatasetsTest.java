package io.github.attnlab.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.PretrainedModel;
import io.github.attnlab.simd.SimdOps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** datasets/: checksums, bit-for-bit regeneration from the weights, and damaged copies. */
class AttentionDatasetsTest {

    /** Float16 rounds each probability to within 2^-11 of its value, so a row sum moves by at most that. */
    private static final double F16_ROW_SUM_TOL = 0x1p-11;

    static AttentionDatasets ds;
    static List<Document> docs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        ds = AttentionDatasets.open();
        docs = new ArrayList<>(ds.corpus("moby-dick"));
        docs.addAll(ds.corpus("sotu"));
    }

    @Test
    void everyFileMatchesItsChecksum() {
        assertEquals(17, ds.verify());
        assertEquals(139, ds.corpus("moby-dick").size());
        assertEquals(24, ds.corpus("sotu").size());
    }

    /** The generator, run now on this JVM's SIMD path, writes exactly the committed bytes. */
    @ParameterizedTest
    @EnumSource(PretrainedModel.class)
    void tensorsRegenerateBitForBit(PretrainedModel model) {
        Bert bert = Bert.load(model);
        List<Bert> paths = new ArrayList<>(List.of(bert));
        if (model == PretrainedModel.ALL_MINILM_L6_V2) {
            paths.add(bert.withSimd(SimdOps.scalar())); // both paths in one run, on the cheapest model
        }
        for (Bert b : paths) {
            for (Passage p : Passage.STANDARD) {
                for (Map.Entry<String, byte[]> f : DatasetGenerator.files(b, p, docs).entrySet()) {
                    assertEquals(Sha256Sums.of(ds.bytes(f.getKey())), Sha256Sums.of(f.getValue()),
                            f.getKey() + " regenerated on " + b);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PretrainedModel.class)
    void storedAttentionIsAProbabilityTensor(PretrainedModel model) {
        for (Passage p : Passage.STANDARD) {
            AttentionTensor att = ds.attention(model, p.id());
            assertEquals(128, att.length());
            assertEquals(model == PretrainedModel.ALL_MINILM_L6_V2 ? 6 : 12, att.layers());
            assertEquals(12, att.heads());
            assertEquals("[CLS]", att.tokens().get(0));
            assertEquals("[SEP]", att.tokens().get(127));
            assertTrue(att.maxRowSumError() <= F16_ROW_SUM_TOL, model + " " + p + ": " + att.maxRowSumError());
        }
    }

    @Test
    void aDamagedCopyIsRefusedByName() throws Exception {
        Path copy = tmp.resolve("datasets");
        for (String f : ds.files()) {
            Path to = copy.resolve(f);
            Files.createDirectories(to.getParent());
            Files.copy(ds.directory().resolve(f), to);
        }
        Files.copy(ds.directory().resolve(AttentionDatasets.SUMS), copy.resolve(AttentionDatasets.SUMS));
        AttentionDatasets damaged = AttentionDatasets.open(copy);
        String scores = "all-minilm-l6-v2/sotu-2000-w0.scores.npy";
        byte[] b = Files.readAllBytes(copy.resolve(scores));
        b[b.length / 2] ^= 1;
        Files.write(copy.resolve(scores), b);
        var e = assertThrows(IllegalStateException.class, () -> damaged.attention(PretrainedModel.ALL_MINILM_L6_V2,
                "sotu-2000-w0"));
        assertTrue(e.getMessage().startsWith(copy.resolve(scores) + ": SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains("corrupted, truncated or was changed"), e.getMessage());
        String probs = "bert-base-uncased/moby-dick-ch001-w0.probabilities.npy";
        byte[] all = Files.readAllBytes(copy.resolve(probs));
        Files.write(copy.resolve(probs), Arrays.copyOf(all, all.length - 1000));
        e = assertThrows(IllegalStateException.class, () -> damaged.bytes(probs));
        assertTrue(e.getMessage().contains(probs) && e.getMessage().contains((all.length - 1000) + " bytes"), e.getMessage());
        Files.delete(copy.resolve("tokens/sotu-2000-w0.txt"));
        e = assertThrows(IllegalStateException.class, () -> damaged.tokens("sotu-2000-w0"));
        assertTrue(e.getMessage().endsWith("is listed in SHA256SUMS but missing; restore it with git or regenerate"
                + " datasets/ with scripts/datasets.sh"), e.getMessage());
    }
}
