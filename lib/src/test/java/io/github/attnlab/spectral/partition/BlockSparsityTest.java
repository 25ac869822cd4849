package io.github.attnlab.spectral.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.spectral.SyntheticAttention;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import org.junit.jupiter.api.Test;

class BlockSparsityTest {

    private static final double ROUNDING = 1e-12;

    @Test
    void handComputedExample() {
        // tokens 0, 2 form block 0; 1, 3 block 1; reordered: 0, 2, 1, 3
        double[][] a = {
            {0.5, 0.0, 0.5, 0.0},
            {0.0, 0.6, 0.0, 0.4},
            {0.4, 0.1, 0.5, 0.0},
            {0.0, 0.5, 0.0, 0.5}};
        WeightedGraph g = AttentionGraphs.directed(a);
        Partition p = new Partition(2, new int[] {0, 1, 0, 1});
        assertEquals(java.util.List.of(0, 2, 1, 3), java.util.Arrays.stream(p.order()).boxed().toList());
        BlockSparsity b = BlockSparsity.of(g, p, 2, 0.2);
        assertEquals(0.5, b.blockDiagonalWork(), ROUNDING);
        assertEquals(3.9 / 4.0, b.blockDiagonalMass(), ROUNDING);
        assertEquals(2, b.nonEmptyTiles()); // the 0.1 entry is below the threshold
        assertEquals(4, b.totalTiles());
        assertEquals(3.9 / 4.0, b.tiledMass(), ROUNDING);
        BlockSparsity natural = BlockSparsity.unordered(g, 2, 0.2);
        assertEquals(4, natural.nonEmptyTiles());
        assertEquals(1.0, natural.blockDiagonalMass(), ROUNDING);
        assertThrows(IllegalArgumentException.class, () -> BlockSparsity.of(g, p, 5, 0));
    }

    @Test
    void reorderingByAPartitionReducesTheTiledWorkOfAPlantedHead() {
        SyntheticAttention.Head h = SyntheticAttention.of(256).withSegments(8, 2.5).withScale(2).withShuffledPositions()
                .withSeed(3).generate();
        WeightedGraph g = AttentionGraphs.directed(h.attention());
        double threshold = 1.0 / 256;
        Partition p = MultilevelPartitioner.DEFAULT.partition(g, 8);
        BlockSparsity before = BlockSparsity.unordered(g, 32, threshold);
        BlockSparsity after = BlockSparsity.of(g, p, 32, threshold);
        assertEquals(before.tiledMass(), after.tiledMass(), ROUNDING, "reordering keeps the same entries");
        assertTrue(after.tiledWork() < 0.6 * before.tiledWork(), before + " -> " + after);
        assertTrue(after.blockDiagonalMass() > 0.5, after.toString());
    }
}
