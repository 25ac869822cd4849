package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SuiteArgsTest {

    @Test
    void parsesOperationNames() {
        assertEquals(EnumSet.of(Op.SOFTMAX_F32, Op.LANCZOS), Suite.parseOps("softmax_f32, LANCZOS"));
    }

    @Test
    void refusesUnknownNamesAndArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Suite.parseOps("SOFTMAX"));
        assertTrue(e.getMessage().startsWith("ops:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Suite.main(new String[] {"--fast"}));
        assertTrue(e.getMessage().startsWith("args:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Suite.main(new String[] {"--out"}));
        assertTrue(e.getMessage().startsWith("args:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Suite.main(new String[] {"--ops", "LANCZOS", "--readme", "README.md"}));
        assertTrue(e.getMessage().startsWith("args:"), e.getMessage());
    }
}
