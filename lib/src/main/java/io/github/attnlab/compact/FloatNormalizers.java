package io.github.attnlab.compact;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.simd.SimdOps;

/**
 * The float32 rows of {@link Normalizers}: argument checks and the kernels behind its {@code float[]}
 * overloads (softmax and log-sum-exp in float arithmetic; the sorting sparse thresholds in double on the widened row;
 * the pivot search and the bisection are {@link CandidateRows}, which widens the candidates only). The kernels check the row contract by two comparisons on the row maximum and sum; when those fail the
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

    /** A double row operation of {@link Normalizers}: reads {@code scores[off, off + len)}, writes {@code out}. */
    interface DoubleRow {
        double apply(double[] scores, double[] out, int off, int len);
    }

    /** Per thread: the widened row and its double probabilities, grown to the longest row seen. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);

    /**
     * Runs a double sparse normaliser on the float row widened (exactly) into a per-thread buffer, so the
     * threshold search reads a row that stays in cache, and rounds the probabilities to float into {@code out}.
     */
    static double sparse(DoubleRow op, float[] scores, float[] out, int off, int len) {
        checkRange(scores, off, len);
        Check.notNull("out", out);
        Check.slice("out", out.length, off, len);
        double[][] buf = SCRATCH.get();
        if (buf[0].length < len) {
            buf[0] = new double[len];
            buf[1] = new double[len];
        }
        double[] w = buf[0];
        double[] p = buf[1];
        SimdOps ops = SimdOps.get();
        ops.widen(scores, off, len, w, 0);
        double tau = op.apply(w, p, 0, len); // validates the row, naming it scores
        ops.narrow(p, 0, len, out, off);
        return tau;
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
