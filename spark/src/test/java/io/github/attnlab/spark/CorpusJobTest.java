package io.github.attnlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.PretrainedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job in local mode on a small real corpus (Moby-Dick, all-MiniLM-L6-v2) against the single-process path. */
class CorpusJobTest {

    static final PretrainedModel MODEL = PretrainedModel.ALL_MINILM_L6_V2;
    static final double[] EPS = {0.01, 0.1};
    static final int WORDS = 24;
    static final int PASSAGES = 5;
    static final int HEADS = 6 * 12;

    static List<CorpusPassage> corpus() {
        return Passages.of(Passages.dataset("moby-dick"), WORDS, PASSAGES);
    }

    static Map<String, List<HeadStats>> byPassage(List<HeadStats> rows) {
        return rows.stream().collect(Collectors.groupingBy(HeadStats::passageId, LinkedHashMap::new, Collectors.toList()));
    }

    @Test
    void distributedEqualsSingleProcessPassageByPassageAndRerunIsIdempotent(@TempDir Path dir) throws Exception {
        List<CorpusPassage> passages = corpus();
        assertEquals(PASSAGES, passages.size());
        CorpusJob job = CorpusJob.over(passages).model(MODEL).epsilons(EPS).passagesPerPartition(2).cores(2).output(dir);
        CorpusResult first = job.run();
        System.out.println(first);
        assertTrue(first.errors().isEmpty(), () -> "errors: " + first.errors());
        assertEquals(3, first.metrics().partitions());
        assertTrue(first.metrics().modelLoads() <= 1, "weights loaded " + first.metrics().modelLoads() + " times");

        Bert bert = Models.get(MODEL);
        Map<String, List<HeadStats>> distributed = byPassage(first.rows());
        assertEquals(PASSAGES, distributed.size());
        for (CorpusPassage p : passages) {
            List<HeadStats> single = PassageAnalysis.analyse(bert, p, EPS, 128);
            assertEquals(HEADS, single.size());
            assertEquals(single, distributed.get(p.id()), "passage " + p.id());
        }
        assertEquals(1, Models.loads(), "the weights are loaded once per JVM");

        // summary: per (layer, head) and metric, the count is the number of passages and the mean lies in its interval
        assertEquals(HEADS * (Metric.values().length - 1 + EPS.length), first.summary().size());
        for (HeadSummary s : first.summary()) {
            assertEquals(PASSAGES, s.count(), s::toString);
            assertTrue(s.ciLow() <= s.mean() && s.mean() <= s.ciHigh() && s.q10() <= s.median() && s.median() <= s.q90(), s::toString);
        }
        HeadSummary k = first.summary(Metric.K_FRACTION, 1).get(0);
        double mean = 0;
        for (List<HeadStats> rows : distributed.values()) {
            mean += rows.stream().filter(r -> r.layer() == k.layer() && r.head() == k.head()).findFirst().orElseThrow()
                    .kFraction()[1] / PASSAGES;
        }
        assertEquals(mean, k.mean(), 1e-12, "the summary's mean is the mean of the rows");

        CorpusResult second = job.run();
        assertEquals(first.rows(), second.rows(), "a re-run over existing output gives the same rows");
        assertEquals(first.summary(), second.summary());
        try (var files = Files.list(dir.resolve("rows"))) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".parquet")));
        }
        assertEquals(PASSAGES * HEADS, second.rows().size(), "the output was replaced, not appended to");
    }
}
