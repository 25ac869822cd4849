package io.github.attnlab.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The column-split product on several threads gives the bits of the single-threaded product of the same path, on
 * odd and prime sizes, with offsets and strides, and writes nothing outside $C$'s range; the split covers the
 * columns once in whole panels.
 */
class ParallelGemmTest {

    private static final int[] SIZES = {1, 7, 31, 97, 130};

    private static List<SimdOps> paths() {
        List<SimdOps> out = new ArrayList<>();
        out.add(SimdOps.scalar());
        SimdOps.vector().ifPresent(out::add);
        return out;
    }

    private static float[] random(Random r, int len) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void threadedProductHasTheBitsOfOneThreadOnOddAndPrimeSizes() {
        Random r = new Random(16);
        for (SimdOps ops : paths()) {
            for (int m : SIZES) {
                for (int n : SIZES) {
                    for (int k : SIZES) {
                        // offsets and strides longer than the rows, as the encoder's per-head products use them
                        int aOff = 3;
                        int lda = k + 2;
                        int bOff = 5;
                        int ldb = n + 3;
                        int cOff = 7;
                        int ldc = n + 1;
                        float[] a = random(r, aOff + m * lda);
                        float[] b = random(r, bOff + k * ldb);
                        float[] c0 = random(r, cOff + m * ldc + 4);
                        ops.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c0, cOff, ldc);
                        for (int threads : new int[] {2, 3, 8}) {
                            float[] c = c0.clone();
                            for (int i = cOff; i < c.length; i++) {
                                if ((i - cOff) % ldc < n && (i - cOff) / ldc < m) {
                                    c[i] = Float.NaN; // overwritten by the product
                                }
                            }
                            ParallelGemm.of(ops, threads).withMinWork(0)
                                    .gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
                            assertArrayEquals(c0, c, ops.name() + " m=" + m + " n=" + n + " k=" + k + " threads="
                                    + threads);
                        }
                    }
                }
            }
        }
    }

    @Test
    void largeProductsSplitByDefaultAndKeepTheBits() {
        Random r = new Random(17);
        int m = 128;
        int n = 1031;
        int k = 263;
        assertTrue((long) m * n * k >= ParallelGemm.MIN_WORK);
        float[] a = random(r, m * k);
        float[] b = random(r, k * n);
        for (SimdOps ops : paths()) {
            float[] one = new float[m * n];
            ops.gemm(m, n, k, a, 0, k, b, 0, n, one, 0, n);
            float[] two = new float[m * n];
            ParallelGemm.of(ops, 2).gemm(m, n, k, a, 0, k, b, 0, n, two, 0, n);
            assertArrayEquals(one, two, ops.name());
        }
    }

    @Test
    void concurrentCallersShareTheHelpersAndAllFinish() throws Exception {
        Random r = new Random(18);
        int m = 61;
        int n = 97;
        int k = 53;
        float[] a = random(r, m * k);
        float[] b = random(r, k * n);
        float[] expected = new float[m * n];
        SimdOps ops = SimdOps.get();
        ops.gemm(m, n, k, a, 0, k, b, 0, n, expected, 0, n);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(callers.submit(() -> {
                    float[] c = new float[m * n];
                    ParallelGemm.of(ops, 4).withMinWork(0).gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);
                    return c;
                }));
            }
            for (Future<float[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void slicesCoverTheColumnsOnceInWholePanels() {
        for (int panel : new int[] {1, 8, 16, 32}) {
            for (int n = 1; n <= 300; n += 7) {
                int panels = (n + panel - 1) / panel;
                for (int threads = 1; threads <= 5; threads++) {
                    int slices = Math.min(threads, panels);
                    assertEquals(0, ParallelGemm.start(0, slices, panels, panel, n));
                    assertEquals(n, ParallelGemm.start(slices, slices, panels, panel, n));
                    for (int i = 0; i < slices; i++) {
                        int j0 = ParallelGemm.start(i, slices, panels, panel, n);
                        int j1 = ParallelGemm.start(i + 1, slices, panels, panel, n);
                        assertTrue(j0 < j1 && j0 % panel == 0, "panel " + panel + " n " + n + " slice " + i);
                        // balanced: the slices differ by at most one panel (plus the ragged end)
                        assertTrue(j1 - j0 <= (panels / slices + 1) * panel, "n " + n + " slice " + i);
                    }
                }
            }
        }
    }

    @Test
    void workersRunEveryTaskOnceAndRethrowTheFirstFailure() {
        AtomicIntegerArray runs = new AtomicIntegerArray(37);
        AtomicIntegerArray workers = new AtomicIntegerArray(3);
        Workers.run(37, 3, (worker, i) -> {
            runs.incrementAndGet(i);
            workers.incrementAndGet(worker); // worker outside [0, 3): an index exception, rethrown
        });
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "task " + i);
        }
        assertEquals(37, workers.get(0) + workers.get(1) + workers.get(2));
        int[] order = new int[5];
        int[] at = {0};
        Workers.run(5, 1, (worker, i) -> order[at[0]++] = i + 10 * worker); // one thread: in order, on worker 0
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, order);
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Workers.run(4, 2, (worker, i) -> {
            if (i == 3) {
                throw boom;
            }
        })));
        assertEquals("tasks = -1 must be at least 0", assertThrows(IllegalArgumentException.class,
                () -> Workers.run(-1, 2, (worker, i) -> { })).getMessage());
        assertEquals("threads = 0 must be at least 1", assertThrows(IllegalArgumentException.class,
                () -> Workers.run(1, 0, (worker, i) -> { })).getMessage());
        assertTrue(Workers.helpers() >= 1);
    }

    @Test
    void refusesBadThreadsAndRanges() {
        for (int threads : new int[] {0, -1}) {
            assertEquals("threads = " + threads + " must be at least 1", assertThrows(IllegalArgumentException.class,
                    () -> ParallelGemm.of(SimdOps.scalar(), threads)).getMessage());
        }
        ParallelGemm g = ParallelGemm.of(SimdOps.scalar(), 2);
        assertEquals(2, g.threads());
        assertEquals(3, g.withThreads(3).threads());
        assertEquals(ParallelGemm.MIN_WORK, g.minWork());
        assertEquals(0, g.withMinWork(0).minWork());
        assertEquals(0, g.withMinWork(0).withThreads(3).minWork(), "the copies keep the bound");
        assertEquals("minWork = -1 must be at least 0",
                assertThrows(IllegalArgumentException.class, () -> g.withMinWork(-1)).getMessage());
        assertEquals("threads = 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> g.withThreads(0)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.gemm(4, 4, 4, new float[16], 0, 4, new float[15], 0, 4, new float[16], 0, 4));
        assertTrue(e.getMessage().startsWith("gemm: b needs elements [0, 16) but has 15 (k = 4 rows of n = 4 from"
                + " bOff = 0, ldb = 4)"), e.getMessage());
        assertEquals("a is null", assertThrows(IllegalArgumentException.class,
                () -> g.gemm(1, 1, 1, null, 0, 1, new float[1], 0, 1, new float[1], 0, 1)).getMessage());
        float[] c = {Float.NaN};
        g.gemm(1, 1, 0, new float[0], 0, 0, new float[0], 0, 1, c, 0, 1); // k = 0: C = 0
        assertTrue(Arrays.equals(new float[] {0f}, c));
    }
}
