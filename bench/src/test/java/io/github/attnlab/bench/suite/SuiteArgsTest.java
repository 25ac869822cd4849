package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteArgsTest {

    @Test
    void parsesOperationNames() {
        assertEquals(EnumSet.of(Op.SOFTMAX_F32, Op.LANCZOS), SuiteArgs.parseOps("softmax_f32, LANCZOS"));
    }

    @Test
    void defaults() {
        SuiteArgs a = SuiteArgs.parse();
        assertEquals(Mode.FULL, a.mode());
        assertEquals(Path.of("target/bench"), a.out());
        assertEquals(EnumSet.allOf(Op.class), a.ops());
        assertEquals(Duration.ofMinutes(30), a.timeout());
        assertNull(a.fork());
        assertEquals(List.of(Op.values()), a.planned());
    }

    @Test
    void plannedInTableOrderWithoutBertBaseWhenQuick() {
        SuiteArgs a = SuiteArgs.parse("--quick", "--ops", "LANCZOS,BERT_FORWARD,SOFTMAX_F64,MINILM_FORWARD");
        assertEquals(List.of(Op.SOFTMAX_F64, Op.MINILM_FORWARD, Op.LANCZOS), a.planned());
    }

    @Test
    void forkArgumentsReadBackAsTheForkOfTheSameRun() {
        SuiteArgs parent = SuiteArgs.parse("--quick", "--out", "/tmp/o ut", "--python", "/usr/bin/python3", "--peers",
                "p.py", "--ops", "LANCZOS,SOFTMAX_F32", "--timeout", "7");
        Path result = Path.of("/tmp/o ut/suite-forks/LANCZOS.txt");
        List<String> args = parent.forkArgs(Op.LANCZOS, result);
        assertEquals(List.of("--quick", "--out", "/tmp/o ut", "--python", "/usr/bin/python3", "--peers", "p.py",
                "--fork", "LANCZOS", "--result", "/tmp/o ut/suite-forks/LANCZOS.txt"), args);
        SuiteArgs child = SuiteArgs.parse(args.toArray(String[]::new));
        assertEquals(Mode.QUICK, child.mode());
        assertEquals(parent.out(), child.out());
        assertEquals(parent.python(), child.python());
        assertEquals(parent.peers(), child.peers());
        assertEquals(Op.LANCZOS, child.fork());
        assertEquals(result, child.result());
        assertNull(child.readme());
        assertEquals(Mode.FULL, SuiteArgs.parse(SuiteArgs.parse().forkArgs(Op.DENSE_EIGEN, result)
                .toArray(String[]::new)).mode());
    }

    @Test
    void headerNamesThePeersOfTheFirstForkWhosePeersRan() {
        assertEquals("none reported yet", Suite.peers(List.of()));
        assertEquals("not run: no torch", Suite.peers(List.of("not run: no torch", "not run: crashed")));
        assertEquals("torch 1.13", Suite.peers(List.of("not run: crashed", "torch 1.13", "torch 2")));
    }

    @Test
    void refusesUnknownNamesAndArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuiteArgs.parseOps("SOFTMAX"));
        assertTrue(e.getMessage().startsWith("ops:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Suite.main(new String[] {"--fast"}));
        assertTrue(e.getMessage().startsWith("args:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Suite.main(new String[] {"--out"}));
        assertTrue(e.getMessage().startsWith("args:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Suite.main(new String[] {"--ops", "LANCZOS", "--readme", "README.md"}));
        assertTrue(e.getMessage().startsWith("args:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SuiteArgs.parse("--fork", "LANCZOS"));
        assertTrue(e.getMessage().startsWith("args:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SuiteArgs.parse("--fork", "LANCZOS,SOFTMAX_F32", "--result", "r"));
        assertTrue(e.getMessage().startsWith("args:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SuiteArgs.parse("--timeout", "soon"));
        assertTrue(e.getMessage().startsWith("args:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SuiteArgs.parse("--timeout", "0"));
    }
}
