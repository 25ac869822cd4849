package io.github.attnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.train.task.BracketTask;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bracket and quote tasks, the circuit pruning (the loss stays within the target) and its figure. */
class CircuitPruningTest {

    private static final int N = 10;

    @Test
    void bracketExamplesAreWellFormed() {
        BracketTask t = BracketTask.brackets(3, 5);
        assertEquals(11, t.vocabulary());
        assertEquals(3, t.outputs());
        for (Example e : t.sample(new Random(3), N, 200)) {
            int open = -1;
            boolean scored = false;
            for (int i = 0; i < N; i++) {
                int x = e.tokens()[i];
                assertTrue(x >= 0 && x < 11);
                if (x >= 5 && x < 8) {
                    assertEquals(-1, open, "brackets do not nest");
                    open = x - 5;
                } else if (x >= 8) {
                    assertEquals(x - 8, open, "a close matches the open bracket");
                    open = -1;
                }
                assertEquals(open, e.targets()[i]);
                scored |= open >= 0;
            }
            assertTrue(scored);
        }
    }

    @Test
    void quoteExamplesByHand() {
        BracketTask t = BracketTask.quotes(4);
        assertEquals(6, t.vocabulary());
        for (Example e : t.sample(new Random(4), N, 100)) {
            int p = -1;
            for (int i = 0; i < N; i++) {
                if (e.tokens()[i] >= 4) {
                    assertEquals(-1, p, "one quote");
                    p = i;
                }
                assertEquals(p < 0 ? -1 : e.tokens()[p] - 4, e.targets()[i]);
            }
            assertTrue(p >= 0 && p < (N + 1) / 2);
        }
        List<Example> a = t.sample(new Random(5), N, 3);
        List<Example> b = t.sample(new Random(5), N, 3);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a.get(i).tokens(), b.get(i).tokens());
        }
    }

    @Test
    void taskBadInput() {
        assertMessage("types", () -> BracketTask.brackets(1, 4));
        assertMessage("letters", () -> BracketTask.brackets(2, 0));
        assertMessage("letters", () -> BracketTask.quotes(0));
        assertMessage("size", () -> BracketTask.quotes(3).sample(new Random(1), 1));
        assertMessage("random", () -> BracketTask.quotes(3).sample(null, 4));
    }

    private static Transformer trained(BracketTask task, WeightSparsity sparsity) {
        ModelConfig cfg = ModelConfig.decoder(task.vocabulary()).withOutputs(task.outputs()).withWidth(8, 16)
                .withMaxLength(N);
        return Training.of(cfg, task, N).steps(120).batch(16).learningRate(1e-2).warmup(10).seed(2).sparsity(sparsity)
                .run().model();
    }

    @Test
    void pruningKeepsTheLossWithinTolerance() {
        BracketTask task = BracketTask.quotes(4);
        Transformer m = trained(task, WeightSparsity.anneal(0.3, 60));
        List<Example> test = task.sample(new Random(9), N, 48);
        double full = m.evaluate(test).loss();
        assertTrue(full < 0.3, "the model learned the task: loss " + full);
        double target = full + 0.05;
        CircuitPruning.Circuit c = CircuitPruning.prune(m, test, target, 16);
        assertTrue(c.loss() <= target);
        assertEquals(c.loss(), c.model().evaluate(test).loss(), 1e-12);
        assertEquals(full, c.fullLoss(), 1e-12);
        assertEquals(0.05, c.tolerance(), 1e-9);
        assertEquals(c.edges(), c.model().nonZeroWeights());
        assertEquals(m.nonZeroWeights(), c.modelEdges());
        assertTrue(c.edges() < c.modelEdges(), c.toString());
        assertTrue(c.heads() >= 1 && c.heads() <= 4);
        // the record copies its arrays
        boolean[][] h = c.headsKept();
        h[0][0] = !h[0][0];
        assertFalse(h[0][0] == c.headsKept()[0][0]);
        // deterministic
        assertEquals(c.edges(), CircuitPruning.prune(m, test, target, 16).edges());
        CircuitFigure f = CircuitFigure.of(c, "quotes");
        assertTrue(f.graph().vertexSet().contains("tok4") || f.graph().vertexSet().contains("tok5"), f.toString());
        assertTrue(f.graph().vertexSet().stream().anyMatch(v -> v.startsWith("class")));
        assertEquals(720, f.png().getWidth());
    }

    @Test
    void pruningBadInput() {
        BracketTask task = BracketTask.quotes(3);
        Transformer m = Transformer.init(ModelConfig.decoder(task.vocabulary()).withOutputs(2).withWidth(8, 8)
                .withMaxLength(N), 1);
        List<Example> test = task.sample(new Random(1), N, 4);
        double full = m.evaluate(test).loss();
        assertMessage("targetLoss", () -> CircuitPruning.prune(m, test, full - 0.01));
        assertMessage("targetLoss", () -> CircuitPruning.prune(m, test, Double.NaN));
        assertMessage("examples", () -> CircuitPruning.prune(m, null, 1));
        assertMessage("examples", () -> CircuitPruning.prune(m, List.of(), 1));
        assertMessage("model", () -> CircuitPruning.prune(null, test, 1));
        assertMessage("chunks", () -> CircuitPruning.prune(m, test, full + 1, 0));
        assertMessage("circuit", () -> CircuitFigure.of(null, "x"));
    }

    private static void assertMessage(String name, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(name), x.getMessage());
    }
}
