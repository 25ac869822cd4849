package io.github.attnlab.repro;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One numerical claim of a paper, checked: what was expected, what was measured, and whether the
 * measurement lies within the stated tolerance under the stated comparison.
 *
 * <p>A measurement that is NaN never passes. The {@code id} names the paper section and item, for
 * example {@code A.1} for item 1 of section A of {@code PAPERS.md}, optionally followed by a
 * qualifier ({@code A.7[sigma=2,eps=0.01]}).
 *
 * @param id         paper section and item, e.g. {@code A.1}
 * @param statement  the claim in words
 * @param expected   the value the paper (or the mathematics) predicts
 * @param measured   the value computed here
 * @param tolerance  the allowed deviation, interpreted by {@code comparison}
 * @param comparison how expected, measured and tolerance are compared
 * @param pass       whether the measurement satisfies the comparison
 */
public record Claim(String id, String statement, double expected, double measured, double tolerance,
                    Comparison comparison, boolean pass) {

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
    }

    /** Evaluates a claim: {@code pass} follows from the comparison. */
    public static Claim of(String id, String statement, double expected, double measured, double tolerance,
                           Comparison comparison) {
        if (comparison == null) {
            throw new IllegalArgumentException("claim " + id + " needs a comparison");
        }
        return new Claim(id, statement, expected, measured, tolerance, comparison,
                comparison.test(expected, measured, tolerance));
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
                return "NOT REPRODUCED " + id + "  " + statement + ": expected " + num(expected)
                        + ", measured here " + num(measured);
            case RELATIVE:
                numbers = "measured " + num(measured) + ", expected " + num(expected) + ", relative difference "
                        + String.format(Locale.ROOT, "%.2e", Math.abs(measured - expected) / Math.abs(expected))
                        + " <= " + num(tolerance);
                break;
            default:
                numbers = "measured " + num(measured) + ", expected " + num(expected) + ", difference "
                        + String.format(Locale.ROOT, "%.2e", Math.abs(measured - expected)) + " <= " + num(tolerance);
        }
        return (pass ? "PASS " : "FAIL ") + id + "  " + statement + ": " + numbers;
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
