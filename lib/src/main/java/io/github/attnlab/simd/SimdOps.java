package io.github.attnlab.simd;

/**
 * The heavy loops of the library, behind one interface with two implementations.
 *
 * <p>{@link #scalar()} is the plain-Java reference. The Vector API implementation
 * ({@code jdk.incubator.vector}) is loaded reflectively, and only when that module is in the boot
 * layer, so the scalar path never links against the incubator (the same pattern as Lucene's
 * {@code VectorizationProvider}). {@link #get()} returns the implementation chosen once per JVM:
 * the system property {@code attnlab.simd} forces it ({@code scalar}, {@code vector}) or leaves
 * the choice to the library ({@code auto}, the default); the choice is logged once.
 *
 * <p>All operations read ranges of caller-owned arrays, write only into the output arguments they
 * name and allocate nothing, except that the vector {@link #gemm} copies panels of its operands
 * into two small buffers per call (at most $256\,(m + 6 + 2\ell)$ floats for $\ell$ lanes).
 *
 * <p>Two contracts. The double operations ({@link DoubleOps}) agree across the two paths to rounding; the float
 * operations ({@link FloatOps}) give the same bits on both. Both are deterministic on each path: the same inputs
 * give the same bits whether a loop is interpreted or compiled.
 *
 * <p>Code that wants a specific path passes it in for a computation: {@code SimdOps.with(SimdOps.scalar(), () ->
 * TopK.of(s).certify(0.01))} runs everything the computation calls, on this thread, on the scalar path;
 * {@link #get()} is the default everywhere else.
 */
public interface SimdOps extends DoubleOps, FloatOps {

    /**
     * The implementation for the calling thread: the one a running {@link #with} computation passed in, else the
     * one chosen for this JVM (see the class comment).
     */
    static SimdOps get() {
        return SimdSelection.current();
    }

    /**
     * Runs {@code computation} on this thread with {@code ops} as {@link #get()}, and returns its result: the
     * way to run any library code on a chosen path, for example to compare both paths in one JVM. Nests; the
     * previous choice is restored afterwards. Threads the computation starts keep the JVM's choice.
     */
    static <T> T with(SimdOps ops, java.util.function.Supplier<T> computation) {
        return SimdSelection.with(ops, computation);
    }

    /** The scalar reference implementation, always available. */
    static SimdOps scalar() {
        return ScalarSimdOps.INSTANCE;
    }

    /**
     * The Vector API implementation, or empty when {@code jdk.incubator.vector} is not in the boot
     * layer (start the JVM with {@code --add-modules jdk.incubator.vector}).
     */
    static java.util.Optional<SimdOps> vector() {
        return SimdSelection.vectorIfPresent();
    }

    /** A short name: {@code scalar} or {@code vector(<species>)}. */
    String name();

    /**
     * Word-parallel union of bit rows: $out_{outOff+w} = \bigvee_{i<len} rows_{idx_{off+i}\cdot words + w}$ for
     * $w &lt; words$, where row $r$ of {@code rows} is the bitset {@code rows[r*words .. r*words + words)}. This is
     * the step of the reach recursion $S_k^t = \bigcup_{j \in A_k} S_j^{t-1}$ of paper E (Assumption 1 (iii)):
     * row $k$ of the next state is the union of the rows of $k$'s keys. {@code out} is overwritten (all zero when
     * {@code len = 0}) and must not overlap the rows read. Both paths give the same bits.
     *
     * <p>Every index in {@code idx[off .. off+len)} must name a row inside {@code rows}.
     */
    void orRows(long[] rows, int words, int[] idx, int off, int len, long[] out, int outOff);
}
