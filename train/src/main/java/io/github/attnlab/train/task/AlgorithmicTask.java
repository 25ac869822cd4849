package io.github.attnlab.train.task;

import io.github.attnlab.core.Check;
import io.github.attnlab.train.Example;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Copy, reverse and sort (the length-generalisation tasks of paper B, docs/papers/B.md, and copying of paper E) as
 * next-token prediction for a causal decoder: $N$ symbols drawn uniformly from $S$ (with replacement), a separator,
 * then the answer, teacher-forced. The input is $x_1..x_N, \mathrm{SEP}, y_1..y_{N-1}$ (length $2N$) and the
 * scored targets are $y_1..y_N$ at positions $N..2N-1$: $y = x$ (copy), $x$ reversed, or $x$ sorted.
 */
public final class AlgorithmicTask implements Task {

    /** Which answer. */
    public enum Kind {
        /** $y = x$. */
        COPY,
        /** $y_i = x_{N+1-i}$. */
        REVERSE,
        /** $y$ is $x$ in ascending order. */
        SORT
    }

    private final Kind kind;
    private final int symbols;

    private AlgorithmicTask(Kind kind, int symbols) {
        this.kind = Check.notNull("kind", kind);
        this.symbols = Check.range("symbols", symbols, 2, 1 << 20);
    }

    /** Copying over {@code symbols} symbols. */
    public static AlgorithmicTask copy(int symbols) {
        return new AlgorithmicTask(Kind.COPY, symbols);
    }

    /** Reversal over {@code symbols} symbols. */
    public static AlgorithmicTask reverse(int symbols) {
        return new AlgorithmicTask(Kind.REVERSE, symbols);
    }

    /** Sorting over {@code symbols} symbols. */
    public static AlgorithmicTask sort(int symbols) {
        return new AlgorithmicTask(Kind.SORT, symbols);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The separator token, $S$. */
    public int separator() {
        return symbols;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int vocabulary() {
        return symbols + 1;
    }

    @Override
    public int outputs() {
        return symbols;
    }

    @Override
    public int length(int size) {
        return 2 * size;
    }

    @Override
    public Example sample(Random random, int size) {
        Check.notNull("random", random);
        Check.range("size", size, 1, 1 << 15);
        int[] x = new int[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextInt(symbols);
        }
        return example(x);
    }

    /** The example for the given symbols $x$ (each in $[0, S-1]$). */
    public Example example(int[] x) {
        Check.notNull("x", x);
        int n = Check.positive("x.length", x.length);
        int[] y = answer(x);
        int[] tokens = new int[2 * n];
        int[] targets = new int[2 * n];
        Arrays.fill(targets, -1);
        for (int i = 0; i < n; i++) {
            Check.index("x[" + i + "]", x[i], symbols);
            tokens[i] = x[i];
        }
        tokens[n] = symbols;
        for (int i = 0; i < n; i++) {
            if (i + 1 < n) {
                tokens[n + 1 + i] = y[i];
            }
            targets[n + i] = y[i];
        }
        return Example.tokens(tokens, targets);
    }

    private int[] answer(int[] x) {
        int n = x.length;
        int[] y = new int[n];
        switch (kind) {
            case COPY:
                return x.clone();
            case REVERSE:
                for (int i = 0; i < n; i++) {
                    y[i] = x[n - 1 - i];
                }
                return y;
            default:
                y = x.clone();
                Arrays.sort(y);
                return y;
        }
    }

    @Override
    public String toString() {
        return "AlgorithmicTask[" + name() + ", " + symbols + " symbols]";
    }
}
