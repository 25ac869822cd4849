package io.github.attnlab.spark;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a job in a child JVM ({@link Launch#CHILD_JVM}): {@code java} of this JDK with Spark's add-opens flags, the
 * classpath of this module's jar and {@code spark-deps/} beside it (the build copies Spark there), the
 * {@link CorpusJobMain} main; its output lines are copied to {@code System.out} (the progress line), and the result
 * comes back through {@code export/} ({@link ResultFiles}).
 */
final class ChildJvm {

    /** The flags Spark needs on Java 17 (the same as surefire's argLine in {@code spark/pom.xml}). */
    static final List<String> ADD_OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    /** A system property naming the child's classpath instead of this jar and {@code spark-deps/*} beside it. */
    static final String CLASSPATH_PROPERTY = "attnlab.spark.classpath";

    private ChildJvm() {
    }

    static CorpusResult run(CorpusJob job) {
        Path out = job.output();
        try {
            Files.createDirectories(out);
            Path input = job.input();
            if (input == null) {
                input = out.resolve("input.jsonl");
                StringBuilder b = new StringBuilder();
                for (CorpusPassage p : job.passages()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", p.id());
                    m.put("document", p.document());
                    m.put("window", p.window());
                    m.put("text", p.text());
                    b.append(JSON.std.asString(m)).append('\n');
                }
                Files.writeString(input, b.toString(), StandardCharsets.UTF_8);
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx" + job.childHeapMegabytes() + "m");
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
            cmd.addAll(ADD_OPENS);
            cmd.add("-cp");
            cmd.add(classpath());
            cmd.add(CorpusJobMain.class.getName());
            cmd.addAll(CorpusJobMain.arguments(job, input));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Deque<String> tail = new ArrayDeque<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("corpus job") || line.contains(" WARN ") || line.contains("ERROR")) {
                        System.out.println(line);
                    }
                    tail.addLast(line);
                    if (tail.size() > 60) {
                        tail.removeFirst();
                    }
                }
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("the corpus job's child JVM exited with " + code + "; its last lines:\n"
                        + String.join("\n", tail));
            }
            return ResultFiles.read(out.resolve("export"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the corpus job in " + out, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the corpus job ran", e);
        }
    }

    /** This module's jar (or classes) and every jar in {@code spark-deps/} beside it. */
    static String classpath() {
        String given = System.getProperty(CLASSPATH_PROPERTY);
        if (given != null) {
            return given;
        }
        try {
            Path self = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path deps = self.getParent().resolve("spark-deps");
            if (!Files.isDirectory(deps)) {
                throw new IllegalStateException("no " + deps + " beside " + self + ": build the module first"
                        + " (./mvnw -pl spark -am -DskipTests package)");
            }
            return self + File.pathSeparator + deps.resolve("*");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the attnlab-spark classes", e);
        }
    }
}
