package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Assumption 1 (iii) of paper E, measured: the receptive sets $S_k^1 = A_k^1$,
 * $S_k^t = \bigcup_{j \in A_k^{(t-1 \bmod p)+1}} S_j^{t-1}$ (the tokens whose information has reached token $k$
 * after $t$ layers), and the smallest $s$ with $S_k^s = [n]$ for every $k$.
 *
 * @param outcome      {@link Outcome#FULL} with $s$, {@link Outcome#NEVER} (proved), or {@link Outcome#UNDECIDED}
 * @param s            the smallest $s$ when full, else 0
 * @param minFraction  $\min_k |S_k^t| / n$ for $t = 1, 2, \dots$ (a copy)
 * @param meanFraction $\frac1n \sum_k |S_k^t| / n$ for the same $t$ (a copy)
 * @param query        for {@code NEVER} and {@code UNDECIDED}: a query $k$ whose set stays incomplete, else -1
 * @param unreached    the tokens missing from that query's last set (a copy; empty when full)
 * @param incomplete   how many queries have incomplete sets at the last step
 * @param detail       one line: how the outcome was decided
 */
public record Reach(Outcome outcome, int s, double[] minFraction, double[] meanFraction, int query, BitSet unreached,
                    int incomplete, String detail) implements Figure {

    /** How the recursion ended. */
    public enum Outcome {
        /** Every token reaches every token after $s$ layers. */
        FULL,
        /** No $s$ exists: the sets stopped growing or repeat, or Wielandt's bound passed. */
        NEVER,
        /** The step budget ran out first. */
        UNDECIDED
    }

    /** Copies the arrays and the set. */
    public Reach {
        minFraction = Check.notNull("minFraction", minFraction).clone();
        meanFraction = Check.notNull("meanFraction", meanFraction).clone();
        unreached = (BitSet) Check.notNull("unreached", unreached).clone();
    }

    /** Whether full reach holds. */
    public boolean full() {
        return outcome == Outcome.FULL;
    }

    /** The number of layers computed. */
    public int steps() {
        return minFraction.length;
    }

    @Override
    public double[] minFraction() {
        return minFraction.clone();
    }

    @Override
    public double[] meanFraction() {
        return meanFraction.clone();
    }

    @Override
    public BitSet unreached() {
        return (BitSet) unreached.clone();
    }

    @Override
    public JFreeChart chart() {
        double[] t = new double[steps()];
        for (int i = 0; i < t.length; i++) {
            t[i] = i + 1;
        }
        return XYChart.of("Receptive sets by depth: " + this, "layers t", "|S_k^t| / n")
                .linePoints("min over k", t, minFraction).linePoints("mean over k", t, meanFraction).chart();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reach && ((Reach) o).outcome == outcome && ((Reach) o).s == s
                && Arrays.equals(((Reach) o).minFraction, minFraction) && ((Reach) o).unreached.equals(unreached);
    }

    @Override
    public int hashCode() {
        return 31 * outcome.hashCode() + s;
    }

    @Override
    public String toString() {
        switch (outcome) {
            case FULL:
                return "full reach: s = " + s;
            case NEVER:
                return String.format(Locale.ROOT, "full reach: never (token %d never receives tokens %s; %d queries"
                        + " incomplete; %s)", query, Words.ranges(unreached, 3), incomplete, detail);
            default:
                return String.format(Locale.ROOT, "full reach: undecided (%s)", detail);
        }
    }
}
