package io.github.attnlab.bench.suite;

/**
 * An operation whose forked JVM gave no result (it exited with an error, timed out, or wrote no readable result):
 * the table gives it one line saying so, so that a failure never passes for an operation left out.
 *
 * @param op     the operation
 * @param reason what went wrong, e.g. {@code its JVM exited with status 1: java.lang.OutOfMemoryError: Java heap space}
 */
public record Failed(Op op, String reason) implements Line {

    public Failed {
        if (op == null) {
            throw new IllegalArgumentException("op is null");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is blank for " + op);
        }
    }

    @Override
    public String size() {
        return "—";
    }
}
