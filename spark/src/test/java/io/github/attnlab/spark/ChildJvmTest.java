package io.github.attnlab.spark;

import static io.github.attnlab.spark.CorpusJobTest.EPS;
import static io.github.attnlab.spark.CorpusJobTest.HEADS;
import static io.github.attnlab.spark.CorpusJobTest.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON-lines input with corrupted rows, run in a child JVM (how a notebook runs the job): each corrupted row gives
 * an error naming its passage, the others complete and equal the single-process rows, read back through export/.
 */
class ChildJvmTest {

    @Test
    void corruptedRowsGiveErrorsNamingThePassageAndTheOthersCompleteInAChildJvm(@TempDir Path dir) throws Exception {
        List<CorpusPassage> good = CorpusJobTest.corpus().subList(0, 3);
        List<String> lines = new ArrayList<>();
        for (CorpusPassage p : good) {
            lines.add("{\"id\":\"" + p.id() + "\",\"document\":\"" + p.document() + "\",\"window\":" + p.window()
                    + ",\"text\":\"" + p.text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        }
        lines.add(1, "{\"id\":\"broken-no-text\",\"document\":\"moby-dick/chapter_1\",\"window\":99}");
        lines.add(2, "{\"id\":\"broken-empty\",\"document\":\"moby-dick/chapter_1\",\"window\":98,\"text\":\"  \"}");
        lines.add("{\"id\": \"broken-json\", \"text\": ");
        Path input = dir.resolve("passages.jsonl");
        Files.write(input, lines);
        String previous = System.getProperty(ChildJvm.CLASSPATH_PROPERTY);
        System.setProperty(ChildJvm.CLASSPATH_PROPERTY, System.getProperty("java.class.path"));   // surefire's classpath
        CorpusResult r;
        try {
            r = CorpusJob.over(input).model(MODEL).epsilons(EPS).passagesPerPartition(2).cores(2).childHeapMegabytes(1024)
                    .output(dir.resolve("out")).launch(Launch.CHILD_JVM).run();
        } finally {
            if (previous == null) {
                System.clearProperty(ChildJvm.CLASSPATH_PROPERTY);
            } else {
                System.setProperty(ChildJvm.CLASSPATH_PROPERTY, previous);
            }
        }
        System.out.println(r + "\n" + r.errors());
        assertEquals(1, r.metrics().modelLoads(), "the child JVM loads the weights once");
        assertEquals(3, r.errors().size(), () -> "errors: " + r.errors());
        Map<String, String> messages = r.errors().stream().collect(Collectors.toMap(PassageError::passageId, PassageError::message));
        assertTrue(messages.get("broken-no-text").contains("passage 'broken-no-text': text is missing"), messages::toString);
        assertTrue(messages.get("broken-empty").contains("passage 'broken-empty': text is empty"), messages::toString);
        String unnamed = messages.keySet().stream().filter(id -> id.startsWith("<")).findFirst().orElseThrow();
        assertTrue(messages.get(unnamed).contains("no passage id"), messages::toString);
        assertEquals(good.size(), r.passages());
        assertEquals(good.size() * HEADS, r.rows().size());
        for (CorpusPassage p : good) {
            assertEquals(PassageAnalysis.analyse(Models.get(MODEL), p, EPS, 128), CorpusJobTest.byPassage(r.rows()).get(p.id()), p.id());
        }
        assertFalse(r.rows().stream().anyMatch(s -> s.passageId().startsWith("broken")));
    }
}
