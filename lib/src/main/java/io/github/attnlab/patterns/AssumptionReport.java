package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import io.github.attnlab.plot.Figure;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Assumption 1 of paper E for one pattern at one length: connections per layer, (i) self-loops, (ii) a
 * Hamiltonian path of the union graph, (iii) full reach with its $s$, and what the construction argued for $s$.
 * Draws the growth of the receptive sets.
 *
 * @param pattern     the pattern's name
 * @param n           the number of tokens
 * @param connections $\sum_k |A_k^l|$ for each layer of the period (a copy)
 * @param selfLoops   condition (i)
 * @param path        condition (ii)
 * @param reach       condition (iii)
 * @param argued      the construction's $s$, or null when it says nothing
 */
public record AssumptionReport(String pattern, int n, long[] connections, SelfLoops selfLoops, HamiltonianPath path,
                               Reach reach, ReachArgument argued) implements Figure {

    /** Copies the counts. */
    public AssumptionReport {
        connections = Check.notNull("connections", connections).clone();
    }

    @Override
    public long[] connections() {
        return connections.clone();
    }

    /** The largest connection count over the period's layers. */
    public long maxConnections() {
        long m = 0;
        for (long c : connections) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** Whether all three conditions hold (a Hamiltonian path found, full reach). */
    public boolean holds() {
        return selfLoops.holds() && path.found() && reach.full();
    }

    /** Whether the measured reach agrees with the argued one (false when nothing was argued). */
    public boolean agreesWithArgument() {
        return argued != null && (argued.reaches() ? reach.full() && reach.s() == argued.s()
                : reach.outcome() == Reach.Outcome.NEVER);
    }

    @Override
    public JFreeChart chart() {
        JFreeChart c = reach.chart();
        c.setTitle(pattern + ", n = " + n + ": " + reach);
        return c;
    }

    /** The table header matching {@link #row()}. */
    public static String header() {
        return String.format(Locale.ROOT, "%-44s %6s %12s %10s %6s %6s %9s %7s", "pattern", "n", "conn./layer",
                "per query", "loops", "path", "s", "argued");
    }

    /** One row of a table: pattern, n, connections, connections per query, the three conditions, argued s. */
    public String row() {
        String s = reach.full() ? Integer.toString(reach.s()) : reach.outcome().name().toLowerCase(Locale.ROOT);
        String a = argued == null ? "-" : argued.reaches() ? Integer.toString(argued.s()) : "never";
        return String.format(Locale.ROOT, "%-44s %6d %12d %10.1f %6s %6s %9s %7s", pattern, n, maxConnections(),
                (double) maxConnections() / n, selfLoops.holds() ? "yes" : "no",
                path.status().name().toLowerCase(Locale.ROOT).replace("found", "yes").replace("none", "no"), s, a);
    }

    /** A table of reports, one per line, with a header. */
    public static String table(List<AssumptionReport> reports) {
        Check.notNull("reports", reports);
        StringBuilder b = new StringBuilder(header());
        for (AssumptionReport r : reports) {
            b.append('\n').append(r.row());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, n = %d: %d connections/layer; %s; %s; %s%s", pattern, n,
                maxConnections(), selfLoops, path, reach, argued == null ? "" : "; argued " + argued);
    }
}
