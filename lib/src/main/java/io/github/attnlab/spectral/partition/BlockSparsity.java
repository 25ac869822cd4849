package io.github.attnlab.spectral.partition;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Locale;

/**
 * What a block-sparse attention kernel would do with an attention matrix whose tokens are
 * reordered by a partition (docs/papers/D.md §D item 5): the work it cannot avoid and the attention mass
 * it keeps.
 *
 * <p>Two kernels are measured. A <em>block-diagonal</em> kernel computes only the $k$ diagonal
 * blocks $B_b \times B_b$: work $\sum_b |B_b|^2 / n^2$ of the dense kernel, keeping the mass
 * $\sum_b \sum_{i,j \in B_b} a_{ij} / \sum_{ij} a_{ij}$. A <em>tiled</em> kernel computes every
 * $t \times t$ tile of the reordered matrix that holds an entry $a_{ij} \ge \theta$: work
 * (non-empty tiles)/(all tiles), keeping the mass of the entries $\ge \theta$ (an entry below the
 * threshold is treated as absent). The lost mass of a row is its total-variation error when the
 * kernel renormalises (docs/papers/A.md §A item 1).
 *
 * @param n                  tokens
 * @param blocks             partition blocks $k$
 * @param tile               tile side $t$
 * @param threshold          $\theta$
 * @param blockDiagonalWork  $\sum_b |B_b|^2 / n^2$
 * @param blockDiagonalMass  attention mass inside the diagonal blocks
 * @param nonEmptyTiles      tiles holding an entry $\ge \theta$
 * @param totalTiles         $\lceil n/t \rceil^2$
 * @param tiledMass          attention mass in entries $\ge \theta$
 */
public record BlockSparsity(int n, int blocks, int tile, double threshold, double blockDiagonalWork,
                            double blockDiagonalMass, long nonEmptyTiles, long totalTiles, double tiledMass) {

    /** The figures for graph {@code g} (its adjacency read as the attention matrix) reordered by partition {@code p}. */
    public static BlockSparsity of(WeightedGraph g, Partition p, int tile, double threshold) {
        Check.notNull("g", g);
        Check.notNull("p", p);
        if (p.n() != g.n()) {
            throw new IllegalArgumentException("partition has " + p.n() + " vertices, the graph " + g.n());
        }
        return of(g, p.order(), p.labels(), p.parts(), tile, threshold);
    }

    /** The figures of the matrix in its given order (no partition: one block). */
    public static BlockSparsity unordered(WeightedGraph g, int tile, double threshold) {
        Check.notNull("g", g);
        int[] identity = java.util.stream.IntStream.range(0, g.n()).toArray();
        return of(g, identity, new int[g.n()], 1, tile, threshold);
    }

    private static BlockSparsity of(WeightedGraph g, int[] order, int[] labels, int parts, int tile, double threshold) {
        int n = g.n();
        Check.range("tile", tile, 1, n);
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold = " + threshold + " must be finite and >= 0");
        }
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[order[p]] = p;
        }
        int tilesPerSide = (n + tile - 1) / tile;
        java.util.BitSet used = new java.util.BitSet(tilesPerSide * tilesPerSide);
        SparseMatrix a = g.adjacency();
        double total = 0;
        double diagonal = 0;
        double kept = 0;
        for (int i = 0; i < n; i++) {
            for (int q = a.rowStart(i); q < a.rowStart(i + 1); q++) {
                int j = a.column(q);
                double v = a.value(q);
                total += v;
                if (labels[i] == labels[j]) {
                    diagonal += v;
                }
                if (v >= threshold) {
                    kept += v;
                    used.set((position[i] / tile) * tilesPerSide + position[j] / tile);
                }
            }
        }
        int[] sizes = new int[parts];
        for (int l : labels) {
            sizes[l]++;
        }
        double work = 0;
        for (int s : sizes) {
            work += (double) s * s;
        }
        return new BlockSparsity(n, parts, tile, threshold, work / ((double) n * n), total > 0 ? diagonal / total : 0,
                used.cardinality(), (long) tilesPerSide * tilesPerSide, total > 0 ? kept / total : 0);
    }

    /** Non-empty tiles over all tiles: the tiled kernel's work relative to the dense one. */
    public double tiledWork() {
        return (double) nonEmptyTiles / totalTiles;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BlockSparsity[n=%d, %d blocks: block-diagonal work %.1f%% keeps %.1f%% of the mass; "
                + "%dx%d tiles (entries >= %.3g): %d of %d non-empty, work %.1f%% keeps %.1f%%]", n, blocks,
                100 * blockDiagonalWork, 100 * blockDiagonalMass, tile, tile, threshold, nonEmptyTiles, totalTiles,
                100 * tiledWork(), 100 * tiledMass);
    }
}
