package io.github.attnlab.simd;

/**
 * The blocked float matrix product of the vector path (see {@link SimdOps#gemm}).
 *
 * <p>Loops, outermost first: blocks of {@value #KC} values of $p$; panels of $V$ vectors of columns of $B$, copied
 * into a contiguous buffer (so the panel stays in L1 and is read with unit stride); tiles of $R$ rows, each kept in
 * registers across the block by a kernel of {@link VectorGemmTiles}, starting from $C$ (or 0 for the first block).
 * The kernel broadcasts $A$ where it lies, from its $R$ rows at once: copying $A$ into column-interleaved tiles first
 * (as BLAS packs it) cost more than it saved here, above all in attention's $P V$, whose $A$ is the $n \times n$
 * weights and whose $B$ has only $d$ columns (a 128 by 32 by 128 product ran 200 to 215 GFLOP/s unpacked against 71
 * to 89 packed). Each element of $C$ is the same chain of fused multiply-adds in ascending $p$ as in the scalar path,
 * for any {@link Tile}. Columns left over below a multiple of $V$ vectors go through narrower panels of the same $R$
 * rows (only the {@link Tile#EIGHT_BY_THREE} tile has those). The tiles at the bottom and right edges (rows below a
 * multiple of $R$, columns below a multiple of a vector) run the same kernel on a copy of their corner, against the
 * last rows of $A$ copied above zero rows and a panel whose missing columns are zero, so there is no scalar loop.
 * Loaded only from {@link VectorSimdOps}.
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
     * Per thread: the panel of $B$, the last rows of $A$ below a whole tile and the corner of an edge tile, grown to
     * the largest product seen and reused, so that a product allocates nothing (allocating per product made about
     * one fresh JVM in eight run the encoders 2x slower). Each is written before it is read. All three are small:
     * at most {@value #KC} rows of a panel, and a tile's rows.
     */
    private static final class Scratch {
        float[] panel = new float[0];
        float[] lastRows = new float[0];
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

        float[] lastRows(int size) {
            if (lastRows.length < size) {
                lastRows = new float[size];
            }
            return lastRows;
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
        int full = m / mr;
        int kcMax = Math.min(k, KC);
        Scratch scratch = SCRATCH.get();
        float[] panel = scratch.panel(kcMax * tile.panel());
        float[] lastRows = scratch.lastRows(mr * kcMax);
        float[] edge = scratch.edge(mr * tile.panel());
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            boolean first = p0 == 0;
            if (full < tiles) { // the last rows, below a whole tile, with zero rows under them
                java.util.Arrays.fill(lastRows, 0, mr * kc, 0f);
                for (int i = full * mr; i < m; i++) {
                    System.arraycopy(a, aOff + i * lda + p0, lastRows, (i - full * mr) * kc, kc);
                }
            }
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
                    int c0 = cOff + i0 * ldc + j0;
                    if (t < full && valid == w) {
                        fullTile(tile, v, kc, a, aOff + i0 * lda + p0, lda, panel, c, c0, ldc, first);
                    } else if (t < full) {
                        edgeTile(tile, v, kc, a, aOff + i0 * lda + p0, lda, panel, c, c0, ldc, first, mr, valid, edge);
                    } else {
                        edgeTile(tile, v, kc, lastRows, 0, kc, panel, c, c0, ldc, first, m - i0, valid, edge);
                    }
                }
                j0 += valid;
            }
        }
    }

    /**
     * A tile at the bottom or right edge of $C$, with {@code rows} rows and {@code valid} columns: the full kernel runs
     * on a copy of that corner in {@code edge} (stride {@code w}), reading $A$ from {@code a} (for the last rows,
     * their copy above zero rows) and the panel (zero in its missing columns), and only the corner is copied back.
     * Each element of the corner gets the same chain as in a full tile.
     */
    private static void edgeTile(Tile tile, int v, int kc, float[] a, int a0, int lda, float[] panel, float[] c,
                                 int c0, int ldc, boolean first, int rows, int valid, float[] edge) {
        int w = v * LANES;
        if (!first) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, c0 + r * ldc, edge, r * w, valid);
            }
        }
        fullTile(tile, v, kc, a, a0, lda, panel, edge, 0, w, first);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(edge, r * w, c, c0 + r * ldc, valid);
        }
    }

    private static void fullTile(Tile tile, int v, int kc, float[] a, int a0, int lda, float[] panel, float[] c,
                                 int c0, int ldc, boolean first) {
        if (tile == Tile.SIX_BY_TWO) {
            VectorGemmTiles.tile6x2(kc, a, a0, lda, panel, c, c0, ldc, first);
        } else if (v == 3) {
            VectorGemmTiles.tile8x3(kc, a, a0, lda, panel, c, c0, ldc, first);
        } else if (v == 2) {
            VectorGemmTiles.tile8x2(kc, a, a0, lda, panel, c, c0, ldc, first);
        } else {
            VectorGemmTiles.tile8x1(kc, a, a0, lda, panel, c, c0, ldc, first);
        }
    }
}
