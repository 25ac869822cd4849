package io.github.attnlab.bench.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one operation in a JVM of its own and reads back its {@link ForkResult}. Each operation gets a fresh JIT
 * compiler state: C2's choices are JVM-wide, and after the row operations had run, the MiniLM pass was timed at
 * 530 ms instead of 32 ms, its products compiled onto the Vector API's Java templates instead of its intrinsics.
 * The fork's standard error is echoed as it comes (its progress log) and its last lines kept, to say why it failed.
 */
final class Fork {

    /** Lines of the fork's standard error kept to explain a failure. */
    static final int TAIL = 40;

    private Fork() {
    }

    /**
     * Runs {@code command}, which must write its result to {@code result}, for at most {@code timeout}; returns the
     * result, or throws {@link Failure} saying why there is none (exit status, timeout, unreadable result).
     */
    static ForkResult run(List<String> command, Path result, Duration timeout) {
        try {
            Files.deleteIfExists(result);
        } catch (IOException e) {
            throw new Failure("cannot remove the stale result " + result + ": " + e.getMessage());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        // their options are in the command already (JavaCommand takes them from the input arguments)
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new Failure("cannot start its JVM: " + e.getMessage());
        }
        // a suite stopped (kill, Ctrl-C) stops its fork and the fork's peer process too, rather than leave them running
        Thread stop = new Thread(() -> destroy(p), "fork-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        Deque<String> tail = new ArrayDeque<>();
        Thread echo = new Thread(() -> echo(p, tail), "fork-stderr");
        echo.setDaemon(true);
        echo.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                destroy(p);
                throw new Failure("its JVM took longer than the timeout of " + timeout.toMinutes() + " min"
                        + " (--timeout) and was stopped");
            }
            echo.join(5_000);
        } catch (InterruptedException e) {
            destroy(p);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while its JVM ran");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs
            }
        }
        List<String> last;
        synchronized (tail) {
            last = new ArrayList<>(tail);
        }
        if (p.exitValue() != 0) {
            throw new Failure("its JVM exited with status " + p.exitValue() + cause(last));
        }
        try {
            return ForkResultCodec.decode(Files.readString(result));
        } catch (IOException | IllegalArgumentException e) {
            throw new Failure("its JVM exited normally but its result " + result + " is unreadable: " + e.getMessage());
        }
    }

    /**
     * {@code : } and the most telling line of a failed fork's last standard-error lines: the last line naming an
     * exception or error that is not a stack frame (the root cause, after any {@code Caused by:}), else the last
     * line; empty when there is none.
     */
    static String cause(List<String> tail) {
        if (tail == null) {
            throw new IllegalArgumentException("tail is null");
        }
        String pick = null;
        for (String line : tail) {
            String s = line.strip();
            if (!line.startsWith("\t") && !line.startsWith(" ") && (s.contains("Exception") || s.contains("Error"))) {
                pick = s;
            }
        }
        if (pick == null) {
            pick = tail.stream().map(String::strip).filter(s -> !s.isEmpty()).reduce((a, b) -> b).orElse(null);
        }
        return pick == null ? "" : ": " + pick;
    }

    /** Stops {@code p} and what it started (the fork's Python peer process). */
    private static void destroy(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void echo(Process p, Deque<String> tail) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.err.println(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("[perf] cannot read the fork's standard error: " + e.getMessage());
        }
    }

    /** A fork that gave no result; the message says why. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
