package io.github.attnlab.spark;

import io.github.attnlab.model.bert.PretrainedModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The child JVM's main (and a command line): runs a job over a JSON-lines file of passages in this JVM and exports
 * the result ({@code <output>/export/}).
 *
 * <pre>java [add-opens flags] -cp attnlab-spark.jar:spark-deps/* io.github.attnlab.spark.CorpusJobMain \
 *     --input passages.jsonl --output dir --model all-MiniLM-L6-v2 --epsilons 0.01,0.05,0.1 --max-tokens 128 \
 *     --per-partition 16 --cores 2 --ui false</pre>
 */
public final class CorpusJobMain {

    private CorpusJobMain() {
    }

    /** Runs the job the arguments describe. */
    public static void main(String[] args) {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("args[" + i + "] = '" + args[i] + "' is not an option (--name value)");
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("input", "output")) {
            if (!a.containsKey(required)) {
                throw new IllegalArgumentException("args: --" + required + " is missing");
            }
        }
        CorpusJob job = CorpusJob.over(Path.of(a.get("input"))).output(Path.of(a.get("output")))
                .model(PretrainedModel.named(a.getOrDefault("model", PretrainedModel.ALL_MINILM_L6_V2.modelName())))
                .epsilons(Arrays.stream(a.getOrDefault("epsilons", "0.01,0.05,0.1").split(",")).mapToDouble(Double::parseDouble).toArray())
                .maxTokens(Integer.parseInt(a.getOrDefault("max-tokens", "128")))
                .passagesPerPartition(Integer.parseInt(a.getOrDefault("per-partition", "16")))
                .cores(Integer.parseInt(a.getOrDefault("cores", "2")))
                .ui(Boolean.parseBoolean(a.getOrDefault("ui", "false")))
                .launch(Launch.IN_PROCESS);
        CorpusResult r = job.run();
        ResultFiles.write(r, job.output().resolve("export"));
        System.out.println("corpus job: " + r.metrics());
    }

    static List<String> arguments(CorpusJob job, Path input) {
        StringBuilder eps = new StringBuilder();
        for (double e : job.epsilons()) {
            eps.append(eps.length() == 0 ? "" : ",").append(e);
        }
        return List.of("--input", input.toString(), "--output", job.output().toString(), "--model", job.model().name(),
                "--epsilons", eps.toString(), "--max-tokens", "" + job.maxTokens(), "--per-partition",
                "" + job.passagesPerPartition(), "--cores", "" + job.cores(), "--ui", "" + job.ui());
    }
}
