package io.github.attnlab.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.repro.Claim.Comparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims: comparisons, the NaN and deviation rules, and the JSON lines the report gathers. */
class ClaimsTest {

    @Test
    void comparisons() {
        assertTrue(Claim.of("X.1", "s", 1, 1.05, 0.1, Comparison.WITHIN).pass());
        assertFalse(Claim.of("X.1", "s", 1, 1.2, 0.1, Comparison.WITHIN).pass());
        assertTrue(Claim.of("X.1", "s", 100, 109, 0.1, Comparison.RELATIVE).pass());
        assertFalse(Claim.of("X.1", "s", 100, 111, 0.1, Comparison.RELATIVE).pass());
        assertTrue(Claim.of("X.1", "s", 2, 2, 0, Comparison.AT_MOST).pass());
        assertFalse(Claim.of("X.1", "s", 2, 2.001, 0, Comparison.AT_MOST).pass());
        assertTrue(Claim.of("X.1", "s", 2, 2.5, 0, Comparison.AT_LEAST).pass());
        assertFalse(Claim.of("X.1", "s", 2, 1.9, 0, Comparison.AT_LEAST).pass());
        for (Comparison c : Comparison.values()) {
            assertFalse(Claim.of("X.1", "s", 0, Double.NaN, 1, c).pass(), c + " passed a NaN measurement");
        }
        assertFalse(Claim.of("X.1", "s", 2, 2, 0, Comparison.DEVIATION).pass(), "a deviation is never a pass");
    }

    @Test
    void inconsistentClaimsAreRefused() {
        assertEquals("claim X.1: pass=true contradicts |measured - expected| <= tolerance",
                assertThrows(IllegalArgumentException.class,
                        () -> new Claim("X.1", "s", 0, 1, 0.5, Comparison.WITHIN, true, Claim.Kind.REPRODUCED,
                                Claim.Data.REAL, null)).getMessage());
        assertEquals("claim X.1: tolerance must be >= 0, not -1.0", assertThrows(IllegalArgumentException.class,
                () -> Claim.of("X.1", "s", 0, 0, -1, Comparison.WITHIN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Claim.of(" ", "s", 0, 0, 0, Comparison.WITHIN));
    }

    @Test
    void oneLineVerdicts() {
        assertEquals("PASS A.1  TV = tau: measured 2.000e-16, expected 0, difference 2.00e-16 <= 1.000e-13",
                Claim.of("A.1", "TV = tau", 0, 2e-16, 1e-13, Comparison.WITHIN).toString());
        assertEquals("FAIL A.8  reduction: measured 1.50000 >= 2",
                Claim.of("A.8", "reduction", 2, 1.5, 0, Comparison.AT_LEAST).toString());
        assertEquals("NOT REPRODUCED A.8  keys scored: expected 2, measured here 1.11000 (no reason recorded)",
                Claim.of("A.8", "keys scored", 2, 1.11, 0, Comparison.DEVIATION).toString());
    }

    @Test
    void claimsAreAppendedAsJsonLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/claims.jsonl");
        System.setProperty(Claims.PROPERTY, file.toString());
        try {
            Claims.within("T.1", "first \"quoted\"", 1, 1, 0);
            Claims.deviation("T.2", "second", 4, Double.NaN);
        } finally {
            System.clearProperty(Claims.PROPERTY);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals("{\"id\":\"T.1\",\"statement\":\"first \\\"quoted\\\"\",\"expected\":1.0,\"measured\":1.0,"
                + "\"tolerance\":0.0,\"comparison\":\"|measured - expected| <= tolerance\",\"pass\":true,"
                + "\"kind\":\"reproduced\"}", lines.get(0));
        assertTrue(lines.get(1).contains("\"measured\":\"NaN\""), lines.get(1));
        assertTrue(lines.get(1).contains("\"comparison\":\"deviation: "), lines.get(1));
    }

    @Test
    void kindsFollowOriginAndOutcome(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("claims.jsonl");
        System.setProperty(Claims.PROPERTY, file.toString());
        try {
            Claims.paper("K.1", "paper, passes").real().atMost(1, 0.5);
            Claims.paper("K.2", "paper, fails").synthetic().atLeast(2, 1);
            Claims.extension("K.3", "ours, passes").synthetic().within(1, 1.01, 0.1);
            Claims.extension("K.4", "ours, does not hold").real().notReproduced(2, 1.2, "the effect is smaller");
            Claims.paper("K.5", "paper, not reproduced").real().notReproduced(2, 1.2, "crops differ");
            Claims.paper("K.6", "paper, undecided").real().inconclusive(0, 0.1, "power 0.3 at n = 75");
        } finally {
            System.clearProperty(Claims.PROPERTY);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(6, lines.size());
        String[] kinds = {"\"kind\":\"reproduced\"", null, "\"kind\":\"extension\"", "\"kind\":\"extension\"",
            "\"kind\":\"not reproduced\"", "\"kind\":\"inconclusive\""};
        String[] data = {"real", "synthetic", "synthetic", "real", "real", "real"};
        for (int i = 0; i < 6; i++) {
            String line = lines.get(i);
            if (kinds[i] == null) {
                assertFalse(line.contains("\"kind\""), "a failing check has no kind: " + line);
                assertTrue(line.contains("\"pass\":false"), line);
            } else {
                assertTrue(line.contains(kinds[i]), line);
            }
            assertTrue(line.contains("\"data\":\"" + data[i] + "\""), line);
        }
        assertTrue(lines.get(5).contains("\"why\":\"power 0.3 at n = 75\""), lines.get(5));
        assertThrows(IllegalArgumentException.class, () -> new Claim("X.1", "s", 0, 1, 0, Comparison.DEVIATION, false,
                Claim.Kind.REPRODUCED, Claim.Data.REAL, "why"), "a deviation cannot be reproduced");
        assertThrows(IllegalArgumentException.class, () -> new Claim("X.1", "s", 0, 1, 0, Comparison.DEVIATION, false,
                Claim.Kind.NOT_REPRODUCED, Claim.Data.REAL, " "), "a deviation needs a reason");
        assertThrows(IllegalArgumentException.class, () -> new Claim("X.1", "s", 0, 1, 0.5, Comparison.WITHIN, false,
                Claim.Kind.REPRODUCED, Claim.Data.REAL, null), "a failing check has no kind");
    }
}
