package io.github.attnlab.bench.suite;

import java.util.Locale;

/**
 * The note of an encoder line about AttnLab's pass on several threads ({@code Bert.withThreads}), measured in the
 * same interleaved rounds as the one-thread pass: its times, its speed-up over one thread (ratio of the medians)
 * and whether it gave the same bits.
 */
final class ThreadsNote {

    private ThreadsNote() {
    }

    /** {@code AttnLab on 2 threads: 70.1 ms [69.0–72.3 ms], 1.71× the one-thread speed, same bits}. */
    static String of(int threads, Samples one, Samples many, boolean sameBits) {
        if (threads < 2) {
            throw new IllegalArgumentException("threads = " + threads + " must be at least 2");
        }
        if (one == null || many == null) {
            throw new IllegalArgumentException("one and many must not be null");
        }
        return String.format(Locale.ROOT, "AttnLab on %d threads: %s, %.2f× the one-thread speed, %s", threads,
                Report.times(many), one.median() / many.median(), sameBits ? "same bits" : "NOT the same bits");
    }
}
