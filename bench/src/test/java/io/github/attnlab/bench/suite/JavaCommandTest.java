package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void keepsTheOptionsThatShapeTheMeasurementInOrder() {
        List<String> in = List.of("--add-modules=jdk.incubator.vector", "-Xmx6g", "-Dattnlab.x=1",
                "-XX:+UseParallelGC", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-ea",
                "-javaagent:/tmp/agent.jar", "-Xdebug", "-Xrunjdwp:transport=dt_socket", "-Xss4m", "-verbose:gc",
                "--enable-preview");
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-Xmx6g", "-Dattnlab.x=1", "-XX:+UseParallelGC",
                "-ea", "-Xss4m", "--enable-preview"), JavaCommand.kept(in));
    }

    @Test
    void commandLine() {
        JavaCommand j = new JavaCommand(Path.of("/jdk/bin/java"), "a.jar:b.jar",
                List.of("--add-modules=jdk.incubator.vector", "-Xmx6g"));
        assertEquals(List.of("/jdk/bin/java", "--add-modules=jdk.incubator.vector", "-Xmx6g", "-cp", "a.jar:b.jar",
                "io.github.attnlab.bench.suite.Suite", "--fork", "LANCZOS"),
                j.command(Suite.class, List.of("--fork", "LANCZOS")));
    }

    @Test
    void thisJvm() {
        JavaCommand j = JavaCommand.ofThisJvm();
        assertTrue(Files.isExecutable(j.java()), j.java().toString());
        assertEquals(System.getProperty("java.class.path"), j.classPath());
    }

    @Test
    void refusesNulls() {
        assertThrows(IllegalArgumentException.class, () -> new JavaCommand(null, "a.jar", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new JavaCommand(Path.of("java"), "", List.of()));
        assertThrows(IllegalArgumentException.class, () -> JavaCommand.kept(null));
    }
}
