package io.github.attnlab.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Folder averages, and the folder weights of the questionnaire reaching its affinities. */
class ConfigurationTest {

    @Test
    void folderAveragesOfADyadicTree() {
        PartitionTree t = PartitionTree.dyadic(4);
        double[] avg = TreeSums.folderAverages(t, new double[] {1, 2, 3, 4});
        assertArrayEquals(new double[] {2.5, 1.5, 3.5}, Arrays.copyOf(avg, 3), 1e-15, "root, then the two halves");
        double[] leaves = Arrays.copyOfRange(avg, 3, 7);
        Arrays.sort(leaves);
        assertArrayEquals(new double[] {1, 2, 3, 4}, leaves, 0);
    }

    @Test
    void folderWeightsChangeTheTreeDistances() {
        Random r = new Random(6);
        double[][][] a = new double[8][8][3];
        for (double[][] m : a) {
            for (double[] row : m) {
                for (int k = 0; k < 3; k++) {
                    row[k] = r.nextDouble();
                }
            }
        }
        Tensor3 t = Tensor3.of(a);
        double[][] d1 = Questionnaire.treeDistances(t, 0, PartitionTree.dyadic(8), PartitionTree.dyadic(3), 1, 0);
        double[][] d2 = Questionnaire.treeDistances(t, 0, PartitionTree.dyadic(8), PartitionTree.dyadic(3), 0, 1);
        assertTrue(!Arrays.deepEquals(d1, d2), "the exponents weight the folders differently");
        QuestionnaireResult q1 = Questionnaire.of(t).iterations(1).folderWeights(1, 0).run();
        QuestionnaireResult q2 = Questionnaire.of(t).iterations(1).folderWeights(0, 1).run();
        assertTrue(!Arrays.equals(q1.map(0).eigenvalues(), q2.map(0).eigenvalues()), "folderWeights reaches the run");
    }
}
