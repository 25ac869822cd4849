package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The masked-LM head's most probable tokens for the {@code [MASK]} of a text, as in the
 * fill-mask example of a model card.
 *
 * @param text        the input text, containing one {@code [MASK]}
 * @param predictions the most probable tokens, most probable first
 */
public record FillMask(String text, List<Prediction> predictions) {

    /**
     * One candidate token and its probability $\mathrm{softmax}(h W_e^\top + b)_{id}$ over the vocabulary.
     *
     * @param token       the token
     * @param id          its vocabulary id
     * @param probability its probability
     */
    public record Prediction(String token, int id, double probability) {
        /** One line: {@code fashion 0.1073}. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.4f", token, probability);
        }
    }

    /** Copies the list. */
    public FillMask {
        Check.notNull("predictions", predictions);
        predictions = List.copyOf(predictions);
    }

    /** The tokens, most probable first. */
    public List<String> tokens() {
        return predictions.stream().map(Prediction::token).collect(Collectors.toList());
    }

    /** One line: the text and the predictions with four decimals. */
    @Override
    public String toString() {
        return "FillMask[" + text + " -> " + predictions.stream().map(Prediction::toString)
                .collect(Collectors.joining(", ")) + "]";
    }
}
