package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OpTest {

    @Test
    void bertBaseFlopsMatchTheBenchmarksCount() {
        // BertForwardBench.FLOP: 21.7 GFLOP dense + 0.6 GFLOP attention at 128 tokens
        assertEquals(22.35e9, Op.encoderFlops(12, 768, 3072, 128), 0.01e9);
    }

    @Test
    void attentionGrowsQuadraticallyInTokens() {
        double dense = 2.0 * 4 * (4 * 384 * 384 + 2 * 384 * 1536);
        double d = Op.encoderFlops(1, 384, 1536, 8) - Op.encoderFlops(1, 384, 1536, 4) - dense;
        assertEquals(4.0 * 384 * (64 - 16), d, 1e-6);
    }

    @Test
    void rowBytesReadInputAndWriteOutput() {
        long e = 1 << 24;
        assertEquals(8.0 * e, Op.SOFTMAX_F32.rowBytes(e));
        assertEquals(16.0 * e, Op.SOFTMAX_F64.rowBytes(e));
        assertEquals(8.0 * e, Op.CERTIFIED_K.rowBytes(e)); // the ks are n times fewer: not counted
        assertEquals(4.0 * e, Op.CERTIFIED_K_F32.rowBytes(e));
        assertEquals(8.0 * e, Op.SPARSEMAX_F32.rowBytes(e));
        assertEquals(8.0 * e, Op.ENTMAX15_F32.rowBytes(e));
        assertThrows(IllegalArgumentException.class, () -> Op.LANCZOS.rowBytes(e));
        assertThrows(IllegalArgumentException.class, () -> Op.SOFTMAX_F32.rowBytes(0));
    }

    @Test
    void denseEigenCountsNineNCubed() {
        assertEquals(9.0 * 512 * 512 * 512, Op.symmetricEigenFlops(512));
        assertEquals(Limit.FMA_FP64, Op.DENSE_EIGEN.limit());
        assertThrows(IllegalArgumentException.class, () -> Op.symmetricEigenFlops(0));
        assertThrows(IllegalArgumentException.class, () -> Op.DENSE_EIGEN.rowBytes(1 << 24));
    }

    @Test
    void csrBytesCountEntriesRowStartsAndBothVectorsOnce() {
        // 3 rows, 4 columns, 5 entries: 5 * (8 + 4) + 4 * 4 + 4 * 8 + 3 * 8
        assertEquals(60 + 16 + 32 + 24, Op.csrBytes(3, 4, 5));
        assertEquals(Limit.TRIAD, Op.CSR_PRODUCT.limit());
        assertThrows(IllegalArgumentException.class, () -> Op.CSR_PRODUCT.rowBytes(1 << 24)); // not a row op
        assertThrows(IllegalArgumentException.class, () -> Op.csrBytes(0, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> Op.csrBytes(3, 4, -1));
    }
}
