package io.github.attnlab.bench.suite;

/**
 * Replaces the text between two marker comments of a Markdown file (the README's performance
 * section), so that the suite writes its table there and nobody edits numbers by hand.
 */
public final class ReadmeSection {

    public static final String BEGIN = "<!-- perf-suite:begin (written by ./attnlab perf; do not edit) -->";
    public static final String END = "<!-- perf-suite:end -->";

    private ReadmeSection() {
    }

    /** {@code text} with everything between the markers replaced by {@code body}; the markers must occur once, in order. */
    public static String replace(String text, String body) {
        if (text == null || body == null) {
            throw new IllegalArgumentException("text and body must not be null");
        }
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < 0 || e < b || text.indexOf(BEGIN, b + 1) >= 0 || text.indexOf(END, e + 1) >= 0) {
            throw new IllegalArgumentException("text must hold the markers " + BEGIN + " and " + END
                    + " once each, in this order");
        }
        String inner = body.endsWith("\n") ? body : body + "\n";
        return text.substring(0, b + BEGIN.length()) + "\n" + inner + text.substring(e);
    }
}
