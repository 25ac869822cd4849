package io.github.attnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.measure.MixtureContext;
import io.github.attnlab.train.task.MixtureTask;
import org.junit.jupiter.api.Test;

/** {@link ContextSweep} and {@link ContextSweepResult}: untrained recall, the references, learning, determinism, refusals. */
class ContextSweepTest {

    private static final MixtureTask TASK = MixtureTask.random(2, 2, 0.4, 64, 4);

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void untrainedAttentionSpreadsOverBothComponentsAndReferencesAgreeWithTheirClosedForm() {
        ContextSweepResult res = ContextSweep.of(TASK, 4, 16).steps(0).seeds(2).testEpisodes(400).run();
        double[] recall = res.meanRecall();
        // near-uniform attention over 2n context tokens and the query: n / (2n + 1) on the other component
        assertEquals(4.0 / 9, recall[0], 0.1);
        assertEquals(16.0 / 33, recall[1], 0.1);
        for (int j = 0; j < 2; j++) {
            assertEquals(res.referenceExpected()[j], res.reference()[j], 0.2 * res.referenceExpected()[j], "j = " + j);
            assertTrue(res.referenceExpected()[j] < res.uniform()[j]);
        }
        assertEquals(TASK.reference().uniformError(), res.uniform()[1], 0.2 * res.uniform()[1]);
        assertTrue(res.referenceExponent() > 0.1 && res.referenceExponent() < 0.75, "" + res.referenceExponent());
    }

    @Test
    void trainingOnFreshEpisodesBeatsTheUntrainedModelAndIsDeterministic() {
        ContextSweep sweep = ContextSweep.of(TASK, 4, 8).steps(100).seeds(2).testEpisodes(48);
        ContextSweepResult a = sweep.run();
        ContextSweepResult b = sweep.threads(2).run();
        ContextSweepResult untrained = sweep.steps(0).run();
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(a.mse()[r], b.mse()[r], 0);
            assertArrayEquals(a.recall()[r], b.recall()[r], 0);
        }
        for (int j = 0; j < 2; j++) {
            assertTrue(a.meanMse()[j] < untrained.meanMse()[j], "j = " + j + ": " + a.meanMse()[j] + " vs untrained "
                    + untrained.meanMse()[j]);
        }
        RateFit fit = a.prediction(3);
        assertEquals(2, fit.sizes().length);
        assertTrue(a.chart().toString().contains("context size"));
    }

    @Test
    void testSetsDependOnTheSizeAndTheTestSeedOnly() {
        ContextSweep s = ContextSweep.of(TASK, 4, 8).testEpisodes(3);
        MixtureContext.Episode e1 = s.testSet(4).get(2);
        MixtureContext.Episode e2 = s.seeds(5).steps(7).testSet(4).get(2);
        assertEquals(e1.angle(), e2.angle());
        assertEquals(e1.target(), e2.target());
        assertTrue(s.testSet(8).get(0).angle() != e1.angle() || s.testSet(8).get(0).target() != e1.target());
    }

    @Test
    void refusesBadInputAndCopies() {
        MixtureTask fixed = MixtureTask.of(MixtureContext.random(2, 2, 0.4, 64, 1), 4);
        assertTrue(message(() -> ContextSweep.of(fixed, 4, 8)).contains("task"));
        assertTrue(message(() -> ContextSweep.of(TASK, 8, 4)).contains("sizes[1]"));
        assertTrue(message(() -> ContextSweep.of(TASK, 8)).contains("sizes"));
        assertTrue(message(() -> ContextSweep.of(TASK, 4, 8).seeds(1)).contains("seeds"));
        assertTrue(message(() -> ContextSweep.of(TASK, 0, 8)).contains("sizes[0]"));
        assertThrows(IllegalStateException.class, fixed::reference);
        int[] sizes = {4, 8};
        ContextSweep s = ContextSweep.of(TASK, sizes);
        sizes[0] = 99;
        assertEquals(4, s.sizes()[0]);
        assertTrue(message(() -> new ContextSweepResult(new double[] {1, 2}, new double[][] {{1, 2}},
                new double[][] {{1}}, new double[2], new double[2], new double[2], 0)).contains("recall[0]"));
    }
}
