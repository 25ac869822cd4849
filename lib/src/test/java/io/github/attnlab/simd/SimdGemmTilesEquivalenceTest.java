package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every register tile of the vector product against the scalar product, bit for bit, whatever tile this machine
 * chose: the shapes put rows and columns on both sides of each tile's edges (6 and 8 rows; 1, 2 and 3 vectors of
 * columns, and parts of a vector, which go through the zero-padded edge tiles) and depths on both sides of a block,
 * with C both overwritten (one block) and accumulated into (several).
 */
@EnabledIf(value = "io.github.attnlab.simd.SimdOpsEquivalenceTest#vectorModulePresent",
        disabledReason = "the scalar-path run has no jdk.incubator.vector; the default run compares the paths")
class SimdGemmTilesEquivalenceTest {

    @ParameterizedTest
    @EnumSource(VectorGemm.Tile.class)
    void everyTileGivesTheScalarBits(VectorGemm.Tile tile) {
        SimdOps s = SimdOps.scalar();
        int lanes = VectorGemmTiles.LANES;
        Random r = new Random(97 + tile.ordinal());
        int[] ms = {1, 5, 6, 7, 8, 9, 13, 16, 23};
        int[] ns = {1, lanes - 1, lanes, lanes + 3, 2 * lanes, 2 * lanes + 1, 3 * lanes, 3 * lanes + 5, 4 * lanes,
            5 * lanes + 7, 6 * lanes, 8 * lanes + 1};
        int[] ks = {1, 3, 64, VectorGemm.KC, VectorGemm.KC + 1, 2 * VectorGemm.KC + 17};
        for (int m : ms) {
            for (int n : ns) {
                int k = ks[r.nextInt(ks.length)];
                int lda = k + r.nextInt(3);
                int ldb = n + r.nextInt(3);
                int ldc = n + r.nextInt(3);
                float[] a = floats(r, 2 + m * lda);
                float[] b = floats(r, 3 + k * ldb);
                float[] cs = floats(r, 1 + m * ldc);
                float[] cv = cs.clone();
                s.gemm(m, n, k, a, 2, lda, b, 3, ldb, cs, 1, ldc);
                VectorGemm.gemm(tile, m, n, k, a, 2, lda, b, 3, ldb, cv, 1, ldc);
                assertArrayEquals(cs, cv, tile + " " + m + "x" + n + "x" + k);
            }
        }
    }

    private static float[] floats(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
