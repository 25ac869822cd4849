package io.github.attnlab.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments throw an IllegalArgumentException that names them, before any Spark starts. */
class BadInputTest {

    static void refused(String name, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name), () -> "message '" + e.getMessage() + "' does not name " + name);
    }

    @Test
    void refusals() {
        CorpusPassage p = new CorpusPassage("a#w0", "a", 0, "Call me Ishmael.");
        CorpusJob job = CorpusJob.over(List.of(p));
        refused("epsilons[1]", () -> job.epsilons(0.1, 1.0));
        refused("epsilons[0]", () -> job.epsilons(Double.NaN));
        refused("epsilons is empty", () -> job.epsilons(new double[0]));
        refused("p", () -> job.passagesPerPartition(0));
        refused("c", () -> job.cores(0));
        refused("tokens", () -> job.maxTokens(2));
        refused("output", job::run);
        refused("passages is empty", () -> CorpusJob.over(List.of()));
        refused("repeats the id 'a#w0'", () -> CorpusJob.over(List.of(p, p)));
        refused("passagesJsonl", () -> CorpusJob.over(Path.of("no-such-file.jsonl")));
        refused("window", () -> new CorpusPassage("b#w0", "b", -1, "text"));
        refused("words", () -> Passages.of(List.of(), 0, 10));
        refused("name", () -> Passages.dataset("no-such-corpus"));
        refused("kFraction", () -> new HeadStats("x", 0, 0, 3, new double[]{0.1}, new double[]{}, 1, 1, 1, 1, 1));
    }

    @Test
    void recordsCopyTheirArrays() {
        double[] eps = {0.1};
        double[] k = {0.5};
        HeadStats s = new HeadStats("x", 0, 0, 3, eps, k, 1, 1, 1, 1, 1);
        eps[0] = 0.2;
        k[0] = 0.9;
        s.kFraction()[0] = 0.7;
        assertTrue(s.epsilons()[0] == 0.1 && s.kFraction()[0] == 0.5);
    }
}
