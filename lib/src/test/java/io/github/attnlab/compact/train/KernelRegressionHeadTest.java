package io.github.attnlab.compact.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.compact.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The head's gradient against central finite differences, and training that learns. */
class KernelRegressionHeadTest {

    private static final double STEP = 1e-6;
    /** Central differences of an O(1) loss: truncation O(STEP²) plus rounding O(1e-16/STEP). */
    private static final double FD_TOL = 1e-6;

    private static final Normalizer[] NORMALIZERS = {
        Normalizer.softmax(), Normalizer.sparsemax(), Normalizer.entmax(1.5), Normalizer.entmax(4.0 / 3),
        Normalizer.normalizedRelu(0), Normalizer.normalizedRelu(2, 0.5)
    };

    @Test
    void gradientMatchesFiniteDifferences() {
        Task[] tasks = {new RegressionTask(2, 1, 3, 2, 0.1), new RecallTask(4, 2, 3, 0.2)};
        Random r = new Random(71);
        for (Task task : tasks) {
            for (Normalizer nz : NORMALIZERS) {
                int checked = 0;
                for (int attempt = 0; checked < 20; attempt++) {
                    assertTrue(attempt < 400, nz + ": too few smooth instances");
                    KernelRegressionHead head = KernelRegressionHead.init(task, 5, nz, 1 + 8 * r.nextDouble(), r);
                    Episode e = task.sample(r, 2 + r.nextInt(20));
                    double[] grad = new double[head.size()];
                    Workspace w = head.workspace();
                    double loss = head.lossAndGradient(e, w, grad);
                    assertEquals(head.loss(e, head.workspace()), loss, 1e-15);
                    double[] theta = head.parameters();
                    double[] fd = new double[theta.length];
                    boolean smooth = true;
                    for (int i = 0; i < theta.length && smooth; i++) {
                        double[] plus = theta.clone();
                        double[] minus = theta.clone();
                        plus[i] += STEP;
                        minus[i] -= STEP;
                        KernelRegressionHead hp = head.withParameters(plus);
                        KernelRegressionHead hm = head.withParameters(minus);
                        smooth = sameSupport(head, hp, e) && sameSupport(head, hm, e);
                        fd[i] = (hp.loss(e, hp.workspace()) - hm.loss(e, hm.workspace())) / (2 * STEP);
                    }
                    if (!smooth) {
                        continue; // a support boundary within STEP: not differentiable there, draw again
                    }
                    for (int i = 0; i < theta.length; i++) {
                        assertEquals(fd[i], grad[i], FD_TOL * (1 + Math.abs(fd[i])), nz + " on " + task.name()
                                + ": d loss / d theta[" + i + "]");
                    }
                    checked++;
                }
            }
        }
    }

    private static boolean sameSupport(KernelRegressionHead a, KernelRegressionHead b, Episode e) {
        return java.util.Arrays.equals(a.attention(e).support(), b.attention(e).support());
    }

    @Test
    void trainingLowersTheTestError() {
        Task task = new RecallTask(4, 2, 2, 0.1);
        for (Normalizer nz : new Normalizer[] {Normalizer.softmax(), Normalizer.entmax(1.5)}) {
            Trainer t = Trainer.on(task).normalizer(nz).contextLength(8).steps(150).seed(3);
            double before = Evaluation.of(t.steps(0).run().head(), task, 8, 200, 5).mse();
            TrainingRun run = t.run();
            double after = Evaluation.of(run.head(), task, 8, 200, 5).mse();
            assertTrue(after < 0.2 * before, nz + ": test MSE " + before + " -> " + after);
            assertEquals(150, run.losses().length);
        }
    }

    @Test
    void pairedDifferencesAndTables() {
        Task task = new RegressionTask(1, 0, 2, 2, 0.1);
        java.util.List<TrainingRun> runs = new java.util.ArrayList<>();
        for (Normalizer nz : new Normalizer[] {Normalizer.softmax(), Normalizer.sparsemax()}) {
            for (int s = 1; s <= 3; s++) {
                runs.add(Trainer.on(task).normalizer(nz).steps(20).seed(s).run());
            }
        }
        LengthSweep sw = LengthSweep.of(task, runs, new int[] {4, 16}, 20, 9);
        LengthSweep.Difference d = sw.difference("sparsemax", "softmax", 1);
        assertEquals(sw.mse("sparsemax", 1) - sw.mse("softmax", 1), d.mean(), 1e-15);
        assertTrue(sw.table().startsWith("N ="), sw.table());
        assertThrows(IllegalArgumentException.class, () -> sw.mse("gelu", 0));
        assertEquals(sw.perSeed()[0][1][2], Evaluation.of(runs.get(2).head(), task, 16, 20, 9 + 7919L).mse(), 0.0);
    }

    @Test
    void tasksHaveTheirShapesAndRefuseBadSettings() {
        Random r = new Random(72);
        Episode e = new RecallTask(5, 3, 2, 0.1).sample(r, 7);
        assertEquals(7 * 8, e.xs().length);
        assertEquals(7 * 2, e.ys().length);
        Episode g = new RegressionTask(2, 2, 3, 1, 0).sample(r, 5);
        assertEquals(1, g.target().length);
        assertThrows(IllegalArgumentException.class, () -> new RecallTask(1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RegressionTask(0, 0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.on(new RecallTask(2, 0, 1, 0)).steps(-1));
    }
}
