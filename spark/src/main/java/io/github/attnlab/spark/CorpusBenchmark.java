package io.github.attnlab.spark;

import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.PretrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark of issue 18: passages per second of the single-process path ({@link PassageAnalysis} in a loop, one
 * thread) and of the Spark job in local mode with 1 and 2 cores, on the same passages, in one JVM (the weights loaded
 * once, before any timing; a warm-up of the single-process path and a small untimed Spark job first).
 *
 * <pre>java [add-opens flags] -cp attnlab-spark.jar:spark-deps/* io.github.attnlab.spark.CorpusBenchmark \
 *     &lt;model&gt; &lt;passages&gt; &lt;words per passage&gt;</pre>
 */
public final class CorpusBenchmark {

    private CorpusBenchmark() {
    }

    /** Runs the benchmark and prints one line per path. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("args: <model> <passages> <words per passage>");
        }
        PretrainedModel model = PretrainedModel.named(args[0]);
        int count = Integer.parseInt(args[1]);
        int words = Integer.parseInt(args[2]);
        double[] eps = {0.01, 0.05, 0.1};
        List<CorpusPassage> passages = Passages.of(Passages.dataset("moby-dick"), words, count);
        long t0 = System.nanoTime();
        Bert bert = Models.get(model);
        System.out.println(String.format("benchmark: %s loaded in %.1f s; %d passages of %d words", model.modelName(),
                (System.nanoTime() - t0) / 1e9, passages.size(), words));
        for (CorpusPassage p : passages.subList(0, Math.min(4, passages.size()))) {
            PassageAnalysis.analyse(bert, p, eps, 128);      // warm-up
        }
        long cpu0 = RunMetrics.processCpuNanos();
        t0 = System.nanoTime();
        long tokens = 0;
        for (CorpusPassage p : passages) {
            tokens += PassageAnalysis.analyse(bert, p, eps, 128).get(0).tokens();
        }
        double single = (System.nanoTime() - t0) / 1e9;
        System.out.println(String.format("benchmark: single process, 1 thread: %.1f s, %.3f passages/s, %.3f CPU s per passage,"
                + " mean %.1f tokens", single, passages.size() / single, (RunMetrics.processCpuNanos() - cpu0) / 1e9 / passages.size(),
                tokens / (double) passages.size()));
        // Spark's own warm-up (its first session compiles and loads much of Spark): a small job, not timed
        CorpusJob.over(passages.subList(0, Math.min(4, passages.size()))).model(model).epsilons(eps).cores(2)
                .output(Files.createTempDirectory("attnlab-bench-warm-up")).run();
        for (int cores : new int[]{1, 2}) {
            Path out = Files.createTempDirectory("attnlab-bench");
            CorpusResult r = CorpusJob.over(passages).model(model).epsilons(eps).cores(cores)
                    .passagesPerPartition(Math.max(1, passages.size() / (4 * cores))).output(out).run();
            long bytes;
            try (var files = Files.walk(out)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.println("benchmark: spark local[" + cores + "]: " + r.metrics() + "; output " + (bytes >> 10) + " KB");
        }
    }
}
