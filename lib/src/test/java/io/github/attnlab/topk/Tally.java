package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestReporter;

/** Counts of one soundness family: rows (or searches) tried, bounds checked, and the violations found. */
final class Tally {

    /** Violations reported in full in the failure message; the rest are counted. */
    private static final int SHOWN = 5;

    int rows;
    long checks;
    private final List<String> violations = new ArrayList<>();

    /** One check; {@code what} describes it when it fails. */
    void check(boolean ok, Supplier<String> what) {
        checks++;
        if (!ok) {
            violations.add(what.get());
        }
    }

    /** Publishes the counts (surefire report and the build log) and fails listing the first violations, if any. */
    void assertNone(String family, TestReporter reporter) {
        String counts = rows + " rows, " + checks + " bounds checked, " + violations.size() + " violations";
        reporter.publishEntry(family, counts);
        System.out.println("soundness, " + family + ": " + counts); // in the build log, for the record
        assertTrue(violations.isEmpty(), family + ": " + violations.size() + " violations in " + checks
                + " checks over " + rows + " rows; first: "
                + violations.subList(0, Math.min(SHOWN, violations.size())));
    }
}
