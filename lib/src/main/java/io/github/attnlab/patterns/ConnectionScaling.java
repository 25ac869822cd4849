package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.stats.LineFit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Connections per layer (the largest $\sum_k |A_k^l|$ over a period) against the length $n$, and the exponent $b$
 * of the least-squares fit $\log c = a + b \log n$: 1 for the $O(n)$ patterns of paper E, 2 for dense attention,
 * 1.5 for Child et al.'s patterns with $\ell = \lceil\sqrt n\rceil$. Counted row by row, so no $n \times n$ mask is
 * held.
 *
 * @param pattern     the pattern's name
 * @param n           the lengths (a copy)
 * @param connections the connections per layer at each length (a copy)
 * @param exponent    the fitted exponent $b$
 */
public record ConnectionScaling(String pattern, int[] n, long[] connections, double exponent) implements Figure {

    /** Copies the arrays. */
    public ConnectionScaling {
        n = Check.notNull("n", n).clone();
        connections = Check.notNull("connections", connections).clone();
    }

    /** Counts the pattern's connections at each length (at least two distinct lengths) and fits the exponent. */
    public static ConnectionScaling of(SparsityPattern pattern, int... lengths) {
        SparsityPattern p = Check.notNull("pattern", pattern);
        Check.notNull("lengths", lengths);
        Check.range("lengths.length", lengths.length, 2, 64);
        for (int i = 0; i < lengths.length; i++) {
            Check.range("lengths[" + i + "]", lengths[i], 1, SparsityPattern.MAX_COUNTED_TOKENS);
        }
        long[] c = new long[lengths.length];
        double[] x = new double[lengths.length];
        double[] y = new double[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            c[i] = p.connections(lengths[i]);
            x[i] = Math.log(lengths[i]);
            y[i] = Math.log(c[i]);
        }
        if (Arrays.stream(lengths).distinct().count() < 2) {
            throw new IllegalArgumentException("lengths need two distinct values, not " + Arrays.toString(lengths));
        }
        return new ConnectionScaling(p.name(), lengths, c, LineFit.of(x, y).slope());
    }

    @Override
    public int[] n() {
        return n.clone();
    }

    @Override
    public long[] connections() {
        return connections.clone();
    }

    /** A log-log chart of several patterns' connections against $n$, each labelled with its exponent. */
    public static XYChart chart(List<ConnectionScaling> curves) {
        Check.notNull("curves", curves);
        XYChart c = XYChart.of("Connections per layer against n", "n (tokens)", "connections per layer").logX().logY();
        for (ConnectionScaling s : curves) {
            c = c.linePoints(String.format(Locale.ROOT, "%s (exponent %.3f)", s.pattern, s.exponent),
                    Arrays.stream(s.n).asDoubleStream().toArray(),
                    Arrays.stream(s.connections).asDoubleStream().toArray());
        }
        return c;
    }

    @Override
    public JFreeChart chart() {
        return chart(List.of(this)).chart();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: connections ~ n^%.4f over n = %d..%d", pattern, exponent, n[0],
                n[n.length - 1]);
    }
}
