package io.github.attnlab.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The questionnaire recovers a planted block structure on all three axes. */
class QuestionnaireTest {

    /** A tensor whose value depends on the groups of its three indices, plus noise, in shuffled order. */
    static Tensor3 planted(Random r, int[][] groups, int[] sizes, int[] counts, double noise) {
        double[][][] mu = new double[counts[0]][counts[1]][counts[2]];
        for (double[][] a : mu) {
            for (double[] b : a) {
                for (int k = 0; k < b.length; k++) {
                    b[k] = r.nextGaussian();
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            groups[a] = new int[sizes[a]];
            for (int i = 0; i < sizes[a]; i++) {
                groups[a][i] = r.nextInt(counts[a]);
            }
        }
        double[][][] t = new double[sizes[0]][sizes[1]][sizes[2]];
        for (int i = 0; i < sizes[0]; i++) {
            for (int j = 0; j < sizes[1]; j++) {
                for (int k = 0; k < sizes[2]; k++) {
                    t[i][j][k] = mu[groups[0][i]][groups[1][j]][groups[2][k]] + noise * r.nextGaussian();
                }
            }
        }
        return Tensor3.of(t);
    }

    /**
     * The fraction of triplets (x, y in one planted group, z in another) with d(x, y) < d(x, z) in the
     * tree metric: 1 when the tree never joins a point to another group before its own (it may still
     * split a group into several folders first, as flexible trees do).
     */
    static double tripletConsistency(PartitionTree t, int[] truth) {
        long good = 0;
        long all = 0;
        int n = truth.length;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (y == x || truth[y] != truth[x]) {
                    continue;
                }
                double dxy = t.distance(x, y);
                for (int z = 0; z < n; z++) {
                    if (truth[z] != truth[x]) {
                        all++;
                        if (dxy < t.distance(x, z)) {
                            good++;
                        }
                    }
                }
            }
        }
        return (double) good / all;
    }

    static double bestAri(PartitionTree t, int[] truth) {
        double best = 0;
        for (int l = 0; l <= t.depth(); l++) {
            best = Math.max(best, TreeAgreement.adjustedRand(t.partition(l), truth));
        }
        return best;
    }

    @Test
    void plantedGroupsAreRecoveredOnEveryAxis() {
        Random r = new Random(81);
        int[][] groups = new int[3][];
        int[] counts = {4, 3, 3};
        Tensor3 t = planted(r, groups, new int[] {40, 36, 24}, counts, 0.3);
        QuestionnaireResult q = Questionnaire.of(t).iterations(2).run();
        for (int a = 0; a < 3; a++) {
            double c = tripletConsistency(q.tree(a), groups[a]);
            assertTrue(c > 0.95, "axis " + a + ": triplet consistency " + c + " of " + q.tree(a));
        }
        assertEquals(3, q.history().get(0).size(), "the start tree and two iterations");
        assertTrue(q.settled(0).meanAdjustedRand() > 0.5, q.settled(0).toString());
    }

    @Test
    void treeDistancesAreWeightedAverageDifferences() {
        Random r = new Random(82);
        Tensor3 t = planted(r, new int[3][], new int[] {5, 6, 7}, new int[] {2, 2, 2}, 1);
        PartitionTree rows = RandomTrees.random(r, 5, 3);
        PartitionTree cols = RandomTrees.random(r, 7, 3);
        double[][] d = Questionnaire.treeDistances(t, 1, rows, cols, 1, 0.5);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double ref = 0;
                for (int x = 0; x < rows.nodeCount(); x++) {
                    for (int y = 0; y < cols.nodeCount(); y++) {
                        double w = Math.pow(2, -rows.depth(x) - cols.depth(y))
                                * Math.pow(rows.folderSize(x) / 5.0 * cols.folderSize(y) / 7.0, 0.5);
                        double ai = 0;
                        double aj = 0;
                        for (int p : rows.members(x)) {
                            for (int q : cols.members(y)) {
                                ai += t.get(p, i, q);
                                aj += t.get(p, j, q);
                            }
                        }
                        int m = rows.folderSize(x) * cols.folderSize(y);
                        ref += w * Math.abs(ai / m - aj / m);
                    }
                }
                assertEquals(ref, d[i][j], 1e-12 * (1 + ref));
            }
        }
    }

    @Test
    void aMatrixIsATensorWithOneSlice() {
        Random r = new Random(83);
        double[][] m = new double[30][20];
        int[] rg = new int[30];
        for (int i = 0; i < 30; i++) {
            rg[i] = r.nextInt(3);
            for (int j = 0; j < 20; j++) {
                m[i][j] = (rg[i] == 0 ? j : rg[i] == 1 ? -j : 10 * Math.sin(j)) + 0.1 * r.nextGaussian();
            }
        }
        QuestionnaireResult q = Questionnaire.of(m).run();
        assertEquals(1, q.tree(2).size());
        double c = tripletConsistency(q.tree(0), rg);
        assertTrue(c > 0.95, "triplet consistency " + c + " of " + q);
    }
}
