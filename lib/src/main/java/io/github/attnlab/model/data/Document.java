package io.github.attnlab.model.data;

/**
 * One document of a text corpus: a chapter of Moby-Dick, one State of the Union address.
 *
 * @param id    a stable identifier, e.g. {@code moby-dick/chapter_1} or {@code sotu/2000_william_j_clinton_d}
 * @param title the title (chapter title, or year and speaker)
 * @param text  the full text
 */
public record Document(String id, String title, String text) {

    /** One line: id, title and length. */
    @Override
    public String toString() {
        return "Document[" + id + ", " + title + ", " + text.length() + " characters]";
    }
}
