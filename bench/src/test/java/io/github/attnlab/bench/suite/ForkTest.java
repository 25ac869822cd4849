package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkTest {

    /** A stand-in for a forked JVM: writes a result to args[0], or fails as args[1] says. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            if (args.length > 1 && args[1].equals("throw")) {
                throw new IllegalStateException("outer", new java.io.IOException("the root cause"));
            }
            if (args.length > 1 && args[1].equals("garbage")) {
                Files.writeString(Path.of(args[0]), "not a result\n");
                return;
            }
            Measured m = new Measured(Op.SOFTMAX_F32, "n = 8", new Samples(new double[] {0.5}), List.of(), 64, "");
            Files.writeString(Path.of(args[0]), ForkResultCodec.encode(new ForkResult("none", List.of(m))));
        }
    }

    private static ForkResult fork(Path result, String how) {
        List<String> cmd = JavaCommand.ofThisJvm().command(Child.class, List.of(result.toString(), how));
        return Fork.run(cmd, result, Duration.ofMinutes(2));
    }

    @Test
    void readsTheResultOfAForkedJvm(@TempDir Path dir) throws Exception {
        Path result = dir.resolve("r.txt");
        Files.writeString(result, "stale");
        ForkResult r = fork(result, "ok");
        assertEquals("none", r.peers());
        assertEquals(Op.SOFTMAX_F32, r.lines().get(0).op());
    }

    @Test
    void aFailedForkSaysWhy(@TempDir Path dir) {
        Fork.Failure e = assertThrows(Fork.Failure.class, () -> fork(dir.resolve("r.txt"), "throw"));
        assertTrue(e.getMessage().startsWith("its JVM exited with status 1: Caused by: java.io.IOException: the root"
                + " cause"), e.getMessage());
        e = assertThrows(Fork.Failure.class, () -> fork(dir.resolve("r.txt"), "garbage"));
        assertTrue(e.getMessage().contains("is unreadable: text: line 1"), e.getMessage());
    }

    @Test
    void causeIsTheLastExceptionLineThatIsNoStackFrame() {
        assertEquals(": Caused by: java.lang.OutOfMemoryError: Java heap space", Fork.cause(List.of("[perf] LANCZOS",
                "Exception in thread \"main\" java.lang.RuntimeException: x", "\tat a.B.c(B.java:1)",
                "Caused by: java.lang.OutOfMemoryError: Java heap space", "\tat a.B.d(B.java:2)", "\t... 3 more")));
        assertEquals(": killed", Fork.cause(List.of("[perf] start", "killed", "  ")));
        assertEquals("", Fork.cause(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Fork.cause(null));
    }
}
