package io.github.attnlab.model.text;

import java.util.List;

/**
 * WordPiece: each word becomes the greedy longest-match-first sequence of vocabulary pieces,
 * continuation pieces prefixed with {@code ##}; a word with no such split, or longer than 100
 * characters, becomes {@code [UNK]} as a whole (Schuster and Nakajima 2012; BERT, Devlin et al. 2019).
 */
public final class WordPiece {

    /** Words with more characters (code points) than this become {@code [UNK]}. */
    public static final int MAX_CHARS_PER_WORD = 100;
    /** The prefix of a piece that continues a word. */
    public static final String CONTINUATION = "##";

    private WordPiece() {
    }

    /** Appends the pieces of {@code word} to {@code out} (ids to {@code ids} when not null). */
    static void split(String word, Vocabulary vocab, String unk, List<String> out) {
        int n = word.codePointCount(0, word.length());
        if (n > MAX_CHARS_PER_WORD) {
            out.add(unk);
            return;
        }
        int size = out.size();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            String piece = null;
            while (end > start) {
                String sub = start > 0 ? CONTINUATION + word.substring(start, end) : word.substring(start, end);
                if (vocab.id(sub) >= 0) {
                    piece = sub;
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (piece == null) {
                out.subList(size, out.size()).clear();
                out.add(unk);
                return;
            }
            out.add(piece);
            start = end;
        }
    }
}
