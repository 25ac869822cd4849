package io.github.attnlab.core;

/**
 * The row contract: what a row of attention logits (scores) may hold, validated in one place for every package.
 *
 * <ul>
 *   <li>a finite value is a score;</li>
 *   <li>$-\infty$ masks a key: its probability is exactly 0 under every normaliser, it is never kept by top-k,
 *       and it carries no edge in an attention graph;</li>
 *   <li>NaN is refused;</li>
 *   <li>$+\infty$ is refused (it is an overflow upstream, not a score: no normaliser has a meaningful value
 *       there that a certificate could bound);</li>
 *   <li>a row with no unmasked key (empty, or every logit $-\infty$) is refused: it has no distribution.</li>
 * </ul>
 *
 * <p>Every refusal is an {@link IllegalArgumentException} whose message names the row and the position,
 * {@code "logits[17] is NaN"}, relative to the start of the row. Callers name a matrix row as
 * {@code "scores[3]"}, giving {@code "scores[3][17] is NaN"}. See {@code docs/row-contract.md}.
 */
public final class LogitRow {

    private LogitRow() {
    }

    /**
     * Validates {@code s[off, off + n)} under the row contract and returns the number of unmasked keys
     * (at least 1).
     *
     * @throws IllegalArgumentException on a null array, a range outside it, an empty row, a NaN or $+\infty$
     *                                  logit, or a row whose every logit is $-\infty$
     */
    public static int validate(String name, double[] logits, int off, int len) {
        Check.notNull(name, logits);
        Check.slice(name, logits.length, off, len);
        int unmasked = 0;
        for (int i = 0; i < len; i++) {
            double x = logits[off + i];
            if (x == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (x != x) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
            if (x == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + i + "] is +Infinity" + RULE);
            }
            unmasked++;
        }
        if (unmasked == 0) {
            throw allMasked(name, len);
        }
        return unmasked;
    }

    /** {@link #validate(String, double[], int, int)} over the whole array. */
    public static int validate(String name, double[] logits) {
        Check.notNull(name, logits);
        return validate(name, logits, 0, logits.length);
    }

    /** The float form of {@link #validate(String, double[], int, int)}, with the same contract and messages. */
    public static int validate(String name, float[] logits, int off, int len) {
        Check.notNull(name, logits);
        Check.slice(name, logits.length, off, len);
        int unmasked = 0;
        for (int i = 0; i < len; i++) {
            float x = logits[off + i];
            if (x == Float.NEGATIVE_INFINITY) {
                continue;
            }
            if (x != x) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
            if (x == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + i + "] is +Infinity" + RULE);
            }
            unmasked++;
        }
        if (unmasked == 0) {
            throw allMasked(name, len);
        }
        return unmasked;
    }

    /** {@link #validate(String, float[], int, int)} over the whole array. */
    public static int validate(String name, float[] logits) {
        Check.notNull(name, logits);
        return validate(name, logits, 0, logits.length);
    }

    /**
     * Validates every row of a rectangular matrix (rows named {@code name[i]}) and returns the number of rows.
     */
    public static int validateRows(String name, double[][] logits) {
        int rows = Check.rectangular(name, logits);
        for (int i = 0; i < rows; i++) {
            validate(name + "[" + i + "]", logits[i]);
        }
        return rows;
    }

    /** Whether a logit masks its key ($-\infty$). */
    public static boolean masked(double x) {
        return x == Double.NEGATIVE_INFINITY;
    }

    private static final String RULE = " (a logit is finite, or -Infinity to mask a key)";

    private static IllegalArgumentException allMasked(String name, int n) {
        return new IllegalArgumentException(name + ": all " + n + " logits are -Infinity; a row needs at least one"
                + " unmasked key (drop the row, or unmask a key)");
    }
}
