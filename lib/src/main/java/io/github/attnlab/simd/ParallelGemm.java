package io.github.attnlab.simd;

import io.github.attnlab.core.Check;

/**
 * {@link FloatOps#gemm}, $C = AB$, on up to {@link #threads()} threads, with the same bits as on one.
 *
 * <p>The split: the $n$ columns of $C$ are cut into $s = \min(t, \lceil n/w \rceil)$ slices of whole panels, for
 * $t$ threads and the panel width $w$ of the path ({@link FloatOps#gemmPanel()}: 1 on the scalar path): slice
 * $i$ has the columns $[j_i, j_{i+1})$ with $j_i = w \lfloor i \lceil n/w \rceil / s \rfloor$ (and $j_s = n$), and
 * is the single-threaded {@code gemm} of the path on that range (offsets {@code bOff + j_i}, {@code cOff + j_i},
 * width $j_{i+1} - j_i$). The calling thread computes slices too; the others run on the library's shared daemon
 * threads (at most one fewer than the available processors; never a thread per call).
 *
 * <p>The contract: each $C_{ij}$ is the same chain of fused multiply-adds in ascending $p$ as on one thread (the
 * {@link FloatOps} contract does not depend on which columns a call covers), so the result is <b>bit-identical for
 * any number of threads</b>, on either path. Products with $mnk$ below {@link #MIN_WORK} (or the bound given to
 * {@link #withMinWork}), where handing work to another thread costs more than it saves, stay on the calling thread.
 *
 * <pre>{@code
 * ParallelGemm g = ParallelGemm.of(SimdOps.get(), 2);
 * g.gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);   // the bits of SimdOps.get().gemm(...), on two cores
 * }</pre>
 *
 * <p>Immutable and safe to share; concurrent calls share the helper threads (each caller still finishes, doing the
 * slices no helper has taken).
 */
public final class ParallelGemm {

    /**
     * The work $mnk$ (fused multiply-adds) from which a product is split, $2^{25}$: on a 2-core AMD EPYC (vector path,
     * 512-bit, idle; {@code EncoderThreadsSpeed gemm}, 2026-12-02) two threads were slower than one up to
     * $128 \times 384 \times 384$ ($2^{24.2}$, 0.85×; handing a slice to a sleeping thread costs tens of µs) and
     * faster from $128 \times 1536 \times 384$ ($2^{26.2}$, 1.27×) on ($128 \times 2304 \times 768$: 1.64×).
     */
    public static final long MIN_WORK = 1L << 25;

    private final SimdOps ops;
    private final int threads;
    private final long minWork;

    private ParallelGemm(SimdOps ops, int threads, long minWork) {
        this.ops = ops;
        this.threads = threads;
        this.minWork = minWork;
    }

    /**
     * The products of {@code ops} on up to {@code threads} threads (1: on the calling thread only).
     *
     * @throws IllegalArgumentException for {@code threads < 1}
     */
    public static ParallelGemm of(SimdOps ops, int threads) {
        Check.notNull("ops", ops);
        Check.positive("threads", threads);
        return new ParallelGemm(ops, threads, MIN_WORK);
    }

    /** The same products on up to {@code threads} threads. */
    public ParallelGemm withThreads(int threads) {
        Check.positive("threads", threads);
        return new ParallelGemm(ops, threads, minWork);
    }

    /**
     * The same products, split from $mnk \ge$ {@code minWork} on instead of {@link #MIN_WORK} (0: every product
     * with two panels or more); for measuring where a split pays on another machine.
     *
     * @throws IllegalArgumentException for {@code minWork < 0}
     */
    public ParallelGemm withMinWork(long minWork) {
        if (minWork < 0) {
            throw new IllegalArgumentException("minWork = " + minWork + " must be at least 0");
        }
        return new ParallelGemm(ops, threads, minWork);
    }

    /** The work $mnk$ from which a product is split. */
    public long minWork() {
        return minWork;
    }

    /** The path that computes every slice. */
    public SimdOps ops() {
        return ops;
    }

    /** The most threads one product uses. */
    public int threads() {
        return threads;
    }

    /**
     * $C = AB$ exactly as {@link FloatOps#gemm} (same arguments, same bits), split by columns over the threads when
     * $mnk \ge$ {@link #minWork()}.
     *
     * @throws IllegalArgumentException when a size is negative, a stride is shorter than its row or a range runs
     *                                  outside its array
     */
    public void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        Check.notNull("c", c);
        ScalarSimdOps.checkGemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        int panel = Math.max(1, ops.gemmPanel());
        int panels = (n + panel - 1) / panel;
        int slices = Math.min(threads, panels);
        if (slices < 2 || (long) m * n * k < minWork) {
            ops.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        Workers.run(slices, slices, (worker, i) -> {
            int j0 = start(i, slices, panels, panel, n);
            int j1 = start(i + 1, slices, panels, panel, n);
            ops.gemm(m, j1 - j0, k, a, aOff, lda, b, bOff + j0, ldb, c, cOff + j0, ldc);
        });
    }

    /** The first column of slice {@code i} of {@code slices} (the end, $n$, for {@code i = slices}). */
    static int start(int i, int slices, int panels, int panel, int n) {
        return i == slices ? n : (int) ((long) i * panels / slices) * panel;
    }

    @Override
    public String toString() {
        return "ParallelGemm[" + threads + " threads from mnk = " + minWork + ", " + ops.name() + "]";
    }
}
