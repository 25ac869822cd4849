package io.github.attnlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The kernel start-up script imports exactly the packages of the library that have public classes. */
class StartupScriptTest {

    @Test
    void importsEveryPublicPackage() throws IOException {
        Set<String> imported = Files.readAllLines(Path.of("..", "scripts", "attnlab.jsh")).stream()
                .filter(l -> l.startsWith("import io.github.attnlab."))
                .map(l -> l.substring("import ".length(), l.length() - ".*;".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> packages = Samples.publicClasses().stream().map(Class::getPackageName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(packages, imported);
    }
}
