package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThreadsNoteTest {

    @Test
    void timesSpeedUpAndBits() {
        Samples one = new Samples(new double[] {0.120, 0.118, 0.125});
        Samples two = new Samples(new double[] {0.070, 0.069, 0.072});
        assertEquals("AttnLab on 2 threads: 70.0 ms [69.0–72.0 ms], 1.71× the one-thread speed, same bits",
                ThreadsNote.of(2, one, two, true));
        assertEquals("AttnLab on 2 threads: 70.0 ms [69.0–72.0 ms], 1.71× the one-thread speed, NOT the same bits",
                ThreadsNote.of(2, one, two, false));
    }

    @Test
    void refusesOneThreadAndMissingSamples() {
        Samples s = new Samples(new double[] {1});
        assertEquals("threads = 1 must be at least 2",
                assertThrows(IllegalArgumentException.class, () -> ThreadsNote.of(1, s, s, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ThreadsNote.of(2, null, s, true));
    }
}
