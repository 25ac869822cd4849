package io.github.attnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.patterns.AttentionPattern;
import io.github.attnlab.patterns.Direction;
import io.github.attnlab.patterns.Patterns;
import io.github.attnlab.train.task.AlgorithmicTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paper E's pattern comparison: the formulas on known numbers, a seeded tiny run, copies and bad input. */
class PatternComparisonTest {

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    private static PatternComparison known() {
        return new PatternComparison("copy", 4, List.of("a", "b", "c"),
                new double[][] {{0.5, 0.7, 0.9}, {0.2, 0.2, 0.2}, {1, 0.9, 0.8}}, new double[] {2, 3, 4});
    }

    @Test
    void meanAndStandardErrorOnKnownNumbers() {
        PatternComparison c = known();
        assertEquals(0.7, c.mean("a"), 1e-12);
        // s.e. = sqrt(((0.2^2 + 0 + 0.2^2) / 2) / 3)
        assertEquals(Math.sqrt(0.04 / 3), c.stderr("a"), 1e-12);
        assertEquals(0, c.stderr("b"), 1e-15);
        assertEquals("b", c.lowest());
        assertEquals(0.7, c.lowestMeanExcept("b"), 1e-12);
        assertEquals(0.9, c.lowestMeanExcept("a", "b"), 1e-12);
        assertTrue(c.interval("a").lo() >= 0.5 && c.interval("a").hi() <= 0.9);
        assertEquals(3, c.seeds());
        assertTrue(c.table().contains("0.700 ± 0.115"), c.table());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[][] acc = {{0.5, 0.7}, {0.2, 0.3}};
        double[] keys = {1, 2};
        PatternComparison c = new PatternComparison("copy", 4, List.of("a", "b"), acc, keys);
        acc[0][0] = 0;
        keys[0] = 9;
        assertEquals(0.5, c.accuracy()[0][0]);
        assertEquals(1, c.keys("a"));
        c.accuracy()[0][0] = 0;
        c.keys()[0] = 9;
        c.accuracy("a")[0] = 0;
        assertEquals(0.6, c.mean("a"), 1e-12);
        assertEquals(1, c.keys()[0]);
    }

    @Test
    void meanKeysCountsTheCausalCut() {
        // dense decoder on n tokens: query i sees i + 1 keys, mean (n + 1) / 2
        assertEquals(4.5, PatternComparison.meanKeys(Patterns.dense(), 8, 3, true), 1e-12);
        assertEquals(8, PatternComparison.meanKeys(Patterns.dense(), 8, 2, false), 1e-12);
        // STAR in a decoder: token k >= 1 sees k - 1, k and the relay 0 (k = 1: 0 and 1)
        assertEquals((1 + 2 + 3 * 6) / 8.0, PatternComparison.meanKeys(Patterns.star(), 8, 4, true), 1e-12);
    }

    @Test
    void seededTinyRunIsDeterministicAndBounded() {
        AlgorithmicTask copy = AlgorithmicTask.copy(4);
        Training t = Training.of(ModelConfig.decoder(copy.vocabulary()).withLayers(2).withWidth(8, 16)
                .withMaxLength(8), copy, 3).steps(4).batch(2);
        Map<String, AttentionPattern> p = new LinkedHashMap<>();
        p.put("dense", Patterns.dense());
        p.put("strided", Patterns.strided(2, Direction.CAUSAL));
        PatternComparison a = PatternComparison.of(t, p, 2, 4, 7);
        PatternComparison b = PatternComparison.of(t, p, 2, 4, 7);
        assertArrayEquals(a.accuracy()[0], b.accuracy()[0], 0);
        assertArrayEquals(a.accuracy()[1], b.accuracy()[1], 0);
        assertEquals(List.of("dense", "strided"), a.names());
        for (double[] row : a.accuracy()) {
            for (double v : row) {
                assertTrue(v >= 0 && v <= 1, "accuracy " + v);
            }
        }
        assertTrue(a.keys("strided") < a.keys("dense"));
        assertNotNull(a.chart());
        assertNotNull(a.png(200, 150));
    }

    @Test
    void badInputNamesTheArgument() {
        double[][] ok = {{0.5, 0.7}};
        double[] k = {1};
        assertTrue(message(() -> new PatternComparison(null, 4, List.of("a"), ok, k)).contains("task"));
        assertTrue(message(() -> new PatternComparison("copy", 0, List.of("a"), ok, k)).contains("size"));
        assertTrue(message(() -> new PatternComparison("copy", 4, List.of("a", "a"), new double[][] {{0.5, 0.7},
                {0.5, 0.7}}, new double[] {1, 1})).contains("distinct"));
        assertTrue(message(() -> new PatternComparison("copy", 4, List.of("a"), new double[][] {{0.5}}, k))
                .contains("seeds"));
        assertTrue(message(() -> new PatternComparison("copy", 4, List.of("a"), new double[][] {{0.5, 1.5}}, k))
                .contains("accuracy[0][1]"));
        assertTrue(message(() -> new PatternComparison("copy", 4, List.of("a"), new double[][] {{0.5, Double.NaN}},
                k)).contains("accuracy[0][1]"));
        assertTrue(message(() -> new PatternComparison("copy", 4, List.of("a"), ok, new double[] {0}))
                .contains("keys[0]"));
        assertTrue(message(() -> new PatternComparison("copy", 4, List.of("a"), ok, new double[] {1, 2}))
                .contains("keys.length"));
        assertTrue(message(() -> known().mean("z")).contains("name = z"));
        AlgorithmicTask copy = AlgorithmicTask.copy(4);
        Training t = Training.of(ModelConfig.decoder(copy.vocabulary()), copy, 3);
        Map<String, AttentionPattern> one = Map.of("dense", Patterns.dense());
        assertTrue(message(() -> PatternComparison.of(null, one, 2, 4, 1)).contains("training"));
        assertTrue(message(() -> PatternComparison.of(t, null, 2, 4, 1)).contains("patterns"));
        assertTrue(message(() -> PatternComparison.of(t, Map.of(), 2, 4, 1)).contains("patterns.size()"));
        assertTrue(message(() -> PatternComparison.of(t, one, 1, 4, 1)).contains("seeds"));
        assertTrue(message(() -> PatternComparison.of(t, one, 2, 0, 1)).contains("testExamples"));
        assertTrue(message(() -> PatternComparison.meanKeys(null, 4, 1, true)).contains("pattern"));
        assertTrue(message(() -> PatternComparison.meanKeys(Patterns.dense(), 0, 1, true)).contains("n"));
    }
}
