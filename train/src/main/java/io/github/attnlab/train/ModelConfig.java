package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.patterns.AttentionPattern;
import java.util.Locale;

/**
 * The shape of a small pre-LayerNorm transformer: $L$ layers of $H$ heads at width $d$ with a ReLU feed-forward block
 * of width $d_{ff}$, and its four pluggable parts: the attention {@link AttentionNormalizer}, the
 * {@link AttentionPattern} (intersected with the causal mask in a decoder), the {@link PositionEncoding}, and (in
 * {@link Training}) the weight sparsity. Immutable; the withers return new configurations.
 *
 * <p>Inputs are tokens of a vocabulary (embedded) or real vectors of dimension {@code inputDim} (projected); outputs
 * are logits over {@code outputs} classes (cross-entropy) or, when {@code regression}, real vectors of that
 * dimension (squared error): the last form is paper F's ERM over measure-valued contexts.
 *
 * @param vocabulary  the number of input tokens, or 0 for vector inputs
 * @param inputDim    the dimension of vector inputs, or 0 for tokens
 * @param outputs     classes (or regression dimensions) predicted at each position
 * @param regression  squared-error outputs instead of classes
 * @param layers      $L \ge 1$
 * @param heads       $H \ge 1$, dividing the width
 * @param width       $d$
 * @param hidden      $d_{ff}$
 * @param maxLength   the longest sequence the model accepts (the size of the learned position table)
 * @param causal      a decoder (query $i$ sees keys $\le i$) or an encoder
 * @param normalizer  the attention normaliser
 * @param pattern     the attention pattern (dense if null)
 * @param positions   the position encoding
 */
public record ModelConfig(int vocabulary, int inputDim, int outputs, boolean regression, int layers, int heads,
                          int width, int hidden, int maxLength, boolean causal, AttentionNormalizer normalizer,
                          AttentionPattern pattern, PositionEncoding positions) {

    /** Validates every field. */
    public ModelConfig {
        Check.range("vocabulary", vocabulary, 0, 1 << 24);
        Check.range("inputDim", inputDim, 0, 1 << 16);
        if ((vocabulary == 0) == (inputDim == 0)) {
            throw new IllegalArgumentException("exactly one of vocabulary = " + vocabulary + " and inputDim = " + inputDim
                    + " must be positive (token or vector inputs)");
        }
        Check.range("outputs", outputs, 1, 1 << 24);
        Check.range("layers", layers, 1, 64);
        Check.range("heads", heads, 1, 256);
        Check.range("width", width, 1, 1 << 14);
        if (width % heads != 0) {
            throw new IllegalArgumentException("width = " + width + " is not divisible by heads = " + heads);
        }
        Check.range("hidden", hidden, 1, 1 << 16);
        Check.range("maxLength", maxLength, 1, 1 << 16);
        Check.notNull("normalizer", normalizer);
        Check.notNull("positions", positions);
        if (pattern == null) {
            pattern = AttentionPattern.dense();
        }
    }

    /**
     * A causal decoder over {@code vocabulary} tokens predicting the next token: 2 layers, 2 heads, $d = 32$,
     * $d_{ff} = 64$, 64 positions, softmax, learned positions.
     */
    public static ModelConfig decoder(int vocabulary) {
        return new ModelConfig(vocabulary, 0, vocabulary, false, 2, 2, 32, 64, 64, true, AttentionNormalizer.softmax(),
                null, PositionEncoding.LEARNED);
    }

    /** An encoder over {@code vocabulary} tokens with one class per token and position (otherwise as {@link #decoder}). */
    public static ModelConfig encoder(int vocabulary) {
        return decoder(vocabulary).withCausal(false);
    }

    /** An encoder on real vectors of dimension {@code inputDim} predicting vectors of dimension {@code outputDim}. */
    public static ModelConfig regression(int inputDim, int outputDim) {
        return new ModelConfig(0, inputDim, outputDim, true, 1, 1, 32, 64, 256, false, AttentionNormalizer.softmax(),
                null, PositionEncoding.NONE);
    }

    /** With $L$ layers. */
    public ModelConfig withLayers(int l) {
        return new ModelConfig(vocabulary, inputDim, outputs, regression, l, heads, width, hidden, maxLength, causal,
                normalizer, pattern, positions);
    }

    /** With {@code n} output classes (e.g. a classification task over fewer classes than input tokens). */
    public ModelConfig withOutputs(int n) {
        return new ModelConfig(vocabulary, inputDim, n, regression, layers, heads, width, hidden, maxLength, causal,
                normalizer, pattern, positions);
    }

    /** With $H$ heads. */
    public ModelConfig withHeads(int h) {
        return new ModelConfig(vocabulary, inputDim, outputs, regression, layers, h, width, hidden, maxLength, causal,
                normalizer, pattern, positions);
    }

    /** With width $d$ and feed-forward width $d_{ff}$. */
    public ModelConfig withWidth(int d, int dff) {
        return new ModelConfig(vocabulary, inputDim, outputs, regression, layers, heads, d, dff, maxLength, causal,
                normalizer, pattern, positions);
    }

    /** With room for sequences of up to {@code n} tokens. */
    public ModelConfig withMaxLength(int n) {
        return new ModelConfig(vocabulary, inputDim, outputs, regression, layers, heads, width, hidden, n, causal,
                normalizer, pattern, positions);
    }

    /** A decoder (true) or an encoder. */
    public ModelConfig withCausal(boolean c) {
        return new ModelConfig(vocabulary, inputDim, outputs, regression, layers, heads, width, hidden, maxLength, c,
                normalizer, pattern, positions);
    }

    /** With another attention normaliser. */
    public ModelConfig withNormalizer(AttentionNormalizer n) {
        return new ModelConfig(vocabulary, inputDim, outputs, regression, layers, heads, width, hidden, maxLength, causal,
                n, pattern, positions);
    }

    /** With an attention pattern (paper E), intersected with the causal mask in a decoder. */
    public ModelConfig withPattern(AttentionPattern p) {
        return new ModelConfig(vocabulary, inputDim, outputs, regression, layers, heads, width, hidden, maxLength, causal,
                normalizer, Check.notNull("pattern", p), positions);
    }

    /** With another position encoding. */
    public ModelConfig withPositions(PositionEncoding p) {
        return new ModelConfig(vocabulary, inputDim, outputs, regression, layers, heads, width, hidden, maxLength, causal,
                normalizer, pattern, p);
    }

    /** $d/H$. */
    public int headDim() {
        return width / heads;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s L=%d H=%d d=%d dff=%d, %s, %s positions, max length %d, %s",
                causal ? "decoder" : "encoder", layers, heads, width, hidden, normalizer.name(),
                positions.name().toLowerCase(Locale.ROOT), maxLength,
                vocabulary > 0 ? vocabulary + " tokens" : inputDim + "-d inputs");
    }
}
