package io.github.attnlab.model.text;

import io.github.attnlab.core.Check;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WordPiece vocabulary: one token per line of {@code vocab.txt}, its id the line number.
 *
 * <p>bert-base-uncased, all-MiniLM-L6-v2 and bge-small-en-v1.5 share the same 30,522 entries
 * ({@code [PAD]} = 0, {@code [UNK]} = 100, {@code [CLS]} = 101, {@code [SEP]} = 102,
 * {@code [MASK]} = 103).
 */
public final class Vocabulary {

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = Collections.unmodifiableList(tokens);
        Map<String, Integer> m = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            if (m.putIfAbsent(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("vocabulary: token '" + tokens.get(i) + "' appears twice (lines "
                        + (m.get(tokens.get(i)) + 1) + " and " + (i + 1) + ")");
            }
        }
        this.ids = m;
    }

    /** Parses {@code vocab.txt} (UTF-8, one token per line, a final newline optional). */
    public static Vocabulary parse(byte[] vocabulary) {
        Check.notNull("vocabulary", vocabulary);
        String s = new String(vocabulary, StandardCharsets.UTF_8);
        List<String> t = new ArrayList<>(32768);
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                t.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            t.add(s.substring(start));
        }
        return of(t);
    }

    /** A vocabulary of the given tokens, ids in order. */
    public static Vocabulary of(List<String> tokens) {
        Check.notNull("tokens", tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("vocabulary: no tokens");
        }
        return new Vocabulary(new ArrayList<>(tokens));
    }

    /** The number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** The token with this id. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("token id " + id + " is outside [0, " + tokens.size() + ")");
        }
        return tokens.get(id);
    }

    /** The id of a token, or -1 when absent. */
    public int id(String token) {
        Integer i = ids.get(token);
        return i == null ? -1 : i;
    }

    /** The id of a token that must be present (special tokens). */
    public int require(String token) {
        int i = id(token);
        if (i < 0) {
            throw new IllegalArgumentException("vocabulary has no token " + token);
        }
        return i;
    }

    /** The tokens in id order (unmodifiable). */
    public List<String> tokens() {
        return tokens;
    }

    @Override
    public String toString() {
        return "Vocabulary[" + tokens.size() + " tokens]";
    }
}
