package io.github.attnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.train.task.AlgorithmicTask;
import io.github.attnlab.train.task.CharCorpus;
import io.github.attnlab.train.task.WordCorpus;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tasks' examples, by hand, and the corpus split. */
class TaskTest {

    @Test
    void copyReverseSortByHand() {
        int[] x = {3, 0, 2};
        Example c = AlgorithmicTask.copy(4).example(x);
        assertArrayEquals(new int[] {3, 0, 2, 4, 3, 0}, c.tokens());
        assertArrayEquals(new int[] {-1, -1, -1, 3, 0, 2}, c.targets());
        assertArrayEquals(new int[] {-1, -1, -1, 2, 0, 3}, AlgorithmicTask.reverse(4).example(x).targets());
        Example s = AlgorithmicTask.sort(4).example(x);
        assertArrayEquals(new int[] {3, 0, 2, 4, 0, 2}, s.tokens());
        assertArrayEquals(new int[] {-1, -1, -1, 0, 2, 3}, s.targets());
        assertThrows(IllegalArgumentException.class, () -> AlgorithmicTask.sort(4).example(new int[] {4}));
    }

    @Test
    void sameSeedSameExamples() {
        AlgorithmicTask t = AlgorithmicTask.reverse(9);
        List<Example> a = t.sample(new Random(5), 7, 3);
        List<Example> b = t.sample(new Random(5), 7, 3);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a.get(i).tokens(), b.get(i).tokens());
        }
    }

    @Test
    void corpusHoldsOutTheEnd() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("abcd ");
        }
        text.append("xyz!");
        CharCorpus c = CharCorpus.of("t", text.toString(), 0.1);
        assertEquals(5 + 1, c.vocabulary(), "a b c d space + unknown");
        List<Example> v = c.validation(5, 4);
        assertEquals(4, v.size());
        String last = c.decode(v.get(3).tokens());
        assertTrue(last.contains("\uFFFD"), "held-out characters never seen in training map to unknown: " + last);
        for (int i = 0; i < 200; i++) {
            Example e = c.sample(new Random(i), 8);
            for (int t : e.tokens()) {
                assertTrue(t < 5, "training windows come from the training part");
            }
        }
        int[] tg = v.get(0).targets();
        int[] tk = v.get(0).tokens();
        for (int i = 0; i + 1 < tk.length; i++) {
            assertEquals(tk[i + 1], tg[i], "targets are the next characters");
        }
    }

    @Test
    void wordCorpusKeepsTheFrequentWords() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("The whale, the sea. ");
        }
        text.append("Ahab rare");
        WordCorpus c = WordCorpus.of("t", text.toString(), 0.05, 4);
        assertEquals(4, c.vocabulary());
        assertEquals("the whale , <unk>", c.decode(new int[] {0, 1, 2, 3}));
        List<Example> v = c.validation(3, 2);
        assertTrue(c.decode(v.get(1).tokens()).endsWith("<unk> <unk>"), c.decode(v.get(1).tokens()));
    }
}
