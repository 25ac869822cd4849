package io.github.attnlab.train.task;

import io.github.attnlab.core.Check;
import io.github.attnlab.train.Example;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * Character-level language modelling on a real text with a held-out split: the last {@code heldOut} fraction of
 * the text is validation, never sampled in training. The vocabulary is every character of the training part in code
 * point order plus one "unknown" token (characters seen only in validation). An example of size $N$ is a window of
 * $N + 1$ characters: inputs its first $N$, targets its last $N$ (every position scored).
 */
public final class CharCorpus implements Task {

    private final String name;
    private final int[] train;
    private final int[] validation;
    private final int vocabulary;
    private final int[] alphabet;

    private CharCorpus(String name, int[] train, int[] validation, int[] alphabet) {
        this.name = name;
        this.train = train;
        this.validation = validation;
        this.alphabet = alphabet;
        this.vocabulary = alphabet.length + 1;
    }

    /**
     * The corpus of {@code text}, its last {@code heldOut} part held out.
     *
     * @throws IllegalArgumentException when the text is shorter than 100 characters or heldOut is outside (0, 1)
     */
    public static CharCorpus of(String name, String text, double heldOut) {
        Check.notNull("name", name);
        Check.notNull("text", text);
        Check.open("heldOut", heldOut, 0, 1);
        int[] cps = text.codePoints().toArray();
        if (cps.length < 100) {
            throw new IllegalArgumentException("text has " + cps.length + " characters; need at least 100");
        }
        int cut = (int) Math.round(cps.length * (1 - heldOut));
        TreeSet<Integer> set = new TreeSet<>();
        for (int i = 0; i < cut; i++) {
            set.add(cps[i]);
        }
        int[] alphabet = set.stream().mapToInt(Integer::intValue).toArray();
        int[] all = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            int idx = java.util.Arrays.binarySearch(alphabet, cps[i]);
            all[i] = idx >= 0 ? idx : alphabet.length;
        }
        return new CharCorpus(name, java.util.Arrays.copyOf(all, cut), java.util.Arrays.copyOfRange(all, cut, all.length),
                alphabet);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int vocabulary() {
        return vocabulary;
    }

    @Override
    public int outputs() {
        return vocabulary;
    }

    @Override
    public int length(int size) {
        return size;
    }

    /** Characters in the training and validation parts. */
    public int trainingSize() {
        return train.length;
    }

    /** Characters in the validation part. */
    public int validationSize() {
        return validation.length;
    }

    @Override
    public Example sample(Random random, int size) {
        return TokenWindows.sample(train, random, size);
    }

    /** {@code count} validation windows of size $N$, evenly spaced over the held-out part (no randomness). */
    public List<Example> validation(int size, int count) {
        return TokenWindows.evenlySpaced(validation, size, count);
    }

    /** The text of tokens (unknown shown as U+FFFD). */
    public String decode(int[] tokens) {
        StringBuilder b = new StringBuilder();
        for (int t : tokens) {
            b.appendCodePoint(t < alphabet.length ? alphabet[t] : 0xFFFD);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CharCorpus[%s, %d training + %d held-out characters, vocabulary %d]", name,
                train.length, validation.length, vocabulary);
    }
}
