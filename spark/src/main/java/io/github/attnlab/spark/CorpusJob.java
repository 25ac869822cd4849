package io.github.attnlab.spark;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.bert.PretrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The corpus-scale job, fluent and immutable: every setter returns a new job, {@link #run()} computes.
 *
 * <pre>{@code
 * CorpusResult r = CorpusJob.over(Passages.of(Passages.dataset("moby-dick"), 64, 2000))
 *     .model(PretrainedModel.ALL_MINILM_L6_V2).epsilons(0.01, 0.05, 0.1)
 *     .passagesPerPartition(16).cores(2).output(Path.of("target/corpus")).launch(Launch.CHILD_JVM).run();
 * }</pre>
 *
 * <p>Memory: a task streams its partition, one passage (one attention tensor, $L \cdot H \cdot n^2$ logits and as
 * many probabilities, as floats) at a time, so an executor holds at most {@code cores} tensors besides the weights,
 * whatever the partition size; {@code passagesPerPartition} bounds what one task (and a retry) costs.
 */
public final class CorpusJob {

    private final List<CorpusPassage> passages;
    private final Path input;
    private final PretrainedModel model;
    private final double[] epsilons;
    private final int maxTokens;
    private final int passagesPerPartition;
    private final int cores;
    private final Path output;
    private final Launch launch;
    private final boolean ui;
    private final int childHeapMegabytes;

    private CorpusJob(List<CorpusPassage> passages, Path input, PretrainedModel model, double[] epsilons, int maxTokens,
                      int passagesPerPartition, int cores, Path output, Launch launch, boolean ui, int childHeapMegabytes) {
        this.passages = passages;
        this.input = input;
        this.model = model;
        this.epsilons = epsilons;
        this.maxTokens = maxTokens;
        this.passagesPerPartition = passagesPerPartition;
        this.cores = cores;
        this.output = output;
        this.launch = launch;
        this.ui = ui;
        this.childHeapMegabytes = childHeapMegabytes;
    }

    /** A job over these passages (ids must be unique), with all-MiniLM-L6-v2, ε ∈ {0.01, 0.05, 0.1}, 2 cores. */
    public static CorpusJob over(List<CorpusPassage> passages) {
        Check.notNull("passages", passages);
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("passages is empty");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            Check.notNull("passages[" + i + "]", passages.get(i));
            if (!ids.add(passages.get(i).id())) {
                throw new IllegalArgumentException("passages[" + i + "] repeats the id '" + passages.get(i).id() + "'");
            }
        }
        return new CorpusJob(List.copyOf(passages), null, PretrainedModel.ALL_MINILM_L6_V2, new double[]{0.01, 0.05, 0.1},
                128, 16, 2, null, Launch.IN_PROCESS, false, 3072);
    }

    /**
     * A job over a JSON-lines file of passages, one {@code {"id", "document", "window", "text"}} object per line, read
     * by Spark: a corrupted row (a field missing) becomes an error row naming the passage, the others complete.
     */
    public static CorpusJob over(Path passagesJsonl) {
        Check.notNull("passagesJsonl", passagesJsonl);
        if (!Files.isRegularFile(passagesJsonl)) {
            throw new IllegalArgumentException("passagesJsonl = " + passagesJsonl + " is not a file");
        }
        return new CorpusJob(null, passagesJsonl.toAbsolutePath(), PretrainedModel.ALL_MINILM_L6_V2,
                new double[]{0.01, 0.05, 0.1}, 128, 16, 2, null, Launch.IN_PROCESS, false, 3072);
    }

    /** The encoder (weights from the local Maven repository, loaded once per executor JVM). */
    public CorpusJob model(PretrainedModel m) {
        Check.notNull("m", m);
        return new CorpusJob(passages, input, m, epsilons, maxTokens, passagesPerPartition, cores, output, launch, ui, childHeapMegabytes);
    }

    /** The TV budgets of the certified $k_\varepsilon$, each in (0, 1). */
    public CorpusJob epsilons(double... eps) {
        return new CorpusJob(passages, input, model, PassageAnalysis.checkedEpsilons(eps), maxTokens, passagesPerPartition,
                cores, output, launch, ui, childHeapMegabytes);
    }

    /** Tokens per passage at most ({@code [CLS]} and {@code [SEP]} included), in [3, 512]; the rest is dropped. */
    public CorpusJob maxTokens(int tokens) {
        Check.range("tokens", tokens, 3, 512);
        return new CorpusJob(passages, input, model, epsilons, tokens, passagesPerPartition, cores, output, launch, ui, childHeapMegabytes);
    }

    /** Passages per Spark partition (one task): at least 1. */
    public CorpusJob passagesPerPartition(int p) {
        Check.positive("p", p);
        return new CorpusJob(passages, input, model, epsilons, maxTokens, p, cores, output, launch, ui, childHeapMegabytes);
    }

    /** Spark's local cores ({@code local[cores]}): at least 1. */
    public CorpusJob cores(int c) {
        Check.positive("c", c);
        return new CorpusJob(passages, input, model, epsilons, maxTokens, passagesPerPartition, c, output, launch, ui, childHeapMegabytes);
    }

    /** The output directory ({@code rows/}, {@code summary/} Parquet; replaced on a re-run). */
    public CorpusJob output(Path dir) {
        Check.notNull("dir", dir);
        return new CorpusJob(passages, input, model, epsilons, maxTokens, passagesPerPartition, cores, dir.toAbsolutePath(),
                launch, ui, childHeapMegabytes);
    }

    /** In this JVM or a child JVM (see {@link Launch}). */
    public CorpusJob launch(Launch l) {
        Check.notNull("l", l);
        return new CorpusJob(passages, input, model, epsilons, maxTokens, passagesPerPartition, cores, output, l, ui, childHeapMegabytes);
    }

    /** Whether Spark's web UI runs (port 4040 or the next free one); off by default. */
    public CorpusJob ui(boolean on) {
        return new CorpusJob(passages, input, model, epsilons, maxTokens, passagesPerPartition, cores, output, launch, on, childHeapMegabytes);
    }

    /** The child JVM's maximum heap ({@code -Xmx}) in MB, at least 256; the default 3072. */
    public CorpusJob childHeapMegabytes(int mb) {
        Check.range("mb", mb, 256, 1 << 20);
        return new CorpusJob(passages, input, model, epsilons, maxTokens, passagesPerPartition, cores, output, launch, ui, mb);
    }

    /** Runs the job; the per-passage rows, errors, per-(layer, head) distributions and what the run cost. */
    public CorpusResult run() {
        if (output == null) {
            throw new IllegalArgumentException("output is not set: call output(dir) before run()");
        }
        return launch == Launch.IN_PROCESS ? SparkCorpusJob.run(this, passages, input) : ChildJvm.run(this);
    }

    List<CorpusPassage> passages() {
        return passages;
    }

    Path input() {
        return input;
    }

    PretrainedModel model() {
        return model;
    }

    double[] epsilons() {
        return epsilons.clone();
    }

    int maxTokens() {
        return maxTokens;
    }

    int passagesPerPartition() {
        return passagesPerPartition;
    }

    int cores() {
        return cores;
    }

    Path output() {
        return output;
    }

    boolean ui() {
        return ui;
    }

    int childHeapMegabytes() {
        return childHeapMegabytes;
    }

    /** One line. */
    @Override
    public String toString() {
        return "CorpusJob[" + (passages != null ? passages.size() + " passages" : input) + ", " + model.modelName()
                + ", eps " + java.util.Arrays.toString(epsilons) + ", " + passagesPerPartition + " per partition, " + cores
                + " cores, " + launch + " -> " + output + "]";
    }
}
