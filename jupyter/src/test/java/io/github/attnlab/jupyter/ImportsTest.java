package io.github.attnlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** The start-up imports compile in JShell (the engine of both kernels) against the library. */
class ImportsTest {

    @Test
    void everyPackageIsFoundAndImports() {
        List<String> packages = Imports.packages();
        assertTrue(packages.size() >= 20, packages.toString());
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            for (String line : Imports.script().split("\n")) {
                List<SnippetEvent> events = shell.eval(line);
                assertEquals(Snippet.Status.VALID, events.get(0).status(), line + ": "
                        + shell.diagnostics(events.get(0).snippet()).map(d -> d.getMessage(null)).toList());
            }
            List<SnippetEvent> use = shell.eval("TopK.of(1.0, 2.0, 3.0).certify(0.1).k()");
            assertEquals(Snippet.Status.VALID, use.get(0).status());
            assertEquals("2", use.get(0).value());
        }
    }

    /** jupyter/rapaio-startup.jsh (rapaio's RJK_INIT_SCRIPT): the same imports, then rapaio's display() again. */
    @Test
    void theRapaioStartupFileHasTheSameImports() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("rapaio-startup.jsh")).stream()
                .filter(l -> !l.startsWith("//")).toList();
        assertEquals("import static org.rapaio.jupyter.kernel.global.Global.*;", lines.get(lines.size() - 1));
        String imports = lines.subList(0, lines.size() - 1).stream().map(l -> l + "\n").collect(Collectors.joining());
        assertEquals(Imports.script(), imports, "regenerate jupyter/rapaio-startup.jsh from Imports.script()");
    }

    /** scripts/attnlab.jsh (the start-up script without the display module) imports the same packages. */
    @Test
    void theLibraryStartupScriptImportsTheSamePackages() throws Exception {
        List<String> script = Files.readAllLines(Path.of("..", "scripts", "attnlab.jsh")).stream()
                .filter(l -> l.startsWith("import io.github.attnlab."))
                .map(l -> l.substring("import ".length(), l.length() - ".*;".length())).sorted().toList();
        assertEquals(Imports.packages().stream().sorted().toList(), script);
    }
}
