package io.github.attnlab.bench.suite;

import java.util.Locale;

/**
 * One line the peer process ({@code bench/peers/peers.py}) writes, parsed. The protocol, one line per
 * reply, fields separated by single spaces, the free text last:
 * <pre>
 * ready &lt;text: versions&gt;
 * missing &lt;text: what is not installed&gt;
 * loaded &lt;OP&gt; &lt;size&gt; &lt;text: a check of the peer's result&gt;
 * time &lt;OP&gt; &lt;size&gt; &lt;seconds&gt;
 * error &lt;OP&gt; &lt;size&gt; &lt;text&gt;
 * </pre>
 */
public record PeerReply(Kind kind, Op op, int size, double seconds, String text) {

    /** What a reply says. */
    public enum Kind { READY, MISSING, LOADED, TIME, ERROR }

    /** Parses one line; a line that breaks the protocol is refused naming it. */
    public static PeerReply parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("line is empty: the peer process wrote nothing");
        }
        String[] f = line.strip().split(" ", 4);
        Kind kind;
        try {
            kind = Kind.valueOf(f[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line = '" + line + "' starts with no known reply", e);
        }
        if (kind == Kind.READY || kind == Kind.MISSING) {
            String rest = line.strip().substring(f[0].length()).strip();
            return new PeerReply(kind, null, 0, Double.NaN, rest);
        }
        if (f.length < 4 && kind != Kind.LOADED) {
            throw new IllegalArgumentException("line = '" + line + "' has too few fields for " + kind);
        }
        if (f.length < 3) {
            throw new IllegalArgumentException("line = '" + line + "' has too few fields for " + kind);
        }
        Op op;
        int size;
        try {
            op = Op.valueOf(f[1]);
            size = Integer.parseInt(f[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line = '" + line + "' names no known operation and size", e);
        }
        String rest = f.length == 4 ? f[3] : "";
        if (kind == Kind.TIME) {
            double s;
            try {
                s = Double.parseDouble(rest);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line = '" + line + "' has no time in seconds", e);
            }
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("line = '" + line + "' has a bad time " + s);
            }
            return new PeerReply(kind, op, size, s, "");
        }
        return new PeerReply(kind, op, size, Double.NaN, rest);
    }
}
