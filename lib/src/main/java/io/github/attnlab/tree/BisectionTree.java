package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.AxisBisection;

/**
 * Balanced binary partition trees by recursive median bisection of an embedding (docs/papers/C.md §C.2).
 *
 * <p>Each folder of $m \ge 2$ points is split at the median of its points' projections on their own
 * principal axis, into halves of $\lceil m/2 \rceil$ and $\lfloor m/2 \rfloor$ points
 * ({@link AxisBisection}, with 60 power-iteration steps per split); the depth is $\lceil \log_2 n \rceil$.
 * Each axis is oriented like its parent's, so the leaf order runs one way along a curve. With diffusion
 * coordinates as the embedding, the first split follows the leading diffusion coordinate. Ties in the
 * projection keep the point order, so the result is deterministic.
 */
public final class BisectionTree {

    private static final int POWER_STEPS = 60;

    private BisectionTree() {
    }

    /** The balanced tree of the points given as rows of {@code embedding}. */
    public static PartitionTree of(double[][] embedding) {
        int n = Check.finiteMatrix("embedding", embedding);
        TreeAssembler asm = new TreeAssembler();
        int root = AxisBisection.build(embedding, 1, POWER_STEPS, new AxisBisection.Builder<Integer>() {
            @Override
            public Integer leaf(int[] points) {
                return asm.leaf(points[0]);
            }

            @Override
            public Integer node(Integer lower, Integer upper) {
                return asm.node(new int[] {lower, upper});
            }
        });
        return asm.build(root, n);
    }
}
