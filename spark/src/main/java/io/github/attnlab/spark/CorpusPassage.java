package io.github.attnlab.spark;

import io.github.attnlab.core.Check;

/**
 * One passage of a corpus: a window of consecutive words of one document, with a stable id.
 *
 * @param id       the passage id, {@code <document id>#w<window>}, e.g. {@code moby-dick/chapter_1#w3}
 * @param document the document's id in the corpus, e.g. {@code moby-dick/chapter_1}
 * @param window   which window of the document, from 0
 * @param text     the passage's text
 */
public record CorpusPassage(String id, String document, int window, String text) {

    /** Validates: no null, {@code window >= 0}. */
    public CorpusPassage {
        Check.notNull("id", id);
        Check.notNull("document", document);
        Check.notNull("text", text);
        if (window < 0) {
            throw new IllegalArgumentException("window = " + window + " is negative (passage '" + id + "')");
        }
    }

    /** One line: the id and the text's length. */
    @Override
    public String toString() {
        return "CorpusPassage[" + id + ", " + text.length() + " characters]";
    }
}
