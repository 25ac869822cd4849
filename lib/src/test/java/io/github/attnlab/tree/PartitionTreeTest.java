package io.github.attnlab.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionTreeTest {

    @Test
    void dyadicTreesHaveTheExpectedShape() {
        for (int n = 1; n <= 70; n++) {
            PartitionTree t = PartitionTree.dyadic(n);
            assertEquals(n, t.size());
            assertEquals(2 * n - 1, t.nodeCount(), "a full binary tree on " + n + " leaves");
            assertEquals(n == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1), t.depth(), "depth for n = " + n);
            int[] identity = new int[n];
            Arrays.setAll(identity, i -> i);
            assertArrayEquals(identity, t.order());
            for (int v = 0; v < t.nodeCount(); v++) {
                assertTrue(t.childCount(v) == 0 || t.childCount(v) == 2);
            }
        }
    }

    @Test
    void fromLevelsBuildsTheNestedPartitions() {
        // points 0..5: {0,1,2 | 3,4,5} then {0,1 | 2 | 3,4,5 (same set twice)} then singletons
        PartitionTree t = PartitionTree.fromLevels(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 2, 2, 2});
        assertEquals(6, t.size());
        assertEquals(2, t.childCount(0), "the root splits in two");
        assertEquals("PartitionTree[n=6, depth=3, folders=4 internal + 6 leaves, max children=3]", t.toString());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, t.partition(1));
        assertArrayEquals(new int[] {0, 0, 1, 2, 3, 4}, t.partition(2), "{3,4,5} is stored once and splits into points");
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, t.partition(3));
        assertEquals(1.0, t.distance(0, 4), 0);
        assertEquals(0.5, t.distance(0, 2), 0);
        assertEquals(2.0 / 6, t.distance(0, 1), 0);
        assertEquals(0.5, t.distance(3, 5), 0);
    }

    @Test
    void badLevelsAreRejectedWithTheirPosition() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> PartitionTree.fromLevels(new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 2}));
        assertTrue(e.getMessage().contains("labels[0] does not contain level 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PartitionTree.fromLevels(new int[] {0, 0}, new int[] {0}));
        assertEquals("labels[1] has 1 points, labels[0] has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PartitionTree.fromLevels(new int[] {0, -2}));
        assertEquals("labels[0][1] = -2 is negative", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PartitionTree.dyadic(new int[] {0, 0}).relabel(new int[] {1, 1}));
    }

    @Test
    void randomTreesAreConsistent() {
        Random r = new Random(20261122);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(60);
            PartitionTree t = trial % 2 == 0 ? RandomTrees.random(r, n, 2 + r.nextInt(4)) : RandomTrees.randomLevels(r, n, 2 + r.nextInt(4));
            int[] order = t.order();
            Set<Integer> seen = new HashSet<>();
            for (int p : order) {
                seen.add(p);
            }
            assertEquals(n, seen.size(), "the leaf order is a permutation");
            for (int v = 0; v < t.nodeCount(); v++) {
                int k = t.childCount(v);
                assertTrue(k == 0 || k >= 2, "no single-child folders");
                if (k == 0) {
                    assertEquals(v, t.leaf(t.point(v)));
                    continue;
                }
                int sum = 0;
                for (int c = t.firstChild(v); c < t.firstChild(v) + k; c++) {
                    assertEquals(v, t.parent(c));
                    assertEquals(t.depth(v) + 1, t.depth(c));
                    assertEquals(t.folderStart(v) + sum, t.folderStart(c), "children tile their parent in order");
                    sum += t.folderSize(c);
                }
                assertEquals(t.folderSize(v), sum);
            }
            for (int l = 0; l < t.depth(); l++) {
                int[] coarse = t.partition(l);
                int[] fine = t.partition(l + 1);
                for (int x = 0; x < n; x++) {
                    for (int y = 0; y < n; y++) {
                        if (fine[x] == fine[y]) {
                            assertEquals(coarse[x], coarse[y], "level " + (l + 1) + " refines level " + l);
                        }
                    }
                }
            }
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    int z = r.nextInt(n);
                    assertTrue(t.distance(x, z) <= Math.max(t.distance(x, y), t.distance(y, z)), "ultrametric");
                }
            }
        }
    }

    @Test
    void relabellingMovesThePoints() {
        Random r = new Random(7);
        PartitionTree t = RandomTrees.random(r, 30, 3);
        int[] perm = new int[30];
        Arrays.setAll(perm, i -> (7 * i + 3) % 30);
        PartitionTree u = t.relabel(perm);
        for (int x = 0; x < 30; x++) {
            for (int y = 0; y < 30; y++) {
                assertEquals(t.distance(x, y), u.distance(perm[x], perm[y]), 0);
            }
        }
        assertNotEquals(t, u);
        assertEquals(t, t.relabel(identity(30)));
        assertEquals(t.hashCode(), t.relabel(identity(30)).hashCode());
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        return p;
    }

    @Test
    void aTreeDrawsItself() {
        PartitionTree t = RandomTrees.random(new Random(3), 40, 3);
        BufferedImage img = t.figure().groups(t.partition(1)).title("random").png(400, 300);
        assertEquals(400, img.getWidth());
        assertTrue(t.figure().svg(300, 200).contains("<svg"));
    }
}
