package io.github.attnlab.haar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.tree.PartitionTree;
import io.github.attnlab.tree.RandomTrees;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Orthonormality and the structure of the Haar-like functions, on many random trees. */
class HaarBasisTest {

    /** Entries of Q Q^T - I for n <= 80: sums of at most 80 rounded products. */
    static final double ORTHO_TOL = 1e-12;

    @Test
    void everyBasisIsOrthonormal() {
        Random r = new Random(11);
        for (int trial = 0; trial < 150; trial++) {
            int n = 1 + r.nextInt(80);
            PartitionTree t = trial % 5 == 0 ? PartitionTree.dyadic(n)
                    : trial % 2 == 0 ? RandomTrees.randomLevels(r, n, 2 + r.nextInt(5)) : RandomTrees.random(r, n, 2 + r.nextInt(5));
            double[][] q = HaarBasis.on(t).matrix();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double dotRows = 0;
                    double dotCols = 0;
                    for (int k = 0; k < n; k++) {
                        dotRows += q[i][k] * q[j][k];
                        dotCols += q[k][i] * q[k][j];
                    }
                    assertEquals(i == j ? 1 : 0, dotRows, ORTHO_TOL, "Q Q^T at " + i + "," + j + " on " + t);
                    assertEquals(i == j ? 1 : 0, dotCols, ORTHO_TOL, "Q^T Q at " + i + "," + j + " on " + t);
                }
            }
        }
    }

    @Test
    void functionsLiveInTheirFolderAndAreConstantOnItsChildren() {
        Random r = new Random(12);
        for (int trial = 0; trial < 60; trial++) {
            PartitionTree t = RandomTrees.random(r, 2 + r.nextInt(50), 4);
            HaarBasis b = HaarBasis.on(t);
            for (int q = 1; q < b.size(); q++) {
                double[] f = b.function(q);
                int v = b.folder(q);
                double sum = 0;
                for (double x : f) {
                    sum += x;
                }
                assertEquals(0, sum, 1e-12, "zero mean");
                java.util.Set<Integer> inside = new java.util.HashSet<>();
                for (int p : t.members(v)) {
                    inside.add(p);
                }
                for (int p = 0; p < f.length; p++) {
                    if (!inside.contains(p)) {
                        assertEquals(0, f[p], 0, "supported in folder " + v);
                    }
                }
                for (int c = t.firstChild(v); c < t.firstChild(v) + t.childCount(v); c++) {
                    int[] m = t.members(c);
                    for (int p : m) {
                        assertEquals(f[m[0]], f[p], 0, "constant on child " + c);
                    }
                }
                assertEquals((double) t.folderSize(v) / t.size(), b.folderFraction(q), 0);
                assertEquals(t.depth(v), b.level(q));
            }
            assertTrue(b.isScaling(0));
            assertEquals(1.0, b.folderFraction(0), 0);
        }
    }

    @Test
    void coefficientIndicesAreChecked() {
        HaarBasis b = HaarBasis.on(PartitionTree.dyadic(4));
        var e = assertThrows(IllegalArgumentException.class, () -> b.folder(4));
        assertEquals("q = 4 is outside [0, 3]", e.getMessage());
    }
}
