package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;

/**
 * The shape of a BERT encoder.
 *
 * @param name          the model's name, e.g. {@code bert-base-uncased}
 * @param layers        number of transformer layers $L$
 * @param heads         attention heads per layer $A$
 * @param hidden        hidden size $H$ (a multiple of {@code heads})
 * @param intermediate  feed-forward size (usually $4H$)
 * @param vocabulary    WordPiece vocabulary size
 * @param maxPositions  number of learned position embeddings: the longest input, in tokens
 * @param typeVocabulary number of token-type (segment) embeddings
 * @param layerNormEps  the $\varepsilon$ of every LayerNorm ($10^{-12}$ in BERT)
 */
public record BertConfig(String name, int layers, int heads, int hidden, int intermediate, int vocabulary,
                         int maxPositions, int typeVocabulary, float layerNormEps) {

    /** Validates the sizes. */
    public BertConfig {
        Check.positive("layers", layers);
        Check.positive("heads", heads);
        Check.positive("hidden", hidden);
        Check.positive("intermediate", intermediate);
        Check.positive("vocabulary", vocabulary);
        Check.positive("maxPositions", maxPositions);
        Check.positive("typeVocabulary", typeVocabulary);
        if (!(layerNormEps > 0) || Float.isInfinite(layerNormEps)) {
            throw new IllegalArgumentException("layerNormEps = " + layerNormEps + " must be finite and > 0");
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException(name + ": hidden size " + hidden + " is not a multiple of " + heads + " heads");
        }
    }

    /** The size $d = H/A$ of one head; scores are scaled by $1/\sqrt d$. */
    public int headSize() {
        return hidden / heads;
    }

    /** One line. */
    @Override
    public String toString() {
        return name + ": " + layers + " layers, " + heads + " heads, hidden " + hidden + ", feed-forward " + intermediate
                + ", vocabulary " + vocabulary + ", " + maxPositions + " positions";
    }
}
