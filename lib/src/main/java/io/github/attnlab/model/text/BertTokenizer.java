package io.github.attnlab.model.text;

import io.github.attnlab.core.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokenizer of uncased BERT models: special tokens kept whole, {@link BasicTokenizer} on the
 * text between them, then {@link WordPiece}; {@link #encode} adds {@code [CLS]} and {@code [SEP]}.
 *
 * <p>Special tokens ({@code [PAD] [UNK] [CLS] [SEP] [MASK]}) are matched in the raw text before any
 * normalization, exactly as written, so {@code "a [MASK] b"} keeps {@code [MASK]} as one token while
 * {@code "[mask]"} is split as ordinary text. The result is identical to the reference tokenizer
 * (checked on whole books in the tests).
 */
public final class BertTokenizer {

    /** The special tokens, matched in the raw text. */
    public static final List<String> SPECIAL = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private final Vocabulary vocab;

    private BertTokenizer(Vocabulary vocab) {
        this.vocab = vocab;
        for (String s : SPECIAL) {
            vocab.require(s);
        }
    }

    /** A tokenizer over this vocabulary, which must hold the special tokens. */
    public static BertTokenizer of(Vocabulary vocab) {
        Check.notNull("vocab", vocab);
        return new BertTokenizer(vocab);
    }

    /** The vocabulary. */
    public Vocabulary vocabulary() {
        return vocab;
    }

    /** The WordPiece tokens of a text, without {@code [CLS]}/{@code [SEP]}. */
    public List<String> tokenize(String text) {
        Check.notNull("text", text);
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int at = -1;
            String special = null;
            for (String s : SPECIAL) {
                int i = text.indexOf(s, from);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                    special = s;
                }
            }
            int stop = at < 0 ? text.length() : at;
            for (String w : BasicTokenizer.words(text.substring(from, stop))) {
                WordPiece.split(w, vocab, "[UNK]", out);
            }
            if (special == null) {
                break;
            }
            out.add(special);
            from = at + special.length();
        }
        return out;
    }

    /** The tokens of a text between {@code [CLS]} and {@code [SEP]}, with their ids. */
    public Encoding encode(String text) {
        Check.notNull("text", text);
        List<String> t = new ArrayList<>();
        t.add("[CLS]");
        t.addAll(tokenize(text));
        t.add("[SEP]");
        return of(t);
    }

    /** An encoding of given tokens, each of which must be in the vocabulary. */
    public Encoding of(List<String> tokens) {
        Check.notNull("tokens", tokens);
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            int id = vocab.id(tokens.get(i));
            if (id < 0) {
                throw new IllegalArgumentException("tokens[" + i + "] = '" + tokens.get(i) + "' is not in the vocabulary");
            }
            ids[i] = id;
        }
        return new Encoding(tokens, ids);
    }

    @Override
    public String toString() {
        return "BertTokenizer[uncased, " + vocab + "]";
    }
}
