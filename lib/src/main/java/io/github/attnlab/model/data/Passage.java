package io.github.attnlab.model.data;

import java.util.List;

/**
 * A fixed passage of the datasets: window {@code window} of the 128-token windows (by
 * {@code Bert.passages(text, 128)}: {@code [CLS]}, 126 WordPiece tokens never cut inside a word,
 * {@code [SEP]}) of one document.
 *
 * @param id       the passage's file stem, e.g. {@code moby-dick-ch001-w0}
 * @param document the document's id in the corpus, e.g. {@code moby-dick/chapter_1}
 * @param window   which window of the document, from 0
 */
public record Passage(String id, String document, int window) {

    /** Tokens per passage, {@code [CLS]} and {@code [SEP]} included (at most). */
    public static final int TOKENS = 128;

    /**
     * The passages of {@code datasets/}: the opening of Moby-Dick ("Call me Ishmael…") and of the
     * 2000 State of the Union address.
     */
    public static final List<Passage> STANDARD = List.of(
            new Passage("moby-dick-ch001-w0", "moby-dick/chapter_1", 0),
            new Passage("sotu-2000-w0", "sotu/2000_william_j_clinton_d", 0));

    /** One line. */
    @Override
    public String toString() {
        return "Passage[" + id + " = window " + window + " of " + document + "]";
    }
}
