package io.github.attnlab.simd;

/**
 * The blocked float matrix product of the vector path (see {@link SimdOps#gemm}).
 *
 * <p>Loops, outermost first: blocks of {@value #KC} values of $p$, for which $A$ is copied into tiles of $R$ rows
 * interleaved by column (one contiguous run of broadcasts per step); panels of $V$ vectors of columns of $B$, copied
 * into a contiguous buffer (so the panel stays in L1 and is read with unit stride); tiles of $R$ rows, each kept in
 * registers across the block by a kernel of {@link VectorGemmTiles}, starting from $C$ (or 0 for the first block).
 * Each element of $C$ is therefore the same chain of fused multiply-adds in ascending $p$ as in the scalar path, for
 * any {@link Tile}. Columns left over below a multiple of $V$ vectors go through narrower panels of the same $R$
 * rows (only the {@link Tile#EIGHT_BY_THREE} tile has those). The tiles at the bottom and right edges (rows below a
 * multiple of $R$, columns below a multiple of a vector) run the same kernel on a copy of their corner, on the
 * zero-padded rows of the packed $A$ and zero-padded columns of the panel, so there is no scalar loop. Loaded only
 * from {@link VectorSimdOps}.
 */
final class VectorGemm {

    static final int KC = 256;
    private static final int LANES = VectorGemmTiles.LANES;

    /** The register tile: rows of $A$ and vectors of columns of $B$ per step (see {@link VectorGemmTiles}). */
    enum Tile {
        /** 6 rows by 2 vectors: 12 accumulators, for 16 vector registers (AVX2). */
        SIX_BY_TWO(6, 2),
        /** 8 rows by 3 vectors: 24 accumulators, for 32 vector registers (AVX-512). */
        EIGHT_BY_THREE(8, 3);

        final int rows;
        final int vectors;

        Tile(int rows, int vectors) {
            this.rows = rows;
            this.vectors = vectors;
        }

        /** The widest panel, in columns. */
        int panel() {
            return vectors * LANES;
        }
    }

    /** The tile of this machine: 8 by 3 with 512-bit vectors (AVX-512 has 32 registers), else 6 by 2. */
    static final Tile TILE = LANES >= 16 ? Tile.EIGHT_BY_THREE : Tile.SIX_BY_TWO;
    static final int NR = TILE.panel();

    private VectorGemm() {
    }

    /**
     * Per thread: the panel of $B$, the packed tiles of $A$ and the corner of an edge tile, grown to the largest product seen and reused, so that
     * a product allocates nothing (allocating them per product made about one fresh JVM in eight run the encoders 2x
     * slower). Both are written before they are read ({@code packA} zero-pads the last tile). Packed tiles above
     * {@link #KEEP} floats are not kept: such a product allocates its own, so that no thread holds a huge buffer.
     */
    private static final class Scratch {
        /** The largest packed tiles kept: 4 MB, the tiles of 4096 rows. */
        static final int KEEP = 1 << 20;
        float[] panel = new float[0];
        float[] packed = new float[0];
        float[] edge = new float[0];

        float[] edge(int size) {
            if (edge.length < size) {
                edge = new float[size];
            }
            return edge;
        }

        float[] panel(int size) {
            if (panel.length < size) {
                panel = new float[size];
            }
            return panel;
        }

        float[] packed(int size) {
            if (size > KEEP) {
                return new float[size];
            }
            if (packed.length < size) {
                packed = new float[size];
            }
            return packed;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        gemm(TILE, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** The product with a given tile (the tests run both on one machine); the same bits for every tile. */
    static void gemm(Tile tile, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        ScalarSimdOps.checkGemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
            return;
        }
        int mr = tile.rows;
        int tiles = (m + mr - 1) / mr;
        int kcMax = Math.min(k, KC);
        Scratch scratch = SCRATCH.get();
        float[] panel = scratch.panel(kcMax * tile.panel());
        float[] packed = scratch.packed(tiles * kcMax * mr);
        float[] edge = scratch.edge(mr * tile.panel());
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean first = p0 == 0;
            packA(m, mr, kc, a, aOff + p0, lda, packed);
            for (int j0 = 0; j0 < n; ) {
                int cols = n - j0;
                int v = tile == Tile.SIX_BY_TWO ? 2 : Math.min(3, (cols + LANES - 1) / LANES);
                int w = v * LANES;
                int valid = Math.min(w, cols);
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (p0 + p) * ldb + j0, panel, p * w, valid);
                    if (valid < w) {
                        java.util.Arrays.fill(panel, p * w + valid, p * w + w, 0f);
                    }
                }
                for (int t = 0; t < tiles; t++) {
                    int i0 = t * mr;
                    int rows = Math.min(mr, m - i0);
                    int c0 = cOff + i0 * ldc + j0;
                    if (rows == mr && valid == w) {
                        fullTile(tile, v, kc, packed, t * kc * mr, panel, c, c0, ldc, first);
                    } else {
                        edgeTile(tile, v, kc, packed, t * kc * mr, panel, c, c0, ldc, first, rows, valid, edge);
                    }
                }
                j0 += valid;
            }
        }
    }

    /**
     * A tile at the bottom or right edge of $C$, with {@code rows} rows and {@code valid} columns: the full kernel runs
     * on a copy of that corner in {@code edge} (stride {@code w}), on the zero rows of the packed $A$ and the zero
     * columns of the panel, and only the corner is copied back. Each element of the corner gets the same chain as in
     * a full tile.
     */
    private static void edgeTile(Tile tile, int v, int kc, float[] packed, int a0, float[] panel, float[] c, int c0,
                                 int ldc, boolean first, int rows, int valid, float[] edge) {
        int w = v * LANES;
        if (!first) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, c0 + r * ldc, edge, r * w, valid);
            }
        }
        fullTile(tile, v, kc, packed, a0, panel, edge, 0, w, first);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(edge, r * w, c, c0 + r * ldc, valid);
        }
    }

    private static void fullTile(Tile tile, int v, int kc, float[] packed, int a0, float[] panel, float[] c, int c0,
                                 int ldc, boolean first) {
        if (tile == Tile.SIX_BY_TWO) {
            VectorGemmTiles.tile6x2(kc, packed, a0, panel, c, c0, ldc, first);
        } else if (v == 3) {
            VectorGemmTiles.tile8x3(kc, packed, a0, panel, c, c0, ldc, first);
        } else if (v == 2) {
            VectorGemmTiles.tile8x2(kc, packed, a0, panel, c, c0, ldc, first);
        } else {
            VectorGemmTiles.tile8x1(kc, packed, a0, panel, c, c0, ldc, first);
        }
    }

    /**
     * Copies columns [0, kc) of the m rows of A into tiles of {@code mr} rows interleaved by column
     * ({@code packed[t*kc*mr + p*mr + r] = A[t*mr + r][p]}), zero-padding the last tile: the tile
     * kernel then reads its {@code mr} broadcasts from one contiguous run.
     */
    private static void packA(int m, int mr, int kc, float[] a, int aOff, int lda, float[] packed) {
        for (int i = 0; i < m; i++) {
            int base = (i / mr) * kc * mr + i % mr;
            int ai = aOff + i * lda;
            for (int p = 0; p < kc; p++) {
                packed[base + p * mr] = a[ai + p];
            }
        }
        for (int i = m; i % mr != 0; i++) {
            int base = (i / mr) * kc * mr + i % mr;
            for (int p = 0; p < kc; p++) {
                packed[base + p * mr] = 0f;
            }
        }
    }
}
