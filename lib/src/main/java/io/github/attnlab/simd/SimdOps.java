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
 * name and allocate nothing. Results of the two implementations agree to rounding (summation order
 * and the vector {@code exp} differ in the last bits), not bit for bit.
 */
public interface SimdOps {

    /** The implementation chosen for this JVM (see the class comment). */
    static SimdOps get() {
        return SimdSelection.chosen();
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

    /** $\sum_{i<len} a_{aOff+i} b_{bOff+i}$. */
    double dot(double[] a, int aOff, double[] b, int bOff, int len);

    /** $\sum_{i<len} a_{aOff+i} b_{bOff+i}$ in float arithmetic. */
    float dot(float[] a, int aOff, float[] b, int bOff, int len);

    /** $\max_{i<len} a_{off+i}$ for {@code len >= 1}; NaN if any element is NaN. */
    double max(double[] a, int off, int len);

    /** $\sum_{i<len} e^{a_{off+i} - shift}$; elements equal to $-\infty$ contribute 0. */
    double sumExp(double[] a, int off, int len, double shift);

    /** Writes $e^{a_{off+i} - shift}$ into {@code out} and returns their sum. */
    double expShift(double[] a, int off, int len, double shift, double[] out, int outOff);

    /** $y \leftarrow y + \alpha x$ on the given ranges. */
    void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len);

    /** $\sum_{i<len} (a_{aOff+i} - b_{bOff+i})^2$. */
    double squaredDistance(double[] a, int aOff, double[] b, int bOff, int len);

    /**
     * A gather dot product $\sum_{i<len} v_{off+i}\, x_{idx_{off+i}}$: one row of a sparse
     * (compressed sparse row) matrix times a dense vector.
     *
     * <p>Every index in {@code idx[off .. off+len)} must lie in {@code [0, x.length)}.
     */
    double gatherDot(double[] values, int[] idx, int off, int len, double[] x);
}
