package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkResultCodecTest {

    private static ForkResult sample() {
        Measured dense = new Measured(Op.DENSE_EIGEN, "n = 256", new Samples(new double[] {0.1 + 0.2, 1e-7, 3.25}),
                List.of(PeerResult.ran("netlib dsyevd (JNILAPACK)", new Samples(new double[] {0.00606, Math.PI})),
                        PeerResult.missing("numpy", "No module named 'numpy'\n\tat line 3, col\\umn | 4\r")),
                Op.symmetricEigenFlops(256), "0.15 GFLOP per run (9n³); max |λ - λ_EJML| = 7.8e-14");
        Measured noPeers = new Measured(Op.DENSE_EIGEN, "n = 512", new Samples(new double[] {0.199}), List.of(), 0, "");
        return new ForkResult("torch 1.13.0a0, numpy 1.24.2\tscipy 1.10.1, 1 thread", List.of(dense, noPeers));
    }

    @Test
    void roundTripIsExact() {
        ForkResult r = sample();
        ForkResult back = ForkResultCodec.decode(ForkResultCodec.encode(r));
        assertEquals(r.peers(), back.peers());
        assertEquals(r.lines().size(), back.lines().size());
        for (int i = 0; i < r.lines().size(); i++) {
            Measured a = r.lines().get(i);
            Measured b = back.lines().get(i);
            assertEquals(a.op(), b.op());
            assertEquals(a.size(), b.size());
            assertEquals(a.work(), b.work());
            assertEquals(a.note(), b.note());
            assertArrayEquals(a.ours().seconds(), b.ours().seconds());
            assertEquals(a.peers().size(), b.peers().size());
            for (int j = 0; j < a.peers().size(); j++) {
                PeerResult p = a.peers().get(j);
                PeerResult q = b.peers().get(j);
                assertEquals(p.name(), q.name());
                assertEquals(p.missing(), q.missing());
                assertEquals(p.ran(), q.ran());
                if (p.ran()) {
                    assertArrayEquals(p.samples().seconds(), q.samples().seconds());
                }
            }
        }
        // and the table made from them is the same
        MachineLimits limits = new MachineLimits(40, 47, 268, 136, "512-bit");
        assertEquals(new Report("h", limits, List.copyOf(r.lines())).markdown(),
                new Report("h", limits, List.copyOf(back.lines())).markdown());
    }

    @Test
    void oneRowPerLineAndPeer() {
        String text = ForkResultCodec.encode(sample());
        String[] rows = text.split("\n");
        assertEquals(ForkResultCodec.MAGIC, rows[0]);
        // the magic, the peers, a line and its 2 peers, a line without peers, the end
        assertEquals(7, rows.length, text);
        assertTrue(rows[1].startsWith("peers\t") && rows[3].startsWith("peer\t") && rows[6].equals("end\t2"), text);
    }

    @Test
    void escapesReadBack() {
        String s = "a\\b\tc\nd\re\\t";
        assertEquals(s, ForkResultCodec.unescape(ForkResultCodec.escape(s)));
        assertTrue(!ForkResultCodec.escape(s).contains("\t") && !ForkResultCodec.escape(s).contains("\n"));
        assertThrows(IllegalArgumentException.class, () -> ForkResultCodec.unescape("a\\"));
        assertThrows(IllegalArgumentException.class, () -> ForkResultCodec.unescape("a\\x"));
    }

    @Test
    void refusesTextCutShortOrMalformed() {
        String text = ForkResultCodec.encode(sample());
        String cut = text.substring(0, text.indexOf("\nend")) + "\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForkResultCodec.decode(cut));
        assertTrue(e.getMessage().startsWith("text:"), e.getMessage());
        String fewer = text.replace("end\t2", "end\t3");
        e = assertThrows(IllegalArgumentException.class, () -> ForkResultCodec.decode(fewer));
        assertTrue(e.getMessage().contains("line 7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ForkResultCodec.decode("something else\n"));
        assertThrows(IllegalArgumentException.class,
                () -> ForkResultCodec.decode(text.replace("DENSE_EIGEN", "NO_SUCH_OP")));
        assertThrows(IllegalArgumentException.class, () -> ForkResultCodec.decode(text.replace("\tran\t", "\tdone\t")));
        assertThrows(IllegalArgumentException.class, () -> ForkResultCodec.decode(text + "line\n"));
        assertThrows(IllegalArgumentException.class, () -> ForkResultCodec.decode(null));
    }

    @Test
    void resultNeedsLines() {
        assertThrows(IllegalArgumentException.class, () -> new ForkResult("v", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ForkResult(null, List.of()));
    }
}
