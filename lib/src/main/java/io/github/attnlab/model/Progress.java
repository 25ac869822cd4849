package io.github.attnlab.model;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar for long runs (a corpus, many passages), on the console and in notebooks.
 *
 * <p>On an interactive console the bar is redrawn in place ({@code \r}); elsewhere (a notebook, a
 * CI log) one line is printed at each tenth of the work, so the output stays short and readable
 * in both. Each line shows the count, a bar, the elapsed time and the estimated time left. The
 * system property {@code attnlab.progress=off} silences it. Like {@code Claims}, this is one of the
 * two places where the library prints.
 */
public final class Progress {

    private static final int WIDTH = 24;

    private final String label;
    private final int total;
    private final long start;
    private final PrintStream out;
    private final boolean inPlace;
    private final boolean silent;
    private int done;
    private int lastTenth;

    private Progress(String label, int total, PrintStream out, boolean inPlace, boolean silent) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.inPlace = inPlace;
        this.silent = silent;
        this.start = System.nanoTime();
    }

    /** A bar for {@code total} steps on standard output. */
    public static Progress start(String label, int total) {
        if (total < 0) {
            throw new IllegalArgumentException("progress total = " + total + " must be >= 0");
        }
        boolean silent = "off".equalsIgnoreCase(System.getProperty("attnlab.progress", "on"));
        return new Progress(label, total, System.out, System.console() != null, silent);
    }

    /** Records one finished step and redraws when due. */
    public synchronized void step() {
        if (done < total) {
            done++;
        }
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (silent) {
            return;
        }
        if (inPlace) {
            out.print("\r" + line());
            if (done == total) {
                out.println();
            }
            out.flush();
        } else if (tenth > lastTenth || done == total) {
            out.println(line());
            out.flush();
        }
        lastTenth = tenth;
    }

    /** Steps done so far. */
    public synchronized int done() {
        return done;
    }

    /** The current state as one line: {@code label  37/120 [#######.......]  31% 12.4 s, ~26.8 s left}. */
    public synchronized String line() {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double frac = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(frac * WIDTH);
        String left = done == 0 || done == total ? "" : String.format(Locale.ROOT, ", ~%.1f s left", elapsed / done * (total - done));
        return String.format(Locale.ROOT, "%s  %d/%d [%s%s] %3.0f%% %.1f s%s", label, done, total, "#".repeat(filled),
                ".".repeat(WIDTH - filled), 100 * frac, elapsed, left);
    }

    @Override
    public String toString() {
        return "Progress[" + line() + "]";
    }
}
