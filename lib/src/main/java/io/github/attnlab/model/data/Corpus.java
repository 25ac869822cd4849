package io.github.attnlab.model.data;

import io.github.attnlab.core.Check;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text corpus stored as JSON lines, one {@code {"id": …, "title": …, "text": …}} object per
 * document, in a fixed order (so the file is reproducible byte for byte).
 */
public final class Corpus {

    private Corpus() {
    }

    /** The documents of a JSON-lines file. */
    public static List<Document> read(Path jsonl) {
        Check.notNull("jsonl", jsonl);
        return parse(jsonl.toString(), readBytes(jsonl));
    }

    /** The documents of the bytes of a JSON-lines file ({@code name} for error messages). */
    public static List<Document> parse(String name, byte[] bytes) {
        Check.notNull("bytes", bytes);
        List<Document> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                Map<String, Object> m = JSON.std.mapFrom(lines[i]);
                out.add(new Document((String) m.get("id"), (String) m.get("title"), (String) m.get("text")));
            } catch (IOException | ClassCastException e) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": not a JSON document line (" + e.getMessage()
                        + ")", e);
            }
        }
        return out;
    }

    /** The bytes of a JSON-lines file of these documents. */
    public static byte[] toBytes(List<Document> docs) {
        Check.notNull("docs", docs);
        StringBuilder b = new StringBuilder();
        for (Document d : docs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("title", d.title());
            m.put("text", d.text());
            try {
                b.append(JSON.std.asString(m)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The document with this id. */
    public static Document find(List<Document> docs, String id) {
        Check.notNull("docs", docs);
        Check.notNull("id", id);
        return docs.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("docs has no document with id = '" + id + "'"));
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
