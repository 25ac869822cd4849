package io.github.attnlab.bench.suite;

import java.util.List;

/**
 * What a forked JVM measured for its one operation: the lines it contributes to the table, and the peers' versions
 * as its peer process reported them (or why the peers did not run), for the table's header.
 *
 * @param peers the peers' versions, e.g. {@code torch 1.13.0a0, numpy 1.24.2, scipy 1.10.1, 1 thread}, or
 *              {@code not run: ...}
 * @param lines the operation's lines, in the order measured (at least one)
 */
public record ForkResult(String peers, List<Measured> lines) {

    public ForkResult {
        if (peers == null || lines == null) {
            throw new IllegalArgumentException("peers and lines must not be null");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must hold at least one measured line");
        }
        lines = List.copyOf(lines);
    }
}
