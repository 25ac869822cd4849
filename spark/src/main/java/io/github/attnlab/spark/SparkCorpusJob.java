package io.github.attnlab.spark;

import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.PretrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

/**
 * The Spark side of {@link CorpusJob}: passages → {@code mapPartitions} ({@link PassageAnalysis} per passage, one
 * attention tensor alive per running task) → Parquet {@code rows/} → per-(layer, head) distributions, Parquet
 * {@code summary/}. Both are written with {@code SaveMode.Overwrite}, so a re-run over existing output replaces it
 * with the same rows (idempotent).
 */
final class SparkCorpusJob {

    private static final Logger LOG = LoggerFactory.getLogger(SparkCorpusJob.class);

    private SparkCorpusJob() {
    }

    static CorpusResult run(CorpusJob job, List<CorpusPassage> passages, Path input) {
        HeapSampler heap = HeapSampler.start();
        long t0 = System.nanoTime();
        long cpu0 = RunMetrics.processCpuNanos();
        int loadsBefore = Models.loads();
        SparkSession spark = SparkSession.builder()
                .appName("attnlab corpus job")
                .master("local[" + job.cores() + ",2]")           // 2 attempts per task: a failed task is retried
                .config("spark.ui.enabled", job.ui())
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", Math.max(2, 2 * job.cores()))
                .config("spark.sql.adaptive.enabled", false)
                .getOrCreate();
        TaskProgress progress = new TaskProgress(System.out);
        spark.sparkContext().addSparkListener(progress);
        try {
            Dataset<Row> in = passages != null
                    ? spark.createDataFrame(passages.stream().map(Schemas::passage).toList(), Schemas.PASSAGE)
                    : spark.read().schema(Schemas.PASSAGE).json(input.toString());
            long count = in.count();
            int partitions = (int) Math.max(1, (count + job.passagesPerPartition() - 1) / job.passagesPerPartition());
            Dataset<Row> rows = in.repartition(partitions).mapPartitions(
                    new Analyse(job.model(), job.epsilons(), job.maxTokens()), Encoders.row(Schemas.ROW));
            String rowsDir = job.output().resolve("rows").toString();
            rows.write().mode(SaveMode.Overwrite).parquet(rowsDir);

            Dataset<Row> written = spark.read().parquet(rowsDir);
            Dataset<Row> ok = written.filter(col("error").isNull());
            summarise(ok, job.epsilons()).write().mode(SaveMode.Overwrite).parquet(job.output().resolve("summary").toString());

            List<HeadStats> stats = new ArrayList<>();
            for (Row r : ok.orderBy("passage_id", "layer", "head").collectAsList()) {
                stats.add(Schemas.stats(r));
            }
            List<PassageError> errors = new ArrayList<>();
            for (Row r : written.filter(col("error").isNotNull()).orderBy("passage_id").collectAsList()) {
                errors.add(Schemas.error(r));
            }
            List<HeadSummary> summary = new ArrayList<>();
            for (Row r : spark.read().parquet(job.output().resolve("summary").toString())
                    .orderBy("metric", "epsilon", "layer", "head").collectAsList()) {
                summary.add(new HeadSummary(r.getInt(0), r.getInt(1), Metric.valueOf(r.getString(2)), r.getDouble(3),
                        r.getLong(4), r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9),
                        r.getDouble(10)));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            RunMetrics metrics = new RunMetrics(count, errors.size(), job.cores(), partitions, seconds, heap.stop(),
                    Models.loads() - loadsBefore, progress.failedTasks(), (RunMetrics.processCpuNanos() - cpu0) / 1e9);
            return new CorpusResult(job.epsilons(), stats, errors, summary, metrics);
        } finally {
            heap.stop();
            spark.stop();
        }
    }

    /** Long format (layer, head, metric, epsilon, value), then count, mean, its 95% interval and exact quantiles. */
    private static Dataset<Row> summarise(Dataset<Row> ok, double[] epsilons) {
        Dataset<Row> longForm = null;
        for (Metric m : Metric.values()) {
            int copies = m == Metric.K_FRACTION ? epsilons.length : 1;
            for (int i = 0; i < copies; i++) {
                Column value = m == Metric.K_FRACTION ? element_at(col(m.column()), i + 1) : col(m.column());
                double eps = m == Metric.K_FRACTION ? epsilons[i] : 0;
                Dataset<Row> part = ok.select(col("layer"), col("head"), lit(m.name()).as("metric"), lit(eps).as("epsilon"),
                        value.cast("double").as("value"));
                longForm = longForm == null ? part : longForm.union(part);
            }
        }
        return longForm.groupBy("layer", "head", "metric", "epsilon")
                .agg(expr("count(value)").as("count"), expr("avg(value)").as("mean"),
                        expr("coalesce(stddev_samp(value), 0D)").as("sd"),
                        expr("percentile(value, array(0.1D, 0.5D, 0.9D))").as("q"))
                .select(col("layer"), col("head"), col("metric"), col("epsilon"), col("count"), col("mean"),
                        expr("mean - 1.96D * sd / sqrt(count)").as("ci_low"), expr("mean + 1.96D * sd / sqrt(count)").as("ci_high"),
                        expr("q[0]").as("q10"), expr("q[1]").as("median"), expr("q[2]").as("q90"));
    }

    /**
     * The task: each input row through {@link PassageAnalysis}, lazily (one passage, so one attention tensor, at a
     * time). A passage that fails gives one error row naming it, logged, and the others go on.
     */
    static final class Analyse implements MapPartitionsFunction<Row, Row> {

        private final PretrainedModel model;
        private final double[] epsilons;
        private final int maxTokens;

        Analyse(PretrainedModel model, double[] epsilons, int maxTokens) {
            this.model = model;
            this.epsilons = epsilons.clone();
            this.maxTokens = maxTokens;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            Bert bert = Models.get(model);
            TaskContext tc = TaskContext.get();
            String where = tc == null ? "task" : "partition " + tc.partitionId();
            return new Iterator<>() {
                private Iterator<Row> current = Collections.emptyIterator();
                private int index;

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && input.hasNext()) {
                        current = analyse(input.next(), where + ", row " + index++).iterator();
                    }
                    return current.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }

                private List<Row> analyse(Row r, String rowName) {
                    String id = r.isNullAt(0) ? "<" + rowName + ">" : r.getString(0);
                    try {
                        CorpusPassage p = Schemas.passage(r, rowName);
                        return PassageAnalysis.analyse(bert, p, epsilons, maxTokens).stream().map(Schemas::row).toList();
                    } catch (RuntimeException e) {
                        String message = e.getMessage() != null && e.getMessage().contains(id) ? e.getMessage()
                                : "passage '" + id + "': " + e;
                        LOG.warn("corpus job: {}", message);
                        return List.of(Schemas.error(new PassageError(id, message)));
                    } catch (Error e) {
                        // out of memory, say: the task fails and Spark retries it; the log names the passage
                        LOG.error("corpus job: passage '{}' failed its task ({}); Spark retries the task", id, e.toString());
                        throw e;
                    }
                }
            };
        }
    }
}
