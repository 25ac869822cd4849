package io.github.attnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.attnlab.compact.nw.SmoothingKernel;
import io.github.attnlab.train.task.AlgorithmicTask;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same loss curve bit for bit: twice in one JVM (the second run meets JIT-compiled code) and on 1 or 2 threads. */
class DeterminismTest {

    @Test
    void sameSeedSameBitsOnOneAndTwoThreads() {
        for (AttentionNormalizer nz : List.of(AttentionNormalizer.softmax(), AttentionNormalizer.entmax(1.5),
                AttentionNormalizer.learnedEntmax(1.5), AttentionNormalizer.compactKernel(SmoothingKernel.biweight(), 4))) {
            AlgorithmicTask task = AlgorithmicTask.copy(6);
            Training t = Training.of(ModelConfig.decoder(task.vocabulary()).withWidth(16, 32).withNormalizer(nz), task, 5)
                    .steps(25).batch(6).sparsity(WeightSparsity.anneal(0.5, 20));
            double[] a = t.run().loss();
            double[] b = t.run().loss();
            double[] c = t.threads(2).run().loss();
            assertArrayEquals(a, b, nz.name() + ": a second run in the same JVM");
            assertArrayEquals(a, c, nz.name() + ": two threads");
            double[] other = t.seed(2).run().loss();
            assertFalse(Arrays.equals(a, other), nz.name() + ": another seed gives another curve");
        }
    }
}
