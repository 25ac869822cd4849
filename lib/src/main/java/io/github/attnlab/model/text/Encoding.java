package io.github.attnlab.model.text;

import io.github.attnlab.core.Check;
import java.util.List;

/**
 * A tokenized text: the WordPiece tokens (with {@code [CLS]} and {@code [SEP]} when the encoder
 * added them) and their vocabulary ids.
 *
 * @param tokens the tokens, in order
 * @param ids    the id of each token
 */
public record Encoding(List<String> tokens, int[] ids) {

    /** Validates that there is one id per token. */
    public Encoding {
        Check.notNull("tokens", tokens);
        Check.notNull("ids", ids);
        tokens = List.copyOf(tokens);
        ids = ids.clone();
        if (tokens.size() != ids.length) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + ids.length + " ids");
        }
    }

    /** The number of tokens. */
    public int length() {
        return ids.length;
    }

    /** A copy of the ids. */
    @Override
    public int[] ids() {
        return ids.clone();
    }

    /** The position of the first occurrence of {@code token}, or -1. */
    public int indexOf(String token) {
        Check.notNull("token", token);
        return tokens.indexOf(token);
    }

    /** One line: the length and the first tokens. */
    @Override
    public String toString() {
        int shown = Math.min(12, tokens.size());
        return "Encoding[" + ids.length + " tokens: " + String.join(" ", tokens.subList(0, shown))
                + (shown < tokens.size() ? " …" : "") + "]";
    }
}
