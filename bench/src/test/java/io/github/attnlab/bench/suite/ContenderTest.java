package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContenderTest {

    /** Counts its runs; each takes about {@code millis}. */
    private static final class Counted {
        int runs;
        final Contender contender;

        Counted(String name, long millis) {
            contender = new Contender(name, () -> {
                runs++;
                long end = System.nanoTime() + millis * 1_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                return millis / 1e3;
            });
        }
    }

    @Test
    void warmUpRunsTheRoundsAskedWhenNoTimeIsAsked() {
        Counted a = new Counted("a", 0);
        Counted b = new Counted("b", 0);
        int warm = Contender.interleave(List.of(a.contender, b.contender), 2, 0.0, 3);
        assertEquals(2, warm);
        assertEquals(5, a.runs);
        assertEquals(5, b.runs);
        assertEquals(3, a.contender.samples().count());
    }

    @Test
    void warmUpGoesOnUntilItsTimeHasPassedForEveryContenderAlike() {
        Counted a = new Counted("a", 5);
        Counted b = new Counted("b", 5);
        int warm = Contender.interleave(List.of(a.contender, b.contender), 1, 0.2, 2);
        // 10 ms a round: 0.2 s takes about 20 rounds; scheduling can only lengthen a round, so at most 20
        assertTrue(warm >= 2 && warm <= 21, "warm-up rounds: " + warm);
        assertEquals(warm + 2, a.runs);
        assertEquals(a.runs, b.runs);
        assertEquals(2, b.contender.samples().count());
    }

    @Test
    void theHeaderSaysHowEachModeWarmsUp() {
        assertEquals("untimed rounds for at least 3 s (at least 1)", Suite.warmUp(Mode.FULL));
        assertEquals("1 untimed round", Suite.warmUp(Mode.QUICK));
    }
}
