package io.github.attnlab.repro;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One numerical claim, checked: whose claim it is, what it was measured on, what was expected, what was measured,
 * and whether the measurement satisfies the stated comparison with the tolerance fixed in advance.
 *
 * <p>A measurement that is NaN never passes. The {@code id} names the paper item of {@code docs/papers/} (for example
 * {@code A.1}) followed by a qualifier that makes it unique across all notebooks ({@code A.7[sigma=2,eps=0.01]}).
 *
 * <p>The {@link Kind} says what the claim stands for in the report:
 * <ul>
 *   <li>a check that holds is {@link Kind#REPRODUCED} (the paper's claim) or an {@link Kind#EXTENSION} (ours);</li>
 *   <li>a check that fails has no kind: it is a failure, and fails the test command;</li>
 *   <li>a check that fails and was recorded as such (with one sentence of why) is {@link Kind#NOT_REPRODUCED} (the
 *       paper's claim), an {@link Kind#EXTENSION} that did not hold (ours), or {@link Kind#INCONCLUSIVE} (the why
 *       states the power); such a record is still a check, and {@link Claims} refuses it when the measurement
 *       satisfies the comparison after all;</li>
 *   <li>a {@link Comparison#DEVIATION} is a value the paper reports that this reproduction does not test by a
 *       comparison; it is never a pass and always carries a kind other than reproduced and a why.</li>
 * </ul>
 *
 * @param id         paper item and qualifier, e.g. {@code A.7[eps=0.01]}
 * @param statement  the claim in words
 * @param expected   the value the paper (or the mathematics, or our stated expectation) predicts
 * @param measured   the value computed here
 * @param tolerance  the allowed deviation, interpreted by {@code comparison}
 * @param comparison how expected, measured and tolerance are compared
 * @param pass       whether the measurement satisfies the comparison
 * @param kind       what the claim stands for in the report; null only for a failed check (a failure)
 * @param data       what the claim was measured on: real data or synthetic data; never null
 * @param why        for a claim that is not a pass and has a kind: one sentence saying why, or the power of the
 *                   test; may be null otherwise
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
         * {@code measured} and do not test the one against the other by a comparison, for a reason the claim
         * states. Never passes; the report lists it apart, and it does not fail the tests.
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

    /** Validates the fields; {@code pass} must agree with the comparison, and the kind with the outcome. */
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
        if (data == null) {
            throw new IllegalArgumentException("claim " + id + " needs its data: real or synthetic");
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("claim " + id + ": tolerance must be >= 0, not " + tolerance);
        }
        if (pass != comparison.test(expected, measured, tolerance)) {
            throw new IllegalArgumentException("claim " + id + ": pass=" + pass + " contradicts " + comparison.rule());
        }
        boolean hasWhy = why != null && !why.isBlank();
        if (pass && kind != Kind.REPRODUCED && kind != Kind.EXTENSION) {
            throw new IllegalArgumentException("claim " + id + ": a passing check is reproduced or an extension, not "
                    + kind);
        }
        if (!pass && kind == Kind.REPRODUCED) {
            throw new IllegalArgumentException("claim " + id + ": a claim that does not pass cannot be reproduced");
        }
        if (!pass && kind != null && !hasWhy) {
            throw new IllegalArgumentException("claim " + id + ": a claim recorded as " + kind.label()
                    + " needs a reason (why)");
        }
        if (comparison == Comparison.DEVIATION && kind == null) {
            throw new IllegalArgumentException("claim " + id + ": a deviation needs the kind not reproduced, extension"
                    + " or inconclusive");
        }
    }

    /**
     * Evaluates a claim.
     *
     * <p>For a check (any comparison but {@link Comparison#DEVIATION}) without a recorded outcome
     * ({@code recorded == null}): a pass is {@link Kind#REPRODUCED}, or {@link Kind#EXTENSION} when
     * {@code extension}; a failure has no kind. With a recorded outcome ({@link Kind#NOT_REPRODUCED} or
     * {@link Kind#INCONCLUSIVE}) the check must fail, and the claim gets that kind ({@link Kind#EXTENSION} for our
     * own claim recorded as not reproduced); when it passes after all, the record is stale and this throws an
     * {@link IllegalStateException}.
     *
     * <p>For a {@link Comparison#DEVIATION} the kind is {@code recorded}, by default {@link Kind#NOT_REPRODUCED}
     * ({@link Kind#EXTENSION} when {@code extension}).
     */
    public static Claim of(String id, String statement, double expected, double measured, double tolerance,
                           Comparison comparison, boolean extension, Data data, Kind recorded, String why) {
        if (comparison == null) {
            throw new IllegalArgumentException("claim " + id + " needs a comparison");
        }
        if (recorded == Kind.REPRODUCED || (recorded == Kind.EXTENSION && !extension)) {
            throw new IllegalArgumentException("claim " + id + ": a recorded outcome is not reproduced or"
                    + " inconclusive, not " + recorded.label());
        }
        boolean pass = comparison.test(expected, measured, tolerance);
        Kind own = extension ? Kind.EXTENSION : Kind.REPRODUCED;
        Kind negative = recorded == null || recorded == Kind.NOT_REPRODUCED || recorded == Kind.EXTENSION
                ? (extension ? Kind.EXTENSION : Kind.NOT_REPRODUCED) : recorded;
        Kind kind;
        if (comparison == Comparison.DEVIATION) {
            kind = negative;
        } else if (recorded == null) {
            kind = pass ? own : null;
        } else if (pass) {
            throw new IllegalStateException("claim " + id + " is recorded as " + negative.label() + " (" + why
                    + ") but the measurement " + num(measured) + " now satisfies " + comparison.rule() + " with expected "
                    + num(expected) + " and tolerance " + num(tolerance) + ": the outcome changed, update the notebook");
        } else {
            kind = negative;
        }
        return new Claim(id, statement, expected, measured, tolerance, comparison, pass, kind, data, why);
    }

    /** Whether the claim fails the test command: a check that does not hold and was not recorded as such. */
    public boolean failure() {
        return !pass && kind == null;
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
        m.put("data", data.label());
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
                return kind.label().toUpperCase(Locale.ROOT) + " " + id + " [" + data.label() + "]  " + statement
                        + ": expected "
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
        String data = " [" + this.data.label() + "]";
        if (pass) {
            return (kind == Kind.EXTENSION ? "PASS (extension) " : "PASS ") + id + data + "  " + statement + ": "
                    + numbers;
        }
        if (kind == null) {
            return "FAIL " + id + data + "  " + statement + ": " + numbers;
        }
        String label = kind == Kind.EXTENSION ? "EXTENSION DID NOT HOLD" : kind.label().toUpperCase(Locale.ROOT);
        return label + " " + id + data + "  " + statement + ": " + numbers + " does not hold (" + why + ")";
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
