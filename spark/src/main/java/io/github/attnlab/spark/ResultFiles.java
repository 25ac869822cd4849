package io.github.attnlab.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A result as tab-separated text ({@code export/}), how a child JVM hands the Parquet it wrote (read back by Spark)
 * to a parent that has no Spark: doubles as {@code Double.toString}, which reads back to the same bits.
 */
final class ResultFiles {

    private ResultFiles() {
    }

    static void write(CorpusResult r, Path dir) {
        try {
            Files.createDirectories(dir);
            List<String> rows = new ArrayList<>();
            for (HeadStats s : r.rows()) {
                rows.add(String.join("\t", s.passageId(), "" + s.layer(), "" + s.head(), "" + s.tokens(), join(s.epsilons()),
                        join(s.kFraction()), "" + s.sigma(), "" + s.lambda2(), "" + s.cheeger(), "" + s.haarL1(),
                        "" + s.entmaxSupport()));
            }
            Files.write(dir.resolve("rows.tsv"), rows, StandardCharsets.UTF_8);
            List<String> errors = new ArrayList<>();
            for (PassageError e : r.errors()) {
                errors.add(clean(e.passageId()) + "\t" + clean(e.message()));
            }
            Files.write(dir.resolve("errors.tsv"), errors, StandardCharsets.UTF_8);
            List<String> summary = new ArrayList<>();
            for (HeadSummary s : r.summary()) {
                summary.add(String.join("\t", "" + s.layer(), "" + s.head(), s.metric().name(), "" + s.epsilon(), "" + s.count(),
                        "" + s.mean(), "" + s.ciLow(), "" + s.ciHigh(), "" + s.q10(), "" + s.median(), "" + s.q90()));
            }
            Files.write(dir.resolve("summary.tsv"), summary, StandardCharsets.UTF_8);
            RunMetrics m = r.metrics();
            Properties p = new Properties();
            p.setProperty("epsilons", join(r.epsilons()));
            p.setProperty("passages", "" + m.passages());
            p.setProperty("failed", "" + m.failed());
            p.setProperty("cores", "" + m.cores());
            p.setProperty("partitions", "" + m.partitions());
            p.setProperty("seconds", "" + m.seconds());
            p.setProperty("peakHeapBytes", "" + m.peakHeapBytes());
            p.setProperty("modelLoads", "" + m.modelLoads());
            p.setProperty("failedTasks", "" + m.failedTasks());
            p.setProperty("cpuSeconds", "" + m.cpuSeconds());
            try (var w = Files.newBufferedWriter(dir.resolve("metrics.properties"))) {
                p.store(w, "attnlab corpus job");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
    }

    static CorpusResult read(Path dir) {
        try {
            List<HeadStats> rows = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("rows.tsv"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                rows.add(new HeadStats(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        doubles(f[4]), doubles(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                        Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10])));
            }
            List<PassageError> errors = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("errors.tsv"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 2);
                errors.add(new PassageError(f[0], f[1]));
            }
            List<HeadSummary> summary = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("summary.tsv"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                summary.add(new HeadSummary(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Metric.valueOf(f[2]),
                        Double.parseDouble(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10])));
            }
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(dir.resolve("metrics.properties"))) {
                p.load(r);
            }
            RunMetrics m = new RunMetrics(Long.parseLong(p.getProperty("passages")), Integer.parseInt(p.getProperty("failed")),
                    Integer.parseInt(p.getProperty("cores")), Integer.parseInt(p.getProperty("partitions")),
                    Double.parseDouble(p.getProperty("seconds")), Long.parseLong(p.getProperty("peakHeapBytes")),
                    Integer.parseInt(p.getProperty("modelLoads")), Integer.parseInt(p.getProperty("failedTasks")),
                    Double.parseDouble(p.getProperty("cpuSeconds")));
            return new CorpusResult(doubles(p.getProperty("epsilons")), rows, errors, summary, m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exported result in " + dir, e);
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String join(double[] x) {
        StringBuilder b = new StringBuilder();
        for (double v : x) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }

    private static double[] doubles(String s) {
        return Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
