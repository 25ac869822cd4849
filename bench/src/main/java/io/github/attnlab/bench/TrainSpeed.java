package io.github.attnlab.bench;

import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.train.AttentionNormalizer;
import io.github.attnlab.train.ModelConfig;
import io.github.attnlab.train.Training;
import io.github.attnlab.train.TrainingRun;
import io.github.attnlab.train.task.AlgorithmicTask;
import java.util.Locale;

/**
 * Training steps per second of the standard small configuration (issue 11): a causal decoder with 2 layers, 2 heads,
 * $d = 32$, $d_{ff} = 64$, learned positions, on copying $N = 16$ symbols of 8 (sequences of 32 tokens), batch 16,
 * Adam; on 1 and 2 threads (2 shards either way), for each normaliser given.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar io.github.attnlab.bench.TrainSpeed
 * [steps] [warm-up steps]}. A timed harness rather than JMH: one measurement is a whole training run of
 * {@code steps} steps after a warm-up run, repeated 3 times; the best and the median are printed.
 */
public final class TrainSpeed {

    private TrainSpeed() {
    }

    /** The standard small configuration for {@code normalizer}. */
    public static Training standard(AttentionNormalizer normalizer) {
        AlgorithmicTask task = AlgorithmicTask.copy(8);
        ModelConfig c = ModelConfig.decoder(task.vocabulary()).withNormalizer(normalizer);
        return Training.of(c, task, 16).batch(16);
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        System.out.println("SIMD path: " + SimdOps.get().name() + "; cores: " + Runtime.getRuntime().availableProcessors());
        for (AttentionNormalizer nz : new AttentionNormalizer[] {AttentionNormalizer.softmax(),
            AttentionNormalizer.entmax(1.5), AttentionNormalizer.sparsemax()}) {
            for (int threads = 1; threads <= 2; threads++) {
                Training t = standard(nz).threads(threads);
                t.steps(warm).run();
                double[] rates = new double[3];
                for (int r = 0; r < 3; r++) {
                    TrainingRun run = t.steps(steps).run();
                    rates[r] = run.stepsPerSecond();
                }
                java.util.Arrays.sort(rates);
                System.out.println(String.format(Locale.ROOT, "%-10s %d thread(s): %.1f steps/s best, %.1f median",
                        nz.name(), threads, rates[2], rates[1]));
            }
        }
    }
}
