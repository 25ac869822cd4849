package io.github.attnlab.bench;

import io.github.attnlab.haar.TensorHaar;
import io.github.attnlab.tree.PartitionTree;
import io.github.attnlab.tree.Questionnaire;
import io.github.attnlab.tree.Tensor3;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Haar transforms and the questionnaire's tree distances at the size of bert-base's attention on a
 * 128-token passage (128 queries x 128 keys x 144 heads), on the scalar and the vector SIMD path (each
 * in its own fork, the path forced by {@code -Dattnlab.simd}). Milliseconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HaarBench {

    private static final int TOKENS = 128;
    private static final int HEADS = 144;

    TensorHaar tri;
    TensorHaar bi;
    double[] tensor;
    double[] matrix;
    double[] out;
    double[] outMatrix;
    Tensor3 small;
    PartitionTree tokens64;

    @Setup
    public void setup() {
        Random r = new Random(1);
        tri = TensorHaar.tri(PartitionTree.dyadic(TOKENS), PartitionTree.dyadic(TOKENS), PartitionTree.dyadic(HEADS));
        bi = TensorHaar.bi(PartitionTree.dyadic(TOKENS), PartitionTree.dyadic(TOKENS));
        tensor = new double[TOKENS * TOKENS * HEADS];
        for (int i = 0; i < tensor.length; i++) {
            tensor[i] = r.nextGaussian();
        }
        matrix = java.util.Arrays.copyOf(tensor, TOKENS * TOKENS);
        out = new double[tensor.length];
        outMatrix = new double[matrix.length];
        small = Tensor3.of(64, 64, HEADS, java.util.Arrays.copyOf(tensor, 64 * 64 * HEADS));
        tokens64 = PartitionTree.dyadic(64);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dattnlab.simd=scalar"})
    public double[] triHaarForwardScalar() {
        tri.forward(tensor, out);
        return out;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dattnlab.simd=vector"})
    public double[] triHaarForwardVector() {
        tri.forward(tensor, out);
        return out;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dattnlab.simd=scalar"})
    public double[] biHaarForwardScalar() {
        bi.forward(matrix, outMatrix);
        return outMatrix;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dattnlab.simd=vector"})
    public double[] biHaarForwardVector() {
        bi.forward(matrix, outMatrix);
        return outMatrix;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dattnlab.simd=scalar"})
    public double[][] headDistancesScalar() {
        return Questionnaire.treeDistances(small, 2, tokens64, tokens64, 1, 0);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dattnlab.simd=vector"})
    public double[][] headDistancesVector() {
        return Questionnaire.treeDistances(small, 2, tokens64, tokens64, 1, 0);
    }
}
