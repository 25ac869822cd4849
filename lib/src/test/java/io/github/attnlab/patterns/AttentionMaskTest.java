package io.github.attnlab.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The mask interface: counts by hand, copies, and refusals. */
class AttentionMaskTest {

    @Test
    void denseAndCausalCounts() {
        assertEquals(49, AttentionMask.dense(7).connections());
        assertEquals(28, AttentionMask.causal(7).connections());
        assertTrue(AttentionMask.causal(7).allows(3, 3));
        assertFalse(AttentionMask.causal(7).allows(3, 4));
        assertEquals(AttentionMask.causal(5).connections(), AttentionPattern.causal().mask(5, 3).connections());
    }

    @Test
    void copiesInAndOut() {
        boolean[][] m = {{true, false}, {true, true}};
        AttentionMask mask = AttentionMask.of(m);
        m[0][1] = true;
        assertFalse(mask.allows(0, 1));
        mask.keys(0).set(1);
        assertFalse(mask.allows(0, 1));
        BitSet[] rows = {new BitSet(), new BitSet()};
        rows[0].set(0);
        rows[1].set(1);
        AttentionMask r = AttentionMask.ofRows(rows);
        rows[0].set(1);
        assertEquals(2, r.connections());
    }

    @Test
    void refusesEmptyRowsAndBadShapes() {
        assertEquals("mask: query 1 of 2 has no key to attend to", assertThrows(IllegalArgumentException.class,
                () -> AttentionMask.of(new boolean[][] {{true, false}, {false, false}})).getMessage());
        assertEquals("allowed[0].length = 1, need 2", assertThrows(IllegalArgumentException.class,
                () -> AttentionMask.of(new boolean[][] {{true}, {true, true}})).getMessage());
        assertEquals("n = 0 is outside [1, 65536]",
                assertThrows(IllegalArgumentException.class, () -> AttentionMask.dense(0)).getMessage());
        BitSet wide = new BitSet();
        wide.set(5);
        assertEquals("keys[0] holds key 5, outside [0, 1]", assertThrows(IllegalArgumentException.class,
                () -> AttentionMask.ofRows(new BitSet[] {wide, wide})).getMessage());
        assertEquals("query = 2 is outside [0, 1]", assertThrows(IllegalArgumentException.class,
                () -> AttentionMask.dense(2).allows(2, 0)).getMessage());
    }
}
