package io.github.attnlab.spark;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.data.AttentionDatasets;
import io.github.attnlab.model.data.Corpus;
import io.github.attnlab.model.data.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A text corpus cut into passages: consecutive windows of {@code words} whitespace-separated words of each document
 * (the last, shorter window of a document is kept when it has at least half as many words), in the corpus's order.
 */
public final class Passages {

    private Passages() {
    }

    /** The passages of the documents of a JSON-lines corpus ({@code datasets/texts/*.jsonl}), at most {@code limit}. */
    public static List<CorpusPassage> of(Path jsonl, int words, int limit) {
        Check.notNull("jsonl", jsonl);
        if (!Files.isRegularFile(jsonl)) {
            throw new IllegalArgumentException("jsonl = " + jsonl + " is not a file");
        }
        return of(Corpus.read(jsonl), words, limit);
    }

    /** The passages of these documents, at most {@code limit}. */
    public static List<CorpusPassage> of(List<Document> documents, int words, int limit) {
        Check.notNull("documents", documents);
        Check.positive("words", words);
        Check.positive("limit", limit);
        List<CorpusPassage> out = new ArrayList<>();
        for (Document d : documents) {
            String[] w = d.text().trim().split("\\s+");
            for (int from = 0, window = 0; from < w.length && out.size() < limit; from += words, window++) {
                int to = Math.min(w.length, from + words);
                if (to - from < (words + 1) / 2) {
                    break;
                }
                out.add(new CorpusPassage(d.id() + "#w" + window, d.id(), window, String.join(" ", List.of(w).subList(from, to))));
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    /**
     * {@code datasets/texts/<name>.jsonl} ({@code moby-dick}, {@code sotu}) of the repository's {@code datasets/}, found
     * as {@code AttentionDatasets.open()} finds it (from the working directory upwards).
     */
    public static Path dataset(String name) {
        Check.notNull("name", name);
        Path p = AttentionDatasets.open().directory().resolve("texts").resolve(name + ".jsonl");
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("name = '" + name + "': no " + p);
        }
        return p;
    }
}
