package io.github.attnlab.train.task;

import io.github.attnlab.core.Check;
import io.github.attnlab.train.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Next-token windows of a token sequence, the examples of the corpus tasks ({@link CharCorpus}, {@link WordCorpus}):
 * input $x = (t_s, \dots, t_{s+N-1})$, target $y = (t_{s+1}, \dots, t_{s+N})$.
 */
final class TokenWindows {

    private TokenWindows() {
    }

    /** A window of size $N$ at a uniformly random start in {@code train}. */
    static Example sample(int[] train, Random random, int size) {
        Check.notNull("random", random);
        Check.range("size", size, 1, train.length - 1);
        return window(train, random.nextInt(train.length - size), size);
    }

    /** {@code count} windows of size $N$, evenly spaced over {@code validation} (no randomness). */
    static List<Example> evenlySpaced(int[] validation, int size, int count) {
        Check.range("size", size, 1, validation.length - 1);
        Check.positive("count", count);
        List<Example> out = new ArrayList<>(count);
        long span = validation.length - size - 1;
        for (int i = 0; i < count; i++) {
            out.add(window(validation, (int) (span * i / Math.max(1, count - 1)), size));
        }
        return out;
    }

    private static Example window(int[] src, int start, int size) {
        int[] x = java.util.Arrays.copyOfRange(src, start, start + size);
        int[] y = java.util.Arrays.copyOfRange(src, start + 1, start + size + 1);
        return Example.tokens(x, y);
    }
}
