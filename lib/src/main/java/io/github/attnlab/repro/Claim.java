package io.github.attnlab.repro;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One numerical claim of a paper, checked: what was expected, what was measured, and whether the
 * measurement lies within the stated tolerance under the stated comparison.
 *
 * <p>A measurement that is NaN never passes. The {@code id} names the paper section and item, for
 * example {@code A.1} for item 1 of paper A ({@code docs/papers/A.md}), optionally followed by a
 * qualifier ({@code A.7[sigma=2,eps=0.01]}).
 *
 * @param id         paper section and item, e.g. {@code A.1}
 * @param statement  the claim in words
 * @param expected   the value the paper (or the mathematics) predicts
 * @param measured   the value computed here
 * @param tolerance  the allowed deviation, interpreted by {@code comparison}
 * @param comparison how expected, measured and tolerance are compared
 * @param pass       whether the measurement satisfies the comparison
 * @param kind       what the claim stands for in the report ({@link Kind}); null for a check that failed,
 *                   which the report counts as a failure
 * @param data       whether the claim was measured on real data (a pretrained model's attention or weights,
 *                   real text) or on synthetic data; null only for claims recorded through the deprecated
 *                   methods, which the report flags
 * @param why        for a claim that is not a pass (not reproduced, inconclusive, or an extension that did not
 *                   hold): one sentence saying why, or the power of the test; otherwise null
 */
