package io.github.attnlab.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.repro.Claim.Comparison;
import io.github.attnlab.repro.Claim.Data;
import io.github.attnlab.repro.Claim.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims: comparisons, kinds, recorded outcomes that must stay true, and the JSON lines the report gathers. */
class ClaimsTest {

    private static Claim check(double expected, double measured, double tolerance, Comparison c) {
        return Claim.of("X.1", "s", expected, measured, tolerance, c, false, Data.SYNTHETIC, null, null);
    }

    @Test
    void comparisons() {
        assertTrue(check(1, 1.05, 0.1, Comparison.WITHIN).pass());
        assertFalse(check(1, 1.2, 0.1, Comparison.WITHIN).pass());
        assertTrue(check(100, 109, 0.1, Comparison.RELATIVE).pass());
        assertFalse(check(100, 111, 0.1, Comparison.RELATIVE).pass());
        assertTrue(check(2, 2, 0, Comparison.AT_MOST).pass());
        assertFalse(check(2, 2.001, 0, Comparison.AT_MOST).pass());
        assertTrue(check(2, 2.5, 0, Comparison.AT_LEAST).pass());
        assertFalse(check(2, 1.9, 0, Comparison.AT_LEAST).pass());
        for (Comparison c : Comparison.values()) {
            if (c != Comparison.DEVIATION) {
                assertFalse(check(0, Double.NaN, 1, c).pass(), c + " passed a NaN measurement");
            }
        }
        Claim deviation = Claim.of("X.1", "s", 2, 2, 0, Comparison.DEVIATION, false, Data.REAL, null, "why");
        assertFalse(deviation.pass(), "a deviation is never a pass");
        assertEquals(Kind.NOT_REPRODUCED, deviation.kind());
        assertFalse(deviation.failure());
        assertTrue(check(2, 1.9, 0, Comparison.AT_LEAST).failure());
    }

