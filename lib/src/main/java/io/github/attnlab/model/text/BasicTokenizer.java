package io.github.attnlab.model.text;

import io.github.attnlab.core.Check;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BERT's basic (pre-WordPiece) tokenization of uncased models: clean, isolate CJK ideographs,
 * strip accents, lowercase, split on whitespace and punctuation.
 *
 * <p>The steps and character classes are those of the reference implementation (Hugging Face
 * {@code tokenizers}: {@code BertNormalizer} with clean_text, handle_chinese_chars, strip_accents
 * and lowercase, then {@code BertPreTokenizer}):
 * <ol>
 * <li>drop U+0000, U+FFFD and "other" characters (general category C: Cc, Cf, Cn, Co, Cs) except tab,
 *     newline and carriage return; map whitespace (those three and the Unicode White_Space
 *     property) to a space;</li>
 * <li>surround each CJK unified ideograph with spaces;</li>
 * <li>decompose (NFD) and drop non-spacing marks (Mn): "café" → "cafe";</li>
 * <li>lowercase each character with its full Unicode mapping, context-free;</li>
 * <li>split on White_Space, then make every punctuation character (ASCII punctuation or Unicode
 *     category P*) a word of its own.</li>
 * </ol>
 */
public final class BasicTokenizer {

    private BasicTokenizer() {
    }

    /** The words of a text (no special-token handling; see {@link BertTokenizer}). */
    public static List<String> words(String text) {
        Check.notNull("text", text);
        String s = Normalizer.normalize(clean(text), Normalizer.Form.NFD);
        StringBuilder lower = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                if (cp < 128) {
                    lower.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
                } else {
                    lower.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isWhitespace(cp)) {
                flush(word, out);
            } else if (isPunctuation(cp)) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        flush(word, out);
        return out;
    }

    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                b.append(' ');
            } else if (cp == 0 || cp == 0xfffd || isOther(cp)) {
                continue; // removed before whitespace is mapped: U+000B, U+000C, U+0085 are controls
            } else if (isWhitespace(cp)) {
                b.append(' ');
            } else if (isCjk(cp)) {
                b.append(' ').appendCodePoint(cp).append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    /** The Unicode White_Space property. */
    static boolean isWhitespace(int cp) {
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || cp == 0x85 || cp == 0xa0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f
                || cp == 0x205f || cp == 0x3000;
    }

    /** General category C: control, format, unassigned, private use, surrogate. */
    static boolean isOther(int cp) {
        int t = Character.getType(cp);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.UNASSIGNED
                || t == Character.PRIVATE_USE || t == Character.SURROGATE;
    }

    /** ASCII punctuation (which includes $+<=>^`|~) or a Unicode punctuation category (P*). */
    static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    /** The CJK unified ideograph blocks (and compatibility ideographs) that BERT splits per character. */
    static boolean isCjk(int cp) {
        return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df)
                || (cp >= 0x2a700 && cp <= 0x2b73f) || (cp >= 0x2b740 && cp <= 0x2b81f)
                || (cp >= 0x2b920 && cp <= 0x2ceaf) || (cp >= 0xf900 && cp <= 0xfaff)
                || (cp >= 0x2f800 && cp <= 0x2fa1f);
    }
}
