package io.github.attnlab.model.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.spectral.partition.Partition;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Token partitions for block-sparse attention. */
class TokenPartitionsTest {

    /**
     * Two layers of two heads whose attention stays inside planted groups of tokens (shuffled positions): the
     * partition of the mean attention graph recovers the groups.
     */
    @Test
    void thePartitionOfTheMeanAttentionRecoversPlantedGroups() {
        Random r = new Random(21);
        int n = 24;
        int[] group = new int[n];
        for (int t = 0; t < n; t++) {
            group[t] = t % 3;
        }
        for (int t = n - 1; t > 0; t--) {
            int u = r.nextInt(t + 1);
            int x = group[t];
            group[t] = group[u];
            group[u] = x;
        }
        float[] p = new float[2 * 2 * n * n];
        for (int m = 0; m < 4; m++) {
            for (int i = 0; i < n; i++) {
                double z = 0;
                double[] row = new double[n];
                for (int j = 0; j < n; j++) {
                    row[j] = (group[i] == group[j] ? 1 : 0.01) * (0.5 + r.nextDouble());
                    z += row[j];
                }
                for (int j = 0; j < n; j++) {
                    p[(m * n + i) * n + j] = (float) (row[j] / z);
                }
            }
        }
        AttentionTensor att = AttentionTensor.of("planted", Collections.nCopies(n, "x"), 2, 2, new float[p.length], p);
        Partition part = TokenPartitions.ofAttention(att, 3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(group[i] == group[j], part.label(i) == part.label(j), "tokens " + i + ", " + j);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> TokenPartitions.ofAttention(att, n + 1));
    }

    @Test
    void contiguousBlocks() {
        Partition p = TokenPartitions.contiguous(10, 4);
        assertEquals(3, p.parts());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2}, p.labels());
        assertThrows(IllegalArgumentException.class, () -> TokenPartitions.contiguous(10, 0));
    }
}
