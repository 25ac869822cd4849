package io.github.attnlab.bench;

import io.github.attnlab.spectral.eigen.LaplacianSpectra;
import io.github.attnlab.spectral.eigen.LaplacianSpectra.Method;
import io.github.attnlab.spectral.eigen.SolverOptions;
import io.github.attnlab.spectral.eigen.Spectrum;
import io.github.attnlab.spectral.graph.Laplacian;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 8 smallest eigenpairs (the trivial one, known exactly, and 7 computed) of the combinatorial
 * Laplacian of a symmetric 10-NN graph of 100,000 points in the unit cube (about 1.25 million
 * stored entries), by each sparse solver at relative residual 1e-8. One solve per measurement
 * (single-shot). The dense path is not used: it refuses n > 4000 (it would need 80 GB).
 *
 * <p>Every solve is checked: converged, by the requested sparse method; the teardown throws
 * otherwise, so a benchmark number is never reported for a wrong answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g"})
public class SpectralEigenBench {

    @Param({"100000"})
    int n;

    @Param({"LANCZOS", "LOBPCG"})
    String method;

    Laplacian laplacian;
    Spectrum last;

    @Setup(Level.Trial)
    public void setup() {
        laplacian = KnnLaplacianState.build(n, 10, 1);
    }

    @Benchmark
    public Spectrum smallest8() {
        last = LaplacianSpectra.smallest(laplacian, 8, Method.valueOf(method), SolverOptions.DEFAULT);
        return last;
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (last == null || !last.converged() || last.solver() == io.github.attnlab.spectral.eigen.Spectrum.Solver.DENSE || last.count() != 8) {
            throw new IllegalStateException("bad solve: " + last);
        }
        System.out.println("\n  " + last);
    }
}
