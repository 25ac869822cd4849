package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The LANCZOS line's note on the runs at tolerance 1e-11, timed in the same rounds as the peer. */
class TightNoteTest {

    private static PeerResult ran(String name, double... seconds) {
        return PeerResult.ran(name, new Samples(seconds));
    }

    @Test
    void givesTheTimesTheResidualAndTheRatioToThePeer() {
        assertEquals("at tolerance 1e-11, in the same rounds: 6.00 s [5.00-7.00 s], max residual 2.3e-10, "
                        + "1.20x slower than scipy",
                OpRun.tightNote(ran("AttnLab at tolerance 1e-11", 7, 5, 6), ran("scipy", 5, 4, 6), 2.3e-10));
        assertEquals("at tolerance 1e-11, in the same rounds: 4.00 s [4.00-4.00 s], max residual 1.0e-10, "
                        + "1.25x faster than scipy",
                OpRun.tightNote(ran("AttnLab at tolerance 1e-11", 4, 4, 4), ran("scipy", 5, 5, 5), 1e-10));
    }

    @Test
    void saysWhatDidNotRun() {
        assertEquals("at tolerance 1e-11: did not run: no convergence",
                OpRun.tightNote(PeerResult.missing("AttnLab at tolerance 1e-11", "no convergence"),
                        ran("scipy", 5), 0));
        assertEquals("at tolerance 1e-11, in the same rounds: 6.00 s [6.00-6.00 s], max residual 2.3e-10",
                OpRun.tightNote(ran("AttnLab at tolerance 1e-11", 6), PeerResult.missing("scipy", "no python"),
                        2.3e-10));
    }
}