public record Claim(String id, String statement, double expected, double measured, double tolerance,
                    Comparison comparison, boolean pass, Kind kind, Data data, String why) {

    /** What a claim stands for in the report. */
    public enum Kind {
        /** The paper's own claim, measured here, and it holds. */
        REPRODUCED("reproduced"),
        /** The paper's own claim, measured here, and it does not hold. */
        NOT_REPRODUCED("not reproduced"),
        /** Something the paper did not claim: our extension or our own expectation (holding or not). */
        EXTENSION("extension"),
        /** The test lacks the power to decide; {@link Claim#why()} states the power. */
        INCONCLUSIVE("inconclusive");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The label written into {@code claims.json}. */
        public String label() {
            return label;
        }
    }

    /** What a claim was measured on. */
    public enum Data {
        /** A pretrained model's attention or weights, or real text. */
        REAL("real"),
        /** Generated data: seeded random logits, planted structure, synthetic tasks. */
        SYNTHETIC("synthetic");

        private final String label;

        Data(String label) {
            this.label = label;
        }

        /** The label written into {@code claims.json}. */
        public String label() {
            return label;
        }
    }

    /** How a measurement is compared with its expected value. */
    public enum Comparison {
        /** $|m - e| \le t$. */
        WITHIN("|measured - expected| <= tolerance"),
        /** $|m - e| \le t\,|e|$. */
        RELATIVE("|measured - expected| <= tolerance * |expected|"),
        /** $m \le e + t$: the measurement stays under a bound. */
        AT_MOST("measured <= expected + tolerance"),
        /** $m \ge e - t$: the measurement reaches a level. */
        AT_LEAST("measured >= expected - tolerance"),
        /**
         * Not a check: the paper reports {@code expected} (or the notebook stated it in advance), we measure
         * {@code measured} and do not reproduce it here, for a reason the notebook states. Never passes; the report lists it apart, and it does
         * not fail the tests.
         */
        DEVIATION("deviation: expected (reported by the paper, or stated in advance) is not what this reproduction measures");

        private final String rule;

        Comparison(String rule) {
            this.rule = rule;
        }

        /** The rule in plain text, as written into {@code claims.json}. */
        public String rule() {
            return rule;
        }

        boolean test(double expected, double measured, double tolerance) {
            if (Double.isNaN(measured) || Double.isNaN(expected) || Double.isNaN(tolerance)) {
                return false;
            }
            switch (this) {
                case WITHIN:
                    return Math.abs(measured - expected) <= tolerance;
                case RELATIVE:
                    return Math.abs(measured - expected) <= tolerance * Math.abs(expected);
                case AT_MOST:
                    return measured <= expected + tolerance;
                case AT_LEAST:
                    return measured >= expected - tolerance;
                case DEVIATION:
                    return false;
                default:
                    throw new AssertionError(this);
            }
        }
    }

    /** Validates the fields; {@code pass} must agree with the comparison. */
    public Claim {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a claim needs an id such as A.1");
        }
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("claim " + id + " needs a statement");
        }
        if (comparison == null) {
            throw new IllegalArgumentException("claim " + id + " needs a comparison");
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("claim " + id + ": tolerance must be >= 0, not " + tolerance);
        }
        if (pass != comparison.test(expected, measured, tolerance)) {
            throw new IllegalArgumentException("claim " + id + ": pass=" + pass + " contradicts " + comparison.rule());
        }
        if (comparison == Comparison.DEVIATION && (kind == null || kind == Kind.REPRODUCED)) {
            throw new IllegalArgumentException("claim " + id + ": a deviation needs the kind not reproduced, extension"
                    + " or inconclusive, not " + kind);
        }
        if (comparison == Comparison.DEVIATION && (why == null || why.isBlank())) {
            throw new IllegalArgumentException("claim " + id + ": a deviation needs a reason (why)");
        }
        if (comparison != Comparison.DEVIATION && pass && (kind != Kind.REPRODUCED && kind != Kind.EXTENSION)) {
            throw new IllegalArgumentException("claim " + id + ": a passing check is reproduced or an extension, not "
                    + kind);
        }
        if (comparison != Comparison.DEVIATION && !pass && kind != null) {
            throw new IllegalArgumentException("claim " + id + ": a failing check has no kind (it is a failure), not "
                    + kind);
        }
    }

    /**
     * Evaluates a check of the paper's claim with no data label (as the deprecated {@code Claims} methods do):
     * {@code pass} follows from the comparison, the kind is {@link Kind#REPRODUCED} when it passes.
     */
    public static Claim of(String id, String statement, double expected, double measured, double tolerance,
                           Comparison comparison) {
        return of(id, statement, expected, measured, tolerance, comparison, false, null, null);
    }

    /**
     * Evaluates a claim. For a check, {@code pass} follows from the comparison and the kind is
     * {@link Kind#REPRODUCED} (or {@link Kind#EXTENSION} when {@code extension}) if it passes, none if it fails.
     * For a {@link Comparison#DEVIATION}, the kind is {@code deviationKind}, or, when that is null,
     * {@link Kind#NOT_REPRODUCED} (or {@link Kind#EXTENSION} when {@code extension}).
     */
    public static Claim of(String id, String statement, double expected, double measured, double tolerance,
                           Comparison comparison, boolean extension, Data data, Kind deviationKind, String why) {
        if (comparison == null) {
            throw new IllegalArgumentException("claim " + id + " needs a comparison");
        }
        boolean pass = comparison.test(expected, measured, tolerance);
        Kind kind;
        if (comparison == Comparison.DEVIATION) {
            kind = deviationKind != null ? deviationKind : extension ? Kind.EXTENSION : Kind.NOT_REPRODUCED;
        } else {
            kind = pass ? (extension ? Kind.EXTENSION : Kind.REPRODUCED) : null;
        }
        return new Claim(id, statement, expected, measured, tolerance, comparison, pass, kind, data, why);
    }

    private static Claim of(String id, String statement, double expected, double measured, double tolerance,
                            Comparison comparison, boolean extension, Data data, String why) {
        return of(id, statement, expected, measured, tolerance, comparison, extension, data, null,
                comparison == Comparison.DEVIATION && why == null ? "no reason recorded" : why);
    }

    /** The fields as an ordered map, non-finite numbers as strings (JSON has no NaN). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("statement", statement);
        m.put("expected", jsonNumber(expected));
        m.put("measured", jsonNumber(measured));
        m.put("tolerance", jsonNumber(tolerance));
        m.put("comparison", comparison.rule());
        m.put("pass", pass);
        if (kind != null) {
            m.put("kind", kind.label());
        }
        if (data != null) {
            m.put("data", data.label());
        }
        if (why != null) {
            m.put("why", why);
        }
        return m;
    }

    private static Object jsonNumber(double x) {
        return Double.isFinite(x) ? (Object) x : Double.toString(x);
    }

    /** One line: verdict, id, statement and the numbers. */
    @Override
    public String toString() {
        String numbers;
        switch (comparison) {
            case AT_MOST:
                numbers = "measured " + num(measured) + " <= " + num(expected + tolerance);
                break;
            case AT_LEAST:
                numbers = "measured " + num(measured) + " >= " + num(expected - tolerance);
                break;
            case DEVIATION:
                return kind.label().toUpperCase(Locale.ROOT) + " " + id + "  " + statement + ": expected "
                        + num(expected) + ", measured here " + num(measured) + " (" + why + ")";
            case RELATIVE:
                numbers = "measured " + num(measured) + ", expected " + num(expected) + ", relative difference "
                        + String.format(Locale.ROOT, "%.2e", Math.abs(measured - expected) / Math.abs(expected))
                        + " <= " + num(tolerance);
                break;
            default:
                numbers = "measured " + num(measured) + ", expected " + num(expected) + ", difference "
                        + String.format(Locale.ROOT, "%.2e", Math.abs(measured - expected)) + " <= " + num(tolerance);
        }
        String label = pass ? (kind == Kind.EXTENSION ? "PASS (extension) " : "PASS ") : "FAIL ";
        return label + id + "  " + statement + ": " + numbers;
    }

    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        double a = Math.abs(x);
        return (a != 0 && (a < 1e-3 || a >= 1e6)) ? String.format(Locale.ROOT, "%.3e", x)
                : String.format(Locale.ROOT, "%.6g", x);
    }
}
