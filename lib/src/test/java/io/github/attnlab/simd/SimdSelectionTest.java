package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which path is chosen, and the errors of a forced path that is unavailable. */
class SimdSelectionTest {

    private static boolean moduleInBootLayer() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    @Test
    void automaticChoiceFollowsTheModule() {
        String expected = System.getProperty("attnlab.expect.simd");
        if ("scalar".equals(expected)) {
            // The surefire run without --add-modules: the fallback must be taken, and nothing
            // in the library may have linked against the incubator module.
            assertTrue(!moduleInBootLayer(), "this run was configured without jdk.incubator.vector");
            assertSame(SimdOps.scalar(), SimdOps.get());
            assertTrue(SimdOps.vector().isEmpty());
        } else {
            assertTrue(moduleInBootLayer(), "the default test run adds jdk.incubator.vector");
            assertTrue(SimdOps.get().name().startsWith("vector("), SimdOps.get().name());
        }
    }

    @Test
    void forcedPaths() {
        assertSame(SimdOps.scalar(), SimdSelection.choose("scalar"));
        assertSame(SimdOps.scalar(), SimdSelection.choose(" Scalar "));
        if (moduleInBootLayer()) {
            assertTrue(SimdSelection.choose("vector").name().startsWith("vector("));
        } else {
            var e = assertThrows(IllegalStateException.class, () -> SimdSelection.choose("vector"));
            assertTrue(e.getMessage().contains("--add-modules jdk.incubator.vector"), e.getMessage());
        }
        var bad = assertThrows(IllegalArgumentException.class, () -> SimdSelection.choose("gpu"));
        assertEquals("attnlab.simd must be auto, vector or scalar, not 'gpu'", bad.getMessage());
    }
}
