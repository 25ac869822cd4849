package io.github.attnlab.spectral.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.AttentionTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopKGapSweepTest {

    private static Map<String, AttentionTensor> passages() {
        Map<String, AttentionTensor> m = new LinkedHashMap<>();
        m.put("a", Tensors.random(20, 2, 3, 3));
        m.put("b", Tensors.random(20, 2, 6, 4));
        return m;
    }

    @Test
    void theBoundsOfItemTwoHoldOnEveryHeadAndK() {
        TopKGapSweep s = TopKGapSweep.of(passages(), 1, 2, 4, 8, 16);
        assertEquals(2 * 2 * 5, s.table().size());
        assertTrue(s.worstWeylSlack() <= 1e-9, "Weyl " + s.worstWeylSlack());
        assertTrue(s.worstMassSlack() <= 1e-9, "mass bound " + s.worstMassSlack());
        assertTrue(s.worstAngleViolation() <= 1e-9, "Davis-Kahan " + s.worstAngleViolation());
        assertArrayEquals(new int[] {1, 2, 4, 8, 16}, s.ks());
    }

    @Test
    void keepingMoreKeysMovesTheLaplacianLess() {
        TopKGapSweep s = TopKGapSweep.of(passages(), 2, 8, 19);
        for (int i = 0; i < s.table().size(); i += 3) {
            double n2 = s.table().get(i).norm();
            double n8 = s.table().get(i + 1).norm();
            double n19 = s.table().get(i + 2).norm();
            assertTrue(n2 > n8 && n8 > n19, n2 + " " + n8 + " " + n19);
        }
        double[] q = s.gapRatioQuartiles(19);
        assertTrue(q[0] <= q[1] && q[1] <= q[2]);
        assertTrue(Math.abs(q[1] - 1) < 0.2, "dropping one key per row keeps most of the gap: " + q[1]);
    }

    @Test
    void connectedFromIsTheSmallestKFromWhichEveryLargerKIsConnected() {
        TopKGapSweep s = TopKGapSweep.of(passages(), 1, 2, 3, 6, 12);
        var from = s.connectedFrom();
        assertEquals(4, from.size());
        for (int h = 0; h < from.size(); h++) {
            int smallest = from.get(h).smallestK();
            for (int j = 0; j < 5; j++) {
                TopKGap g = s.table().get(5 * h + j);
                if (g.k() >= smallest && !(smallest == 12 && !g.connected())) {
                    assertTrue(g.connected(), g + " from " + smallest);
                }
            }
            if (smallest > 1) {
                int before = java.util.Arrays.binarySearch(s.ks(), smallest) - 1;
                assertTrue(!s.table().get(5 * h + before).connected() || smallest == 12);
            }
        }
    }

    @Test
    void refusesBadSweeps() {
        assertThrows(IllegalArgumentException.class, () -> TopKGapSweep.of(passages(), 4, 2));
        assertThrows(IllegalArgumentException.class, () -> TopKGapSweep.of(passages(), 20));
        assertThrows(IllegalArgumentException.class, () -> TopKGapSweep.of(passages()));
        assertThrows(IllegalArgumentException.class, () -> TopKGapSweep.of(Map.of(), 1));
        TopKGapSweep s = TopKGapSweep.of(passages(), 1, 2);
        assertThrows(IllegalArgumentException.class, () -> s.gapRatioQuartiles(3));
        assertThrows(IllegalArgumentException.class, () -> s.informativeFraction(5));
    }
}
