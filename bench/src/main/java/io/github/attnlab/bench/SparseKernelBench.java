package io.github.attnlab.bench;

import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.spectral.graph.SparseMatrix;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory-bound kernels under the sparse eigensolvers, against the machine's bandwidth:
 * the CSR product of the 100,000-node 10-NN Laplacian on the scalar and the vector path (bytes
 * moved: 12 per stored entry plus 20 per row), the gather dot product on one long row, and a
 * STREAM-style triad $a_i = b_i + 3c_i$ over three arrays of 10^7 doubles, a plain loop independent
 * of the library (240 MB moved per call, 320 MB counting the write-allocate of $a$), as the reference.
 * Divide bytes by the time for GB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class SparseKernelBench {

    @Param({"scalar", "vector"})
    String path;

    SimdOps ops;
    SparseMatrix laplacian;
    double[] x;
    double[] y;
    double[] rowValues;
    int[] rowIndex;
    double[] longX;
    double[] triadA;
    double[] triadB;
    double[] triadC;

    @Setup
    public void setup() {
        ops = "scalar".equals(path) ? SimdOps.scalar() : SimdOps.vector().orElseThrow();
        laplacian = KnnLaplacianState.build(100_000, 10, 1).matrix();
        Random r = new Random(2);
        x = new double[laplacian.cols()];
        y = new double[laplacian.rows()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        int len = 4096;
        rowValues = new double[len];
        rowIndex = new int[len];
        longX = new double[1 << 16];
        for (int i = 0; i < longX.length; i++) {
            longX[i] = r.nextGaussian();
        }
        for (int i = 0; i < len; i++) {
            rowValues[i] = r.nextGaussian();
            rowIndex[i] = r.nextInt(longX.length);
        }
        triadA = new double[10_000_000];
        triadB = new double[10_000_000];
        triadC = new double[10_000_000];
        java.util.Arrays.fill(triadB, 1.0);
        java.util.Arrays.fill(triadC, 2.0);
    }

    @Benchmark
    public double[] csrProduct() {
        laplacian.multiply(x, y, ops);
        return y;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double gatherDot4096() {
        return ops.gatherDot(rowValues, rowIndex, 0, rowValues.length, longX);
    }

    @Benchmark
    public double[] streamTriad() {
        for (int i = 0; i < triadA.length; i++) {
            triadA[i] = triadB[i] + 3.0 * triadC[i];
        }
        return triadA;
    }
}
