package io.github.attnlab.bench.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link ForkResult} as a few lines of text, the file through which a forked JVM hands its lines back to the
 * suite's JVM: small, readable, and exact (times as {@link Double#toString}, which reads back to the same double).
 *
 * <pre>
 * attnlab-suite-fork 1
 * peers   torch 1.13.0a0, 1 thread
 * line    SOFTMAX_F32   n = 2048   6.7108864E7   note   0.0101,0.0098,0.0112
 * peer    torch   ran   0.017,0.018,0.016
 * peer    ONNX Runtime   missing   not on the class path
 * end     1
 * </pre>
 *
 * <p>Fields are separated by tabs; a backslash, tab, newline or carriage return inside a field is escaped as
 * {@code \\}, {@code \t}, {@code \n}, {@code \r}. Each {@code peer} belongs to the {@code line} before it;
 * {@code end} counts the lines, so that a file cut short is refused rather than read as fewer lines.
 */
public final class ForkResultCodec {

    static final String MAGIC = "attnlab-suite-fork 1";

    private ForkResultCodec() {
    }

    /** The text of {@code result}. */
    public static String encode(ForkResult result) {
        if (result == null) {
            throw new IllegalArgumentException("result is null");
        }
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        row(b, "peers", result.peers());
        for (Measured m : result.lines()) {
            row(b, "line", m.op().name(), m.size(), Double.toString(m.work()), m.note(), times(m.ours()));
            for (PeerResult p : m.peers()) {
                if (p.ran()) {
                    row(b, "peer", p.name(), "ran", times(p.samples()));
                } else {
                    row(b, "peer", p.name(), "missing", p.missing());
                }
            }
        }
        row(b, "end", Integer.toString(result.lines().size()));
        return b.toString();
    }

    /** Reads back what {@link #encode} wrote; an {@link IllegalArgumentException} names the bad line. */
    public static ForkResult decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text is null");
        }
        String[] rows = text.split("\n", -1);
        if (!rows[0].equals(MAGIC)) {
            throw new IllegalArgumentException("text: line 1 is '" + rows[0] + "', not '" + MAGIC + "'");
        }
        String peers = null;
        List<Measured> lines = new ArrayList<>();
        Measured open = null;
        List<PeerResult> openPeers = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            String[] f = fields(rows[i]);
            try {
                switch (f[0]) {
                    case "peers" -> {
                        count(f, 2);
                        peers = f[1];
                    }
                    case "line" -> {
                        count(f, 6);
                        close(open, openPeers, lines);
                        open = new Measured(Op.valueOf(f[1]), f[2], samples(f[5]), List.of(), Double.parseDouble(f[3]),
                                f[4]);
                        openPeers = new ArrayList<>();
                    }
                    case "peer" -> {
                        count(f, 4);
                        if (open == null) {
                            throw new IllegalArgumentException("a peer before any line");
                        }
                        openPeers.add(switch (f[2]) {
                            case "ran" -> PeerResult.ran(f[1], samples(f[3]));
                            case "missing" -> PeerResult.missing(f[1], f[3]);
                            default -> throw new IllegalArgumentException("peer state '" + f[2]
                                    + "' is neither ran nor missing");
                        });
                    }
                    case "end" -> {
                        count(f, 2);
                        close(open, openPeers, lines);
                        if (Integer.parseInt(f[1]) != lines.size() || peers == null) {
                            throw new IllegalArgumentException("end says " + f[1] + " lines, read " + lines.size()
                                    + (peers == null ? ", and no peers row" : ""));
                        }
                        if (i + 1 < rows.length && !(i + 2 == rows.length && rows[i + 1].isEmpty())) {
                            throw new IllegalArgumentException("text after the end");
                        }
                        return new ForkResult(peers, lines);
                    }
                    default -> throw new IllegalArgumentException("unknown row kind '" + f[0] + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("text: line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("text: no end row (cut short?)");
    }

    private static void close(Measured open, List<PeerResult> peers, List<Measured> lines) {
        if (open != null) {
            lines.add(new Measured(open.op(), open.size(), open.ours(), peers, open.work(), open.note()));
        }
    }

    private static void count(String[] f, int n) {
        if (f.length != n) {
            throw new IllegalArgumentException(f[0] + " row has " + f.length + " fields, not " + n);
        }
    }

    private static String times(Samples s) {
        return Arrays.stream(s.seconds()).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static Samples samples(String field) {
        return new Samples(Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray());
    }

    private static void row(StringBuilder b, String kind, String... fields) {
        b.append(kind);
        for (String f : fields) {
            b.append('\t').append(escape(f));
        }
        b.append('\n');
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String[] fields(String row) {
        String[] raw = row.split("\t", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = unescape(raw[i]);
        }
        return raw;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw new IllegalArgumentException("a field ends in a lone backslash");
            }
            b.append(switch (s.charAt(i)) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> throw new IllegalArgumentException("unknown escape \\" + s.charAt(i));
            });
        }
        return b.toString();
    }
}
