package io.github.attnlab.compact;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.simd.SimdOps;

/**
 * The float32 rows of {@link Normalizers}: argument checks and the SIMD kernels behind its {@code float[]}
 * overloads. The kernels check the row contract by two comparisons on the row maximum and sum; when those fail the
 * row is validated here in full, so the refusal names the argument {@code scores} and the position.
 */
final class FloatNormalizers {

    private FloatNormalizers() {
    }

    static double softmax(float[] scores, float[] out, int off, int len) {
        checkRange(scores, off, len);
        Check.notNull("out", out);
        Check.slice("out", out.length, off, len);
        try {
            return SimdOps.get().softmaxOnline(scores, off, len, out, off);
        } catch (IllegalArgumentException e) {
            throw refusal(scores, off, len, e);
        }
    }

    static double logSumExp(float[] scores, int off, int len) {
        checkRange(scores, off, len);
        try {
            return SimdOps.get().logSumExp(scores, off, len);
        } catch (IllegalArgumentException e) {
            throw refusal(scores, off, len, e);
        }
    }

    /** The range checks of the row contract (null array, range outside it, empty row), before any kernel runs. */
    static void checkRange(float[] scores, int off, int len) {
        Check.notNull("scores", scores);
        Check.slice("scores", scores.length, off, len);
        if (len < 1) {
            LogitRow.validate("scores", scores, off, len); // throws, naming the empty row
        }
    }

    /** The contract's refusal of the row, named {@code scores}; {@code cause} if the row turns out valid. */
    private static IllegalArgumentException refusal(float[] scores, int off, int len, IllegalArgumentException cause) {
        LogitRow.validate("scores", scores, off, len);
        return cause;
    }
}
