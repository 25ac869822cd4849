package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReadmeSectionTest {

    private static final String B = ReadmeSection.BEGIN;
    private static final String E = ReadmeSection.END;

    @Test
    void replacesOnlyBetweenTheMarkers() {
        String text = "# T\n\n## Performance\n" + B + "\nold table\n" + E + "\n\n## Next\n";
        String out = ReadmeSection.replace(text, "new table");
        assertEquals("# T\n\n## Performance\n" + B + "\nnew table\n" + E + "\n\n## Next\n", out);
        assertEquals(out, ReadmeSection.replace(out, "new table\n"), "idempotent");
    }

    @Test
    void refusesMissingRepeatedOrSwappedMarkers() {
        assertThrows(IllegalArgumentException.class, () -> ReadmeSection.replace("no markers", "x"));
        assertThrows(IllegalArgumentException.class, () -> ReadmeSection.replace(E + B, "x"));
        assertThrows(IllegalArgumentException.class, () -> ReadmeSection.replace(B + E + B + E, "x"));
    }
}
