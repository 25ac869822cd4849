package io.github.attnlab.spectral.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.spectral.partition.Partition;
import org.junit.jupiter.api.Test;

class PartitionGainTest {

    @Test
    void findsInterleavedBlocksThatContiguousBlocksMiss() {
        PartitionGain g = PartitionGain.of(Tensors.interleavedBlocks(32, 4, 0.02), 4).get(0);
        assertTrue(g.keptPartition() > 0.95, g.toString());
        assertTrue(g.keptContiguous() < 0.4, g.toString());
        assertTrue(g.gain() > 0.5, g.toString());
        assertTrue(g.identityResidual() < 1e-6, g.toString());
    }

    @Test
    void cutMassIdentityHoldsOnRandomHeads() {
        for (PartitionGain g : PartitionGain.of(Tensors.random(24, 3, 4, 2), 3).rows()) {
            assertTrue(g.identityResidual() < 1e-6, g.toString());
            assertTrue(g.keptPartition() > 0 && g.keptPartition() <= 1 + 1e-9, g.toString());
            assertEquals(3, g.partition().parts());
        }
    }

    @Test
    void contiguousPartitionsAreBalancedRuns() {
        Partition p = Partition.contiguous(10, 3);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2}, p.labels());
        assertArrayEquals(new int[] {4, 3, 3}, p.sizes());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Partition.contiguous(5, 5).labels());
        assertThrows(IllegalArgumentException.class, () -> Partition.contiguous(3, 4));
        assertThrows(IllegalArgumentException.class, () -> Partition.contiguous(0, 1));
        assertThrows(IllegalArgumentException.class, () -> PartitionGain.of(Tensors.random(4, 1, 1, 1), 5));
    }
}
