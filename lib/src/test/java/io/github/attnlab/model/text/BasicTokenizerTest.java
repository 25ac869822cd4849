package io.github.attnlab.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked examples of each step (the reference comparison is in TokenizerReferenceTest). */
class BasicTokenizerTest {

    @Test
    void stepsOnSmallExamples() {
        assertEquals(List.of("hey", "friend", "!", "how", "are", "you", "?", "!", "?"),
                BasicTokenizer.words("Hey friend!     How are you?!?"));
        assertEquals(List.of("cafe", "naive", "angstrom"), BasicTokenizer.words("Café naïve Ångström"));
        assertEquals(List.of("野", "口", "里", "佳", "noguchi"), BasicTokenizer.words("野口里佳 Noguchi"));
        assertEquals(List.of("abc"), BasicTokenizer.words("a\u0000b\u0085c")); // controls dropped, not made spaces
        assertEquals(List.of("$", "5", "+", "3"), BasicTokenizer.words("$5+3"));
    }

    @Test
    void wordPieceIsGreedyLongestMatchFirst() {
        Vocabulary v = Vocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able",
                "unaff", "##a", "##ble", "x"));
        BertTokenizer t = BertTokenizer.of(v);
        assertEquals(List.of("unaff", "##able"), t.tokenize("unaffable"));
        assertEquals(List.of("[UNK]", "x", "[MASK]"), t.tokenize("unq x[MASK]"));
        assertEquals(List.of("[CLS]", "x", "[SEP]"), t.encode("X").tokens());
        var e = assertThrows(IllegalArgumentException.class, () -> t.of(List.of("x", "y")));
        assertEquals("tokens[1] = 'y' is not in the vocabulary", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "b", "a")));
        assertEquals("vocabulary: token 'a' appears twice (lines 1 and 3)", e.getMessage());
    }
}