    @Test
    void inconsistentClaimsAreRefused() {
        assertEquals("claim X.1: pass=true contradicts |measured - expected| <= tolerance",
                assertThrows(IllegalArgumentException.class,
                        () -> new Claim("X.1", "s", 0, 1, 0.5, Comparison.WITHIN, true, Kind.REPRODUCED,
                                Data.REAL, null)).getMessage());
        assertEquals("claim X.1: tolerance must be >= 0, not -1.0",
                assertThrows(IllegalArgumentException.class, () -> check(0, 0, -1, Comparison.WITHIN)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Claim.of(" ", "s", 0, 0, 0, Comparison.WITHIN, false, Data.REAL, null, null));
        assertEquals("claim X.1 needs its data: real or synthetic", assertThrows(IllegalArgumentException.class,
                () -> Claim.of("X.1", "s", 0, 0, 0, Comparison.WITHIN, false, null, null, null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Claim("X.1", "s", 0, 1, 0, Comparison.DEVIATION, false,
                Kind.REPRODUCED, Data.REAL, "why"), "a deviation cannot be reproduced");
        assertThrows(IllegalArgumentException.class, () -> new Claim("X.1", "s", 0, 1, 0, Comparison.DEVIATION, false,
                Kind.NOT_REPRODUCED, Data.REAL, " "), "a deviation needs a reason");
        assertThrows(IllegalArgumentException.class, () -> new Claim("X.1", "s", 0, 1, 0, Comparison.DEVIATION, false,
                null, Data.REAL, "why"), "a deviation needs a kind");
        assertThrows(IllegalArgumentException.class, () -> new Claim("X.1", "s", 0, 1, 0.5, Comparison.WITHIN, false,
                Kind.REPRODUCED, Data.REAL, null), "a failing check is not reproduced");
        assertThrows(IllegalArgumentException.class, () -> new Claim("X.1", "s", 0, 1, 0.5, Comparison.WITHIN, false,
                Kind.NOT_REPRODUCED, Data.REAL, null), "a recorded negative outcome needs a reason");
        assertThrows(IllegalArgumentException.class, () -> new Claim("X.1", "s", 0, 0, 0.5, Comparison.WITHIN, true,
                Kind.INCONCLUSIVE, Data.REAL, "power"), "a passing check is not inconclusive");
    }

    @Test
    void oneLineVerdicts() {
        assertEquals("PASS A.1 [synthetic]  TV = tau: measured 2.000e-16, expected 0, difference 2.00e-16 <= 1.000e-13",
                Claim.of("A.1", "TV = tau", 0, 2e-16, 1e-13, Comparison.WITHIN, false, Data.SYNTHETIC, null, null)
                        .toString());
        assertEquals("FAIL A.8 [real]  reduction: measured 1.50000 >= 2",
                Claim.of("A.8", "reduction", 2, 1.5, 0, Comparison.AT_LEAST, false, Data.REAL, null, null).toString());
        assertEquals("NOT REPRODUCED A.8 [real]  reduction: measured 1.50000 >= 2 does not hold (small blocks)",
                Claim.of("A.8", "reduction", 2, 1.5, 0, Comparison.AT_LEAST, false, Data.REAL, Kind.NOT_REPRODUCED,
                        "small blocks").toString());
        assertEquals("EXTENSION DID NOT HOLD A.8 [real]  reduction: measured 1.50000 >= 2 does not hold (small blocks)",
                Claim.of("A.8", "reduction", 2, 1.5, 0, Comparison.AT_LEAST, true, Data.REAL, Kind.NOT_REPRODUCED,
                        "small blocks").toString());
        assertEquals("NOT REPRODUCED A.8 [real]  keys scored: expected 2, measured here 1.11000 (n = 128)",
                Claim.of("A.8", "keys scored", 2, 1.11, 0, Comparison.DEVIATION, false, Data.REAL, null, "n = 128")
                        .toString());
    }

    @Test
    void claimsAreAppendedAsJsonLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/claims.jsonl");
        System.setProperty(Claims.PROPERTY, file.toString());
        try {
            Claims.paper("T.1", "first \"quoted\"").synthetic().within(1, 1, 0);
            Claims.paper("T.2", "second").real().notReproduced(4, Double.NaN, "not measurable here");
        } finally {
            System.clearProperty(Claims.PROPERTY);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals("{\"id\":\"T.1\",\"statement\":\"first \\\"quoted\\\"\",\"expected\":1.0,\"measured\":1.0,"
                + "\"tolerance\":0.0,\"comparison\":\"|measured - expected| <= tolerance\",\"pass\":true,"
                + "\"kind\":\"reproduced\",\"data\":\"synthetic\"}", lines.get(0));
        assertTrue(lines.get(1).contains("\"measured\":\"NaN\""), lines.get(1));
        assertTrue(lines.get(1).contains("\"comparison\":\"deviation: "), lines.get(1));
        assertTrue(lines.get(1).contains("\"why\":\"not measurable here\""), lines.get(1));
    }

    @Test
    void kindsFollowOriginAndOutcome(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("claims.jsonl");
        System.setProperty(Claims.PROPERTY, file.toString());
        try {
            Claims.paper("K.1", "paper, passes").real().atMost(1, 0.5);
            Claims.paper("K.2", "paper, fails").synthetic().atLeast(2, 1);
            Claims.extension("K.3", "ours, passes").synthetic().within(1, 1.01, 0.1);
            Claims.extension("K.4", "ours, does not hold").real().notReproducedBecause("the effect is smaller")
                    .atLeast(2, 1.2);
            Claims.paper("K.5", "paper, not reproduced").real().notReproducedBecause("crops differ").atLeast(2, 1.2);
            Claims.paper("K.6", "paper, undecided").real().inconclusiveBecause("power 0.3 at n = 75").atLeast(2, 1.1);
            Claims.paper("K.7", "paper value, not tested").real().notReproduced(2, 1.2, "different setting");
        } finally {
            System.clearProperty(Claims.PROPERTY);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(7, lines.size());
        String[] kinds = {"\"kind\":\"reproduced\"", null, "\"kind\":\"extension\"", "\"kind\":\"extension\"",
            "\"kind\":\"not reproduced\"", "\"kind\":\"inconclusive\"", "\"kind\":\"not reproduced\""};
        String[] data = {"real", "synthetic", "synthetic", "real", "real", "real", "real"};
        for (int i = 0; i < kinds.length; i++) {
            String line = lines.get(i);
            if (kinds[i] == null) {
                assertFalse(line.contains("\"kind\""), "a failing check has no kind: " + line);
            } else {
                assertTrue(line.contains(kinds[i]), line);
            }
            assertEquals(i == 0 || i == 2, line.contains("\"pass\":true"), line);
            assertTrue(line.contains("\"data\":\"" + data[i] + "\""), line);
        }
        assertTrue(lines.get(5).contains("\"why\":\"power 0.3 at n = 75\""), lines.get(5));
        assertTrue(lines.get(4).contains("\"comparison\":\"measured >= expected - tolerance\""), lines.get(4));
    }

    @Test
    void aRecordedOutcomeThatNoLongerHoldsIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Claims.paper("S.1", "stale").real().notReproducedBecause("too small").atLeast(2, 2.5));
        assertTrue(e.getMessage().startsWith("claim S.1 is recorded as not reproduced (too small) but the measurement"
                + " 2.50000 now satisfies"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> Claims.extension("S.2", "stale").real().inconclusiveBecause("power").atMost(1, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> Claims.paper("S.3", "no reason").real().notReproducedBecause(" "));
        assertThrows(IllegalArgumentException.class,
                () -> Claim.of("S.4", "s", 0, 1, 0, Comparison.AT_MOST, false, Data.REAL, Kind.EXTENSION, "ours?"),
                "a paper's claim cannot be recorded as an extension");
    }
}
