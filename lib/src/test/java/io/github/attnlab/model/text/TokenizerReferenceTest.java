package io.github.attnlab.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.github.attnlab.model.bert.PretrainedModel;
import io.github.attnlab.model.data.AttentionDatasets;
import io.github.attnlab.model.data.Document;
import io.github.attnlab.model.io.JarEntries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our tokenizer against the reference Rust tokenizer (Hugging Face {@code tokenizers}, through DJL)
 * configured by the {@code tokenizer.json} shipped with bge-small-en-v1.5 (BertNormalizer, BertPreTokenizer,
 * WordPiece, no truncation): identical tokens and ids on whole books and on hard cases.
 */
class TokenizerReferenceTest {

    @TempDir
    static Path tmp;
    static HuggingFaceTokenizer reference;
    static BertTokenizer ours;

    @BeforeAll
    static void load() throws Exception {
        PretrainedModel m = PretrainedModel.BGE_SMALL_EN_V15;
        String name = "bge-small-en-v1.5-tokenizer.json";
        byte[] json = JarEntries.read(m.artifact().require(), null, Set.of(name)).get(name);
        Path file = tmp.resolve("tokenizer.json");
        Files.write(file, json);
        reference = HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "true", "truncation", "false",
                "padding", "false"));
        ours = BertTokenizer.of(TestVocabularies.fromTokenizerJson(json));
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    private static void same(String where, String text) {
        ai.djl.huggingface.tokenizers.Encoding r = reference.encode(text);
        Encoding o = ours.encode(text);
        List<String> rt = Arrays.asList(r.getTokens());
        if (!rt.equals(o.tokens())) {
            int i = 0;
            while (i < Math.min(rt.size(), o.length()) && rt.get(i).equals(o.tokens().get(i))) {
                i++;
            }
            List<String> ctx = rt.subList(Math.max(0, i - 5), Math.min(rt.size(), i + 5));
            assertEquals(rt.size() > i ? rt.get(i) : "<end>", o.length() > i ? o.tokens().get(i) : "<end>",
                    where + ": first difference at token " + i + " near " + ctx);
        }
        long[] ids = Arrays.stream(o.ids()).asLongStream().toArray();
        assertEquals(Arrays.toString(r.getIds()), Arrays.toString(ids), where + ": ids");
    }

    @Test
    void wholeBooksTokenizeIdentically() {
        AttentionDatasets ds = AttentionDatasets.open();
        List<Document> docs = new ArrayList<>(ds.corpus("moby-dick"));
        docs.addAll(ds.corpus("sotu"));
        long tokens = 0;
        for (Document d : docs) {
            same(d.id(), d.text());
            tokens += ours.tokenize(d.text()).size();
        }
        assertEquals(163, docs.size());
        // the whole of Moby-Dick and 24 addresses: about half a million WordPiece tokens compared
        assertEquals(true, tokens > 450_000, "tokens compared: " + tokens);
    }

    @Test
    void hardCasesTokenizeIdentically() {
        List<String> cases = List.of(
                "Hello I'm a [MASK] model.", "[MASK][MASK] [mask] [CLS]x[SEP]", "naïve café, Ångström, Æsir, Øresund",
                "Héllo wörld ÇA SUFFIT", "e\u0301t\u00e9 vs été", "İstanbul ΣΊΣΥΦΟΣ ŁÓDŹ straße ǅemal",
                "野口里佳 Noguchi Rika, 東京タワー and 서울", "tabs\tnew\nlines\r\n and\u00a0nbsp\u2003em\u2028line",
                "nul\u0000 ctl\u0007 del\u007f nel\u0085 zwsp\u200b bom\ufeff rep\ufffd", "emoji 😀👍🏽 and ♥ ★ © ®",
                "don't U.S.A. $100,000.50 3.14159 e-mail ‘quoted’ “smart” — dash – en … ellipsis",
                "a".repeat(99) + " " + "b".repeat(100) + " " + "c".repeat(101), "unaffable antidisestablishmentarianism",
                "<html>&amp;{json: [1, 2]}|pipe~tilde^caret`tick", "", "   ", "x");
        for (String c : cases) {
            same("case '" + c + "'", c);
        }
    }
}
