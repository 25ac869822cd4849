package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import java.util.Arrays;
import java.util.Locale;

/**
 * Weight sparsity in the manner of Gao et al. (docs/papers/F.md): after every optimiser step, keep only the
 * top-magnitude fraction $f_t$ of each weight matrix (embeddings, attention, feed-forward and output matrices; not
 * gains, biases or position tables) and zero the rest. The fraction is annealed geometrically from {@code start} to
 * {@code end} over the first {@code rampSteps} steps, then held: $f_t = f_0 (f_1/f_0)^{\min(t/T, 1)}$.
 *
 * @param start     $f_0 \in (0, 1]$
 * @param end       $f_1 \in (0, 1]$
 * @param rampSteps $T \ge 0$
 */
public record WeightSparsity(double start, double end, int rampSteps) {

    /** Validates the fractions. */
    public WeightSparsity {
        checkFraction("start", start);
        checkFraction("end", end);
        Check.range("rampSteps", rampSteps, 0, Integer.MAX_VALUE);
    }

    /** Dense weights (fraction 1 throughout). */
    public static WeightSparsity none() {
        return new WeightSparsity(1, 1, 0);
    }

    /** A fixed fraction $f$ from the first step. */
    public static WeightSparsity keep(double fraction) {
        return new WeightSparsity(fraction, fraction, 0);
    }

    /** From dense to {@code fraction} over {@code steps} steps. */
    public static WeightSparsity anneal(double fraction, int steps) {
        return new WeightSparsity(1, fraction, steps);
    }

    /** $f_t$ at step $t$ (0-based). */
    public double fraction(int step) {
        if (rampSteps == 0 || step >= rampSteps) {
            return end;
        }
        return start * Math.pow(end / start, (double) step / rampSteps);
    }

    /** Whether this ever zeroes a weight. */
    public boolean active() {
        return start < 1 || end < 1;
    }

    private static void checkFraction(String name, double f) {
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException(name + " = " + f + " is outside (0, 1]: the fraction of weights kept");
        }
    }

    /**
     * Keeps the $\lceil f\,s\rceil$ largest magnitudes of {@code w[off, off + s)} (ties broken towards the lower index)
     * and zeroes the rest; {@code scratch} holds $s$ floats. Returns the number of non-zero entries left.
     */
    static int keepTop(float[] w, int off, int s, double f, float[] scratch) {
        int k = (int) Math.ceil(f * s - 1e-9);
        if (k >= s) {
            return nonZero(w, off, s);
        }
        for (int i = 0; i < s; i++) {
            scratch[i] = Math.abs(w[off + i]);
        }
        Arrays.sort(scratch, 0, s);
        float threshold = scratch[s - k];
        int above = 0;
        for (int i = 0; i < s; i++) {
            above += Math.abs(w[off + i]) > threshold ? 1 : 0;
        }
        int equalKept = k - above;
        for (int i = 0; i < s; i++) {
            float a = Math.abs(w[off + i]);
            if (a > threshold) {
                continue;
            }
            if (a == threshold && equalKept > 0) {
                equalKept--;
                continue;
            }
            w[off + i] = 0f;
        }
        return nonZero(w, off, s);
    }

    static int nonZero(float[] w, int off, int s) {
        int c = 0;
        for (int i = 0; i < s; i++) {
            c += w[off + i] != 0 ? 1 : 0;
        }
        return c;
    }

    @Override
    public String toString() {
        return active() ? String.format(Locale.ROOT, "WeightSparsity[%.3g → %.3g over %d steps]", start, end, rampSteps)
                : "WeightSparsity[dense]";
    }
}
