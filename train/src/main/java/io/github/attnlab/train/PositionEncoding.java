package io.github.attnlab.train;

/**
 * How a model knows where a token is.
 * <ul>
 *   <li>{@link #LEARNED}: a learned vector per absolute position added to the token embedding (GPT-2); a model has
 *       {@code maxLength} of them, and positions never seen in training stay at their random initial values;</li>
 *   <li>{@link #NONE}: no position information (a causal decoder still infers order from its mask);</li>
 *   <li>{@link #ALIBI}: a relative bias $-m_h\,|i - j|$ added to the attention scores, with slopes
 *       $m_h = 2^{-8(h+1)/H}$ (Press et al. 2022): the same for every length, the scheme known to extrapolate.</li>
 * </ul>
 */
public enum PositionEncoding {
    /** Learned absolute positions. */
    LEARNED,
    /** No position encoding. */
    NONE,
    /** Attention with linear biases (relative). */
    ALIBI
}
