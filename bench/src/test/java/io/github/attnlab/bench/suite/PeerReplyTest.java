package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeerReplyTest {

    @Test
    void parsesEveryKind() {
        PeerReply r = PeerReply.parse("time SOFTMAX_F32 2048 0.010900000");
        assertEquals(PeerReply.Kind.TIME, r.kind());
        assertEquals(Op.SOFTMAX_F32, r.op());
        assertEquals(2048, r.size());
        assertEquals(0.0109, r.seconds(), 1e-12);
        r = PeerReply.parse("loaded LANCZOS 100000 eigsh: eigenvalues 0.00000 0.01, max residual 1e-9");
        assertEquals(PeerReply.Kind.LOADED, r.kind());
        assertEquals("eigsh: eigenvalues 0.00000 0.01, max residual 1e-9", r.text());
        r = PeerReply.parse("ready torch 1.13.1, numpy 1.24.2, scipy 1.10.1, 1 thread");
        assertEquals(PeerReply.Kind.READY, r.kind());
        assertEquals("torch 1.13.1, numpy 1.24.2, scipy 1.10.1, 1 thread", r.text());
        r = PeerReply.parse("missing No module named 'torch' (install: ...)");
        assertEquals(PeerReply.Kind.MISSING, r.kind());
        assertTrue(r.text().startsWith("No module"));
        r = PeerReply.parse("error ENTMAX15 512 RuntimeError: out of memory");
        assertEquals(PeerReply.Kind.ERROR, r.kind());
        assertEquals("RuntimeError: out of memory", r.text());
    }

    @Test
    void refusesLinesThatBreakTheProtocol() {
        assertThrows(IllegalArgumentException.class, () -> PeerReply.parse(""));
        assertThrows(IllegalArgumentException.class, () -> PeerReply.parse("Traceback (most recent call last):"));
        assertThrows(IllegalArgumentException.class, () -> PeerReply.parse("time SOFTMAX 2048 0.1"));
        assertThrows(IllegalArgumentException.class, () -> PeerReply.parse("time SOFTMAX_F32 2048 fast"));
        assertThrows(IllegalArgumentException.class, () -> PeerReply.parse("time SOFTMAX_F32 2048 -1"));
        assertThrows(IllegalArgumentException.class, () -> PeerReply.parse("time SOFTMAX_F32 2048"));
    }
}
