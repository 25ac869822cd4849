package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.model.text.Vocabulary;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The masked-LM head's distribution over the vocabulary at every {@code [MASK]} of an input, all from
 * one forward pass: $\log p_i(v) = \ell_{i,v} - \log\sum_u e^{\ell_{i,u}}$ with $\ell_i = z_i E^\top + b$
 * the logits at the $i$-th mask (Devlin et al. 2019, §3.1). The masks are predicted jointly from one
 * input, not one at a time.
 *
 * @param input            the input tokens
 * @param positions        the positions predicted (the input's {@code [MASK]}s, ascending)
 * @param logProbabilities natural log-probabilities {@code [mask][token id]}
 * @param vocabulary       the vocabulary, to name token ids
 */
public record MaskedLm(Encoding input, int[] positions, double[][] logProbabilities, Vocabulary vocabulary) {

    /** Checks the shapes and copies the arrays. */
    public MaskedLm {
        Check.notNull("input", input);
        Check.notNull("positions", positions);
        Check.notNull("logProbabilities", logProbabilities);
        Check.notNull("vocabulary", vocabulary);
        if (positions.length != logProbabilities.length) {
            throw new IllegalArgumentException("logProbabilities has " + logProbabilities.length + " rows, need one per"
                    + " entry of positions: " + positions.length);
        }
        positions = positions.clone();
        double[][] copy = new double[logProbabilities.length][];
        for (int i = 0; i < copy.length; i++) {
            if (logProbabilities[i].length != vocabulary.size()) {
                throw new IllegalArgumentException("distribution " + i + " has " + logProbabilities[i].length
                        + " entries, but the vocabulary has " + vocabulary.size());
            }
            if (positions[i] < 0 || positions[i] >= input.length()) {
                throw new IllegalArgumentException("positions[" + i + "] = " + positions[i] + " is outside [0, "
                        + input.length() + ")");
            }
            copy[i] = logProbabilities[i].clone();
        }
        logProbabilities = copy;
    }

    /** The number of masks predicted. */
    public int size() {
        return positions.length;
    }

    /** A copy of the positions. */
    @Override
    public int[] positions() {
        return positions.clone();
    }

    /** A deep copy of the log-probabilities. */
    @Override
    public double[][] logProbabilities() {
        return Arrays.stream(logProbabilities).map(double[]::clone).toArray(double[][]::new);
    }

    /** $\log p_i(v)$ for the {@code i}-th mask. */
    public double logProbability(int i, int tokenId) {
        return row(i)[checkedId(tokenId)];
    }

    /** $p_i(v)$ for the {@code i}-th mask. */
    public double probability(int i, int tokenId) {
        return Math.exp(logProbability(i, tokenId));
    }

    /** The most probable token id at the {@code i}-th mask (the smallest id among ties): the top-1 prediction. */
    public int argmax(int i) {
        double[] lp = row(i);
        int best = 0;
        for (int v = 1; v < lp.length; v++) {
            best = lp[v] > lp[best] ? v : best;
        }
        return best;
    }

    /** The {@code k} most probable tokens at the {@code i}-th mask, most probable first (ties by id). */
    public List<FillMask.Prediction> top(int i, int k) {
        double[] lp = row(i);
        if (k < 1 || k > lp.length) {
            throw new IllegalArgumentException("k = " + k + " is outside [1, " + lp.length + "]");
        }
        return IntStream.range(0, lp.length).boxed()
                .sorted(Comparator.comparingDouble((Integer v) -> -lp[v]).thenComparing(v -> v)).limit(k)
                .map(v -> new FillMask.Prediction(vocabulary.token(v), v, Math.exp(lp[v]))).toList();
    }

    private double[] row(int i) {
        Check.index("i", i, positions.length);
        return logProbabilities[i];
    }

    private int checkedId(int tokenId) {
        return Check.index("tokenId", tokenId, vocabulary.size());
    }

    /** One line: each mask's position and top-1 prediction (the first eight). */
    @Override
    public String toString() {
        String shown = IntStream.range(0, Math.min(8, size()))
                .mapToObj(i -> String.format(Locale.ROOT, "%d -> %s %.4f", positions[i], vocabulary.token(argmax(i)),
                        probability(i, argmax(i))))
                .collect(Collectors.joining(", "));
        return "MaskedLm[" + size() + " masks in " + input.length() + " tokens: " + shown + (size() > 8 ? ", …" : "") + "]";
    }
}
