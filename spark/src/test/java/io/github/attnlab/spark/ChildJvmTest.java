package io.github.attnlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job in a child JVM (how a notebook runs it) gives the single-process rows, read back through export/. */
class ChildJvmTest {

    @Test
    void childJvmEqualsSingleProcess(@TempDir Path dir) {
        List<CorpusPassage> passages = CorpusJobTest.corpus().subList(0, 3);
        String previous = System.getProperty(ChildJvm.CLASSPATH_PROPERTY);
        System.setProperty(ChildJvm.CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
        try {
            CorpusResult r = CorpusJob.over(passages).model(CorpusJobTest.MODEL).epsilons(CorpusJobTest.EPS).cores(1)
                    .childHeapMegabytes(1024).output(dir).launch(Launch.CHILD_JVM).run();
            System.out.println(r);
            assertTrue(r.errors().isEmpty(), () -> "errors: " + r.errors());
            assertEquals(1, r.metrics().modelLoads(), "the child loads the weights once");
            for (CorpusPassage p : passages) {
                assertEquals(PassageAnalysis.analyse(Models.get(CorpusJobTest.MODEL), p, CorpusJobTest.EPS, 128),
                        CorpusJobTest.byPassage(r.rows()).get(p.id()), p.id());
            }
        } finally {
            if (previous == null) {
                System.clearProperty(ChildJvm.CLASSPATH_PROPERTY);
            } else {
                System.setProperty(ChildJvm.CLASSPATH_PROPERTY, previous);
            }
        }
    }
}
