package io.github.attnlab.repro;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.attnlab.repro.Claim.Comparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the claims a notebook checks, for the reproduction report.
 *
 * <p>Each call evaluates one {@link Claim}, prints its one-line verdict to standard output (so it
 * appears in the notebook under every Java kernel) and, when the environment variable
 * {@value #ENV} (or the system property {@value #PROPERTY}) names a file, appends the claim to it
 * as one JSON object per line. The notebook executor sets that variable per notebook and gathers
 * the files into {@code target/reproduction/claims.json}. Without it, claims are only printed.
 *
 * <p>The methods return nothing on purpose: a value as a cell's last expression is rendered
 * differently by different kernels. {@link #recorded()} lists what this JVM recorded so far.
 */
public final class Claims {

    /** Environment variable naming the JSON-lines file that claims are appended to. */
    public static final String ENV = "ATTNLAB_CLAIMS";
    /** System property with the same meaning, which takes precedence over {@link #ENV}. */
    public static final String PROPERTY = "attnlab.claims";

    private static final List<Claim> RECORDED = new ArrayList<>();

    private Claims() {
    }

    /** Claims $|measured - expected| \le tolerance$. */
    public static void within(String id, String statement, double expected, double measured, double tolerance) {
        record(Claim.of(id, statement, expected, measured, tolerance, Comparison.WITHIN));
    }

    /** Claims $|measured - expected| \le tolerance \cdot |expected|$. */
    public static void relative(String id, String statement, double expected, double measured, double tolerance) {
        record(Claim.of(id, statement, expected, measured, tolerance, Comparison.RELATIVE));
    }

    /** Claims $measured \le bound$ (for example a worst error under a guarantee). */
    public static void atMost(String id, String statement, double bound, double measured) {
        record(Claim.of(id, statement, bound, measured, 0, Comparison.AT_MOST));
    }

    /** Claims $measured \ge level$ (for example a reduction factor reaching a reported value). */
    public static void atLeast(String id, String statement, double level, double measured) {
        record(Claim.of(id, statement, level, measured, 0, Comparison.AT_LEAST));
    }

    /** Claims that a condition holds, recorded as 1 (true) against the expected 1. */
    public static void holds(String id, String statement, boolean condition) {
        record(Claim.of(id, statement, 1, condition ? 1 : 0, 0, Comparison.WITHIN));
    }

    /**
     * Records a documented deviation: the paper reports {@code paperValue} (or the notebook stated it in
     * advance), this reproduction measures {@code measured}, and the notebook says why the two differ. Listed apart in the report ("not
     * reproduced"); it does not fail the tests, and it is never counted as a pass.
     */
    public static void deviation(String id, String statement, double paperValue, double measured) {
        record(Claim.of(id, statement, paperValue, measured, 0, Comparison.DEVIATION));
    }

    /** Records an evaluated claim: prints it and appends it to the claims file, if one is set. */
    public static synchronized void record(Claim claim) {
        RECORDED.add(claim);
        System.out.println(claim);
        Path file = target();
        if (file != null) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, JSON.std.asString(claim.toMap()) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append claim " + claim.id() + " to " + file, e);
            }
        }
    }

    /** The claims recorded in this JVM, in order. */
    public static synchronized List<Claim> recorded() {
        return List.copyOf(RECORDED);
    }

    /** The claims file in effect, or null when claims are only printed. */
    public static Path target() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        return p == null || p.isBlank() ? null : Path.of(p);
    }
}
