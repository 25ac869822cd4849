package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.text.BertTokenizer;
import io.github.attnlab.model.text.Encoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A passage with some positions replaced by {@code [MASK]}: the input of a masked-LM evaluation
 * ({@link Bert#evaluate}) and its answers. Make one with {@link Bert#mask(Encoding, int...)} or draw
 * many with {@link Bert#mask(List, double, long)}.
 *
 * @param original  the passage
 * @param masked    the same tokens, with {@code [MASK]} at {@code positions}
 * @param positions the masked positions, strictly ascending, never on a special token of the original
 */
public record MaskedPassage(Encoding original, Encoding masked, int[] positions) {

    /** Checks that {@code masked} is {@code original} with exactly {@code positions} masked; copies the positions. */
    public MaskedPassage {
        Check.notNull("original", original);
        Check.notNull("masked", masked);
        Check.notNull("positions", positions);
        if (original.length() != masked.length()) {
            throw new IllegalArgumentException("the original has " + original.length() + " tokens, the masked passage "
                    + masked.length());
        }
        if (positions.length == 0) {
            throw new IllegalArgumentException("positions is empty: no position is masked");
        }
        positions = positions.clone();
        boolean[] at = new boolean[original.length()];
        for (int i = 0; i < positions.length; i++) {
            int p = positions[i];
            if (p < 0 || p >= original.length()) {
                throw new IllegalArgumentException("positions[" + i + "] = " + p + " is outside [0, " + original.length() + ")");
            }
            if (i > 0 && p <= positions[i - 1]) {
                throw new IllegalArgumentException("positions must be strictly ascending: positions[" + i + "] = " + p
                        + " follows " + positions[i - 1]);
            }
            if (BertTokenizer.SPECIAL.contains(original.tokens().get(p))) {
                throw new IllegalArgumentException("position " + p + " holds " + original.tokens().get(p)
                        + ", a special token, which is never masked");
            }
            at[p] = true;
        }
        for (int t = 0; t < at.length; t++) {
            String want = at[t] ? "[MASK]" : original.tokens().get(t);
            if (!masked.tokens().get(t).equals(want)) {
                throw new IllegalArgumentException("masked token " + t + " is " + masked.tokens().get(t) + ", expected " + want);
            }
        }
    }

    /** The original with {@code positions} (ascending) replaced by {@code [MASK]}. */
    static MaskedPassage of(Encoding original, int[] positions, BertTokenizer tokenizer) {
        List<String> t = new ArrayList<>(original.tokens());
        for (int p : positions) {
            if (p >= 0 && p < t.size()) {
                t.set(p, "[MASK]");
            }
        }
        return new MaskedPassage(original, tokenizer.of(t), positions);
    }

    /**
     * Masks $m = \max(1, \mathrm{round}(rate \cdot c))$ of the passage's $c$ non-special tokens, drawn
     * uniformly without replacement (a partial Fisher–Yates shuffle driven by {@code rnd}).
     */
    static MaskedPassage draw(Encoding original, double rate, Random rnd, BertTokenizer tokenizer) {
        int[] candidates = IntStream.range(0, original.length())
                .filter(t -> !BertTokenizer.SPECIAL.contains(original.tokens().get(t))).toArray();
        if (candidates.length == 0) {
            throw new IllegalArgumentException("the passage has no token to mask: " + original);
        }
        int m = (int) Math.max(1, Math.round(rate * candidates.length));
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(candidates.length - i);
            int x = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = x;
        }
        int[] chosen = Arrays.copyOf(candidates, m);
        Arrays.sort(chosen);
        return of(original, chosen, tokenizer);
    }

    /** The number of masked positions. */
    public int size() {
        return positions.length;
    }

    /** A copy of the masked positions. */
    @Override
    public int[] positions() {
        return positions.clone();
    }

    /** The vocabulary ids of the original tokens at the masked positions: the answers. */
    public int[] targets() {
        int[] ids = original.ids();
        return Arrays.stream(positions).map(p -> ids[p]).toArray();
    }

    /** One line: the length and the first masked tokens. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(8, positions.length); i++) {
            b.append(i > 0 ? ", " : "").append(positions[i]).append(' ').append(original.tokens().get(positions[i]));
        }
        return "MaskedPassage[" + original.length() + " tokens, " + positions.length + " masked: " + b
                + (positions.length > 8 ? ", …" : "") + "]";
    }
}
