package io.github.attnlab.bench.suite;

import java.util.List;
import java.util.Locale;

/**
 * The suite's table as Markdown (for {@code target/bench/suite.md} and the README) and as JSON.
 *
 * @param header   one paragraph on when, where and how it was measured
 * @param limits   the machine's measured limits
 * @param measured the table's lines, measured or failed
 */
public record Report(String header, MachineLimits limits, List<Line> measured) {

    public Report {
        if (header == null || limits == null || measured == null) {
            throw new IllegalArgumentException("header, limits and measured must not be null");
        }
        measured = List.copyOf(measured);
    }

    /** The Markdown text: header, limits, table. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(header).append("\n\n");
        b.append(String.format(Locale.ROOT, "Machine limits (measured in this run): triad %.1f GB/s on 1 thread, %.1f GB/s"
                + " on 2 threads; FMA peak of one thread (%s vectors) %.0f GFLOP/s FP32, %.0f GFLOP/s FP64.%n%n",
                limits.triad1GBs(), limits.triad2GBs(), limits.species(), limits.fma32(), limits.fma64()));
        b.append("| operation | size | AttnLab | best peer | AttnLab / peer | fraction of the limit, AttnLab (peer) |"
                + " notes |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Line line : measured) {
            if (line instanceof Failed f) {
                b.append("| ").append(f.op().label()).append(" | ").append(f.size()).append(" | **failed**: ")
                        .append(f.reason().replace("\n", " ").replace("|", "\\|")).append(" | — | — | — | |\n");
                continue;
            }
            Measured m = (Measured) line;
            String peer = m.bestPeer().map(p -> p.name() + " " + times(p.samples())).orElse("none ran");
            StringBuilder notes = new StringBuilder(m.note());
            for (PeerResult p : m.peers()) {
                if (m.bestPeer().map(bp -> bp != p).orElse(true)) {
                    append(notes, p.ran() ? p.name() + " " + times(p.samples()) : p.name() + ": " + p.missing());
                }
            }
            b.append("| ").append(m.op().label()).append(" | ").append(m.size()).append(" | ")
                    .append(times(m.ours())).append(" | ").append(peer).append(" | ").append(ratio(m.ratio()))
                    .append(" | ").append(fractions(m.fraction(limits), m.peerFraction(limits))).append(" | ")
                    .append(notes.toString().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    /** The same content as JSON (times in seconds). */
    public String json() {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"header\": ").append(quote(header)).append(",\n");
        b.append(String.format(Locale.ROOT, "  \"limits\": {\"triad1GBs\": %s, \"triad2GBs\": %s, \"fma32Gflops\": %s,"
                        + " \"fma64Gflops\": %s, \"species\": %s},%n", num(limits.triad1GBs()), num(limits.triad2GBs()),
                num(limits.fma32()), num(limits.fma64()), quote(limits.species())));
        b.append("  \"rows\": [\n");
        for (int i = 0; i < measured.size(); i++) {
            String comma = i + 1 < measured.size() ? "," : "";
            if (measured.get(i) instanceof Failed f) {
                b.append("    {\"op\": ").append(quote(f.op().name())).append(", \"label\": ").append(quote(f.op().label()))
                        .append(", \"limit\": ").append(quote(f.op().limit().name())).append(", \"failed\": ")
                        .append(quote(f.reason())).append('}').append(comma).append('\n');
                continue;
            }
            Measured m = (Measured) measured.get(i);
            b.append("    {\"op\": ").append(quote(m.op().name())).append(", \"label\": ").append(quote(m.op().label()))
                    .append(", \"size\": ").append(quote(m.size())).append(", \"limit\": ").append(quote(m.op().limit().name()))
                    .append(", \"work\": ").append(num(m.work())).append(", \"attnlab\": ").append(samples(m.ours()))
                    .append(", \"ratio\": ").append(num(m.ratio())).append(", \"fraction\": ").append(num(m.fraction(limits)))
                    .append(", \"peerFraction\": ").append(num(m.peerFraction(limits))).append(", \"note\": ")
                    .append(quote(m.note())).append(", \"peers\": [");
            for (int j = 0; j < m.peers().size(); j++) {
                PeerResult p = m.peers().get(j);
                b.append(j == 0 ? "" : ", ").append("{\"name\": ").append(quote(p.name())).append(", ")
                        .append(p.ran() ? "\"times\": " + samples(p.samples()) : "\"missing\": " + quote(p.missing()))
                        .append('}');
            }
            b.append("]}").append(comma).append('\n');
        }
        return b.append("  ]\n}\n").toString();
    }

    /** {@code 12.3 ms [11.9–13.0 ms]}: median and range, in ms below 10 s, else in s. */
    static String times(Samples s) {
        String lo = time(s.min());
        String hi = time(s.max());
        String unit = hi.substring(hi.indexOf(' '));
        if (lo.endsWith(unit)) {
            lo = lo.substring(0, lo.length() - unit.length());
        }
        return time(s.median()) + " [" + lo + "–" + hi + "]";
    }

    static String time(double seconds) {
        if (seconds >= 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        double ms = seconds * 1e3;
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    /** {@code 1.52× slower}, {@code 2.10× faster}, or {@code —} when no peer ran. */
    static String ratio(double r) {
        if (Double.isNaN(r)) {
            return "—";
        }
        return r > 1 ? String.format(Locale.ROOT, "%.2f× slower", r) : String.format(Locale.ROOT, "%.2f× faster", 1 / r);
    }

    private static String fractions(double ours, double peer) {
        if (Double.isNaN(ours)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.2f", ours);
        return Double.isNaN(peer) ? s : s + String.format(Locale.ROOT, " (%.2f)", peer);
    }

    private static void append(StringBuilder notes, String s) {
        if (notes.length() > 0) {
            notes.append("; ");
        }
        notes.append(s);
    }

    private static String samples(Samples s) {
        StringBuilder b = new StringBuilder("{\"median\": ").append(num(s.median())).append(", \"min\": ")
                .append(num(s.min())).append(", \"max\": ").append(num(s.max())).append(", \"seconds\": [");
        double[] t = s.seconds();
        for (int i = 0; i < t.length; i++) {
            b.append(i == 0 ? "" : ", ").append(num(t[i]));
        }
        return b.append("]}").toString();
    }

    static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : Double.toString(v);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
