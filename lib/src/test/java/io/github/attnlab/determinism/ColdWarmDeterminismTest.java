package io.github.attnlab.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.simd.SimdOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Same inputs, same bits: the {@link Workload} computed cold and warm in one fresh JVM gives identical results, on
 * the SIMD path of this test run (the vector path when the incubator module is present, the scalar path in the
 * second surefire execution). The JVM must be fresh, since other tests in this one have already compiled the code.
 */
class ColdWarmDeterminismTest {

    @Test
    void coldAndWarmGiveTheSameBits() throws IOException, InterruptedException {
        boolean vector = SimdOps.vector().isPresent();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xbatch");
        if (vector) {
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
        }
        cmd.add("-Dattnlab.simd=" + (vector ? "vector" : "scalar"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ColdWarmProbe.class.getName());
        cmd.add("1021");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertTrue(out.contains("path " + (vector ? "vector" : "scalar")), out);
        assertEquals(0, code, out);
    }
}
