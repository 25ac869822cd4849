package io.github.attnlab.train.task;

import io.github.attnlab.core.Check;
import io.github.attnlab.train.Example;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level language modelling on a real text with a held-out split: lower-cased words and single punctuation marks
 * as tokens; the vocabulary is the {@code maxVocabulary - 1} most frequent tokens of the training part (ties by first
 * appearance) plus "unknown"; the last {@code heldOut} fraction of the tokens is validation. Examples as in
 * {@link CharCorpus}: a window of $N + 1$ tokens, every position scored.
 */
public final class WordCorpus implements Task {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}']+|[^\\s\\p{L}\\p{N}]");

    private final String name;
    private final int[] train;
    private final int[] validation;
    private final List<String> words;

    private WordCorpus(String name, int[] train, int[] validation, List<String> words) {
        this.name = name;
        this.train = train;
        this.validation = validation;
        this.words = words;
    }

    /**
     * The corpus of {@code text}.
     *
     * @throws IllegalArgumentException when the text has fewer than 100 tokens, heldOut is outside (0, 1) or
     *                                  maxVocabulary &lt; 2
     */
    public static WordCorpus of(String name, String text, double heldOut, int maxVocabulary) {
        Check.notNull("name", name);
        Check.notNull("text", text);
        Check.open("heldOut", heldOut, 0, 1);
        Check.range("maxVocabulary", maxVocabulary, 2, 1 << 20);
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        if (tokens.size() < 100) {
            throw new IllegalArgumentException("text has " + tokens.size() + " tokens; need at least 100");
        }
        int cut = (int) Math.round(tokens.size() * (1 - heldOut));
        Map<String, Integer> count = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < cut; i++) {
            count.merge(tokens.get(i), 1, Integer::sum);
            first.putIfAbsent(tokens.get(i), i);
        }
        List<String> vocab = new ArrayList<>(count.keySet());
        vocab.sort(Comparator.comparing((String w) -> -count.get(w)).thenComparing(first::get));
        vocab = new ArrayList<>(vocab.subList(0, Math.min(vocab.size(), maxVocabulary - 1)));
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            id.put(vocab.get(i), i);
        }
        int[] all = new int[tokens.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = id.getOrDefault(tokens.get(i), vocab.size());
        }
        vocab.add("<unk>");
        return new WordCorpus(name, java.util.Arrays.copyOf(all, cut), java.util.Arrays.copyOfRange(all, cut, all.length),
                List.copyOf(vocab));
    }

    @Override
    public String name() {
        return name + " (words)";
    }

    @Override
    public int vocabulary() {
        return words.size();
    }

    @Override
    public int outputs() {
        return words.size();
    }

    @Override
    public int length(int size) {
        return size;
    }

    @Override
    public Example sample(Random random, int size) {
        return TokenWindows.sample(train, random, size);
    }

    /** {@code count} validation windows of size $N$, evenly spaced over the held-out part. */
    public List<Example> validation(int size, int count) {
        return TokenWindows.evenlySpaced(validation, size, count);
    }

    /** The words of tokens, separated by spaces. */
    public String decode(int[] tokens) {
        StringBuilder b = new StringBuilder();
        for (int t : tokens) {
            b.append(b.length() == 0 ? "" : " ").append(words.get(Check.index("token", t, words.size())));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WordCorpus[%s, %d training + %d held-out tokens, vocabulary %d]", name,
                train.length, validation.length, words.size());
    }
}
