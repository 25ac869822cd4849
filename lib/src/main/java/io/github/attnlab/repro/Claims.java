package io.github.attnlab.repro;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.attnlab.repro.Claim.Comparison;
import io.github.attnlab.repro.Claim.Data;
import io.github.attnlab.repro.Claim.Kind;
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
 * <p>A claim is stated fluently: whose claim it is, what it was measured on, then the check, with the
 * threshold fixed before the measurement:
 * <pre>{@code
 * Claims.paper("A.7[sigma=2,eps=0.01]", "k_eps/n follows the Gaussian rule").synthetic().within(rule, measured, 0.01);
 * Claims.extension("A.8[blocks,n=128]", "block search scores fewer keys").real().atLeast(1.2, factor);
 * Claims.paper("C.5[natural order]", "...").real().notReproducedBecause("why ...").atMost(0.9, ratio);
 * Claims.extension("C.5[pruning,k=24]", "...").real().inconclusiveBecause("power: ...").atLeast(2, z);
 * Claims.paper("A.8[bert,keys scored]", "...").real().notReproduced(2, factor, "why ...");
 * }</pre>
 * A passing check is {@code reproduced} (the paper's claim) or an {@code extension} (ours); a failing check
 * has no kind and fails the test command. A check known not to hold is recorded with
 * {@link Check#notReproducedBecause(String)} or {@link Check#inconclusiveBecause(String)} before the comparison:
 * it is then listed as not reproduced (an extension that did not hold, for ours) or inconclusive, and it is refused
 * with an {@link IllegalStateException} if the measurement satisfies the comparison after all, so that a record
 * never outlives its data. {@link Check#notReproduced(double, double, String)} and
 * {@link Check#inconclusive(double, double, String)} record a value the paper reports that is not tested by a
 * comparison here ({@link Comparison#DEVIATION}).
 *
 * <p>The methods return nothing on purpose: a value as a cell's last expression is rendered
 * differently by different kernels. {@link #recorded()} lists what this JVM recorded so far. Claim ids must be
 * unique across all notebooks; the notebook executor refuses a run with duplicates.
 */
public final class Claims {

    /** Environment variable naming the JSON-lines file that claims are appended to. */
    public static final String ENV = "ATTNLAB_CLAIMS";
    /** System property with the same meaning, which takes precedence over {@link #ENV}. */
    public static final String PROPERTY = "attnlab.claims";

    private static final List<Claim> RECORDED = new ArrayList<>();

    private Claims() {
    }

    /** A claim the paper makes: a passing check is {@code reproduced}. */
    public static Origin paper(String id, String statement) {
        return new Origin(id, statement, false);
    }

    /** A claim of ours the paper does not make (an extension, or an expectation stated in advance). */
    public static Origin extension(String id, String statement) {
        return new Origin(id, statement, true);
    }

    /** Whose claim it is; then {@link #real()} or {@link #synthetic()}. */
    public static final class Origin {
        private final String id;
        private final String statement;
        private final boolean extension;

        private Origin(String id, String statement, boolean extension) {
            this.id = id;
            this.statement = statement;
            this.extension = extension;
        }

        /** Measured on real data: a pretrained model's attention or weights, or real text. */
        public Check real() {
            return new Check(this, Data.REAL);
        }

        /** Measured on generated data. */
        public Check synthetic() {
            return new Check(this, Data.SYNTHETIC);
        }
    }

    /** The check of a claim, with its threshold fixed in advance; each method records the claim. */
    public static final class Check {
        private final Origin o;
        private final Data data;
        private final Kind recorded;
        private final String why;

        private Check(Origin o, Data data) {
            this(o, data, null, null);
        }

        private Check(Origin o, Data data, Kind recorded, String why) {
            this.o = o;
            this.data = data;
            this.recorded = recorded;
            this.why = why;
        }

        /**
         * The check that follows is known not to hold, for the reason {@code why}: it is recorded as not
         * reproduced (an extension that did not hold, for our own claim). If the measurement satisfies the check
         * after all, recording throws an {@link IllegalStateException}: the notebook must be updated.
         */
        public Check notReproducedBecause(String why) {
            return new Check(o, data, Kind.NOT_REPRODUCED, requireWhy(why));
        }

        /**
         * The check that follows cannot decide the claim: {@code power} states the power of the test (for example
         * the smallest effect it would detect). Recorded as inconclusive; if the measurement satisfies the check
         * after all, recording throws an {@link IllegalStateException}.
         */
        public Check inconclusiveBecause(String power) {
            return new Check(o, data, Kind.INCONCLUSIVE, requireWhy(power));
        }

        private String requireWhy(String reason) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("claim " + o.id + ": a recorded outcome needs a reason");
            }
            return reason;
        }

        private void check(double expected, double measured, double tolerance, Comparison c) {
            record(Claim.of(o.id, o.statement, expected, measured, tolerance, c, o.extension, data, recorded, why));
        }

        /** $|measured - expected| \le tolerance$. */
        public void within(double expected, double measured, double tolerance) {
            check(expected, measured, tolerance, Comparison.WITHIN);
        }

        /** $|measured - expected| \le tolerance \cdot |expected|$. */
        public void relative(double expected, double measured, double tolerance) {
            check(expected, measured, tolerance, Comparison.RELATIVE);
        }

        /** $measured \le bound$. */
        public void atMost(double bound, double measured) {
            check(bound, measured, 0, Comparison.AT_MOST);
        }

        /** $measured \ge level$. */
        public void atLeast(double level, double measured) {
            check(level, measured, 0, Comparison.AT_LEAST);
        }

        /** A condition, recorded as 1 (true) against the expected 1. */
        public void holds(boolean condition) {
            check(1, condition ? 1 : 0, 0, Comparison.WITHIN);
        }

        /**
         * A value the paper reports (or we stated in advance), {@code expected}, that this reproduction does not
         * test by a comparison; it measures {@code measured} instead. Recorded as {@code not reproduced} for a
         * paper's claim and as an {@code extension} that did not hold for ours; never a pass, not a test failure.
         * Prefer {@link #notReproducedBecause(String)} followed by the check, which can fail.
         */
        public void notReproduced(double expected, double measured, String why) {
            record(Claim.of(o.id, o.statement, expected, measured, 0, Comparison.DEVIATION, o.extension, data,
                    null, requireWhy(why)));
        }

        /**
         * A value that this reproduction cannot decide: {@code why} states the power. Never a pass, not a test
         * failure. Prefer {@link #inconclusiveBecause(String)} followed by the check, which can fail.
         */
        public void inconclusive(double expected, double measured, String why) {
            record(Claim.of(o.id, o.statement, expected, measured, 0, Comparison.DEVIATION, o.extension, data,
                    Kind.INCONCLUSIVE, requireWhy(why)));
        }
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
