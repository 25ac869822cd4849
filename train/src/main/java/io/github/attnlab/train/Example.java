package io.github.attnlab.train;

import io.github.attnlab.core.Check;

/**
 * One training or test sequence: its inputs (tokens, or real vectors) and what the model should predict at each
 * position (a class, or a vector; or nothing, where the position is not scored). Immutable: arrays are copied in
 * and out.
 */
public final class Example {

    private final int[] tokens;
    private final float[] inputs;
    private final int inputDim;
    private final int[] targets;
    private final float[] targetValues;
    private final int targetDim;
    private final boolean[] scored;

    private Example(int[] tokens, float[] inputs, int inputDim, int[] targets, float[] targetValues, int targetDim,
                    boolean[] scored) {
        this.tokens = tokens;
        this.inputs = inputs;
        this.inputDim = inputDim;
        this.targets = targets;
        this.targetValues = targetValues;
        this.targetDim = targetDim;
        this.scored = scored;
    }

    /**
     * A token sequence with a target class per position ({@code -1}: not scored).
     *
     * @throws IllegalArgumentException on null or empty arrays, different lengths, negative tokens, targets below -1,
     *                                  or no scored position
     */
    public static Example tokens(int[] tokens, int[] targets) {
        Check.notNull("tokens", tokens);
        Check.notNull("targets", targets);
        Check.positive("tokens.length", tokens.length);
        Check.size("targets.length", targets.length, tokens.length);
        boolean[] scored = new boolean[tokens.length];
        boolean any = false;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0) {
                throw new IllegalArgumentException("tokens[" + i + "] = " + tokens[i] + " is negative");
            }
            if (targets[i] < -1) {
                throw new IllegalArgumentException("targets[" + i + "] = " + targets[i] + " is below -1 (not scored)");
            }
            scored[i] = targets[i] >= 0;
            any |= scored[i];
        }
        if (!any) {
            throw new IllegalArgumentException("targets: no position is scored (every target is -1)");
        }
        return new Example(tokens.clone(), null, 0, targets.clone(), null, 0, scored);
    }

    /**
     * A sequence of real vectors with a target vector per position ({@code targets[i] == null}: not scored).
     *
     * @throws IllegalArgumentException on NaN or infinite values, ragged rows, or no scored position
     */
    public static Example vectors(double[][] inputs, double[][] targets) {
        Check.notNull("inputs", inputs);
        Check.notNull("targets", targets);
        int n = Check.positive("inputs.length", inputs.length);
        Check.size("targets.length", targets.length, n);
        Check.notNull("inputs[0]", inputs[0]);
        int din = Check.positive("inputs[0].length", inputs[0].length);
        int dout = -1;
        float[] x = new float[n * din];
        boolean[] scored = new boolean[n];
        for (int i = 0; i < n; i++) {
            Check.notNull("inputs[" + i + "]", inputs[i]);
            Check.size("inputs[" + i + "].length", inputs[i].length, din);
            for (int e = 0; e < din; e++) {
                x[i * din + e] = (float) finite("inputs[" + i + "][" + e + "]", inputs[i][e]);
            }
            if (targets[i] != null) {
                dout = dout < 0 ? Check.positive("targets[" + i + "].length", targets[i].length) : dout;
                Check.size("targets[" + i + "].length", targets[i].length, dout);
                scored[i] = true;
            }
        }
        if (dout < 0) {
            throw new IllegalArgumentException("targets: no position is scored (every target is null)");
        }
        float[] y = new float[n * dout];
        for (int i = 0; i < n; i++) {
            for (int e = 0; targets[i] != null && e < dout; e++) {
                y[i * dout + e] = (float) finite("targets[" + i + "][" + e + "]", targets[i][e]);
            }
        }
        return new Example(null, x, din, null, y, dout, scored);
    }

    private static double finite(String name, double v) {
        if (v != v) {
            throw new IllegalArgumentException(name + " is NaN");
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + " is not finite");
        }
        return v;
    }

    /** The number of positions $n$. */
    public int length() {
        return scored.length;
    }

    /** Whether the inputs are tokens. */
    public boolean hasTokens() {
        return tokens != null;
    }

    /** The input tokens (a copy), or null for vector inputs. */
    public int[] tokens() {
        return tokens == null ? null : tokens.clone();
    }

    /** The target classes (a copy; -1 where not scored), or null for vector targets. */
    public int[] targets() {
        return targets == null ? null : targets.clone();
    }

    /** Whether position $i$ is scored. */
    public boolean scored(int i) {
        return scored[Check.index("i", i, scored.length)];
    }

    /** The number of scored positions. */
    public int scoredCount() {
        int c = 0;
        for (boolean s : scored) {
            c += s ? 1 : 0;
        }
        return c;
    }

    int token(int i) {
        return tokens[i];
    }

    int target(int i) {
        return targets[i];
    }

    boolean isScored(int i) {
        return scored[i];
    }

    float input(int i, int e) {
        return inputs[i * inputDim + e];
    }

    int inputDim() {
        return inputDim;
    }

    int targetDim() {
        return targetDim;
    }

    float targetValue(int i, int e) {
        return targetValues[i * targetDim + e];
    }

    @Override
    public String toString() {
        return "Example[n = " + length() + ", " + scoredCount() + " scored, " + (tokens != null ? "tokens" : inputDim + "-d vectors")
                + "]";
    }
}
