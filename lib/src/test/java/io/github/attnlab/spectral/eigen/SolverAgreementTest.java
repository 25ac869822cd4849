package io.github.attnlab.spectral.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.spectral.eigen.LaplacianSpectra.Method;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.LaplacianKind;
import io.github.attnlab.spectral.graph.RandomGraphs;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The iterative solvers against the dense one on seeded random graphs and attention matrices. */
class SolverAgreementTest {

    /** Residual target relative to ‖L‖. */
    private static final double REL = 1e-10;
    /** Eigenvalue agreement, relative to the norm bound: an error of at most about residual. */
    private static final double VALUE_TOL = 1e-8;
    /** |<u, v>| for simple eigenvalues separated by at least 1e-3·‖L‖: sin θ <= residual / gap. */
    private static final double VECTOR_TOL = 1e-5;

    @Test
    void lobpcgAndLanczosAgreeWithDenseOnRandomGraphs() {
        Random r = new Random(2024);
        SolverOptions o = SolverOptions.DEFAULT.withTolerance(REL).withMaxIterations(5000);
        for (int trial = 0; trial < 24; trial++) {
            int n = 60 + r.nextInt(200);
            WeightedGraph g = trial % 2 == 0 ? RandomGraphs.connected(r, n, 3.0 / n)
                    : AttentionGraphs.directed(RandomGraphs.attention(r, n, 1.5)).topKPerRow(4).symmetrised();
            LaplacianKind kind = LaplacianKind.values()[trial % 3];
            Laplacian l = Laplacian.of(g, kind);
            int k = 2 + r.nextInt(6);
            Spectrum d = LaplacianSpectra.smallest(l, k, Method.DENSE, o);
            double bound = Laplacian.of(g, kind == LaplacianKind.RANDOM_WALK ? LaplacianKind.SYMMETRIC : kind).eigenvalueBound();
            for (Method m : new Method[] {Method.LOBPCG, Method.LANCZOS}) {
                Spectrum s = LaplacianSpectra.smallest(l, k, m, o.withSeed(trial));
                assertTrue(s.converged(), m + " trial " + trial + ": " + s);
                for (int t = 0; t < k; t++) {
                    assertEquals(d.value(t), s.value(t), VALUE_TOL * bound, m + " trial " + trial + " eigenvalue " + t);
                    boolean simple = (t == 0 || d.value(t) - d.value(t - 1) > 1e-3 * bound)
                            && (t == k - 1 || d.value(t + 1) - d.value(t) > 1e-3 * bound);
                    if (simple && kind != LaplacianKind.RANDOM_WALK) {
                        double dot = SimdOps.scalar().dot(d.vector(t), 0, s.vector(t), 0, n);
                        assertEquals(1.0, dot, VECTOR_TOL, m + " trial " + trial + " vector " + t + " (sign convention)");
                    }
                }
            }
        }
    }

    @Test
    void denseSolverRefusesLargeMatricesAndAsymmetry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseEigen.all(Laplacian.combinatorial(StandardGraphs.path(5000)).matrix()));
        assertTrue(e.getMessage().contains("too large for the dense eigensolver"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DenseEigen.all(SparseMatrix.fromDense(new double[][] {{1, 2}, {0, 1}})));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EigenProblem.of(Laplacian.of(StandardGraphs.path(4), LaplacianKind.RANDOM_WALK)));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
    }

    @Test
    void autoUsesTheSparsePathAboveTheDenseLimit() {
        Laplacian big = Laplacian.combinatorial(StandardGraphs.grid(30, 31));
        assertEquals(Spectrum.Solver.LOBPCG, LaplacianSpectra.smallest(big, 3).solver());
        assertEquals(Spectrum.Solver.LANCZOS, LaplacianSpectra.smallest(big, 2).solver());
        Spectrum d = LaplacianSpectra.smallest(Laplacian.combinatorial(StandardGraphs.grid(20, 21)), 3);
        assertEquals(Spectrum.Solver.DENSE, d.solver());
    }

    @Test
    void iterationLimitIsReportedNotHidden() {
        Spectrum s = LaplacianSpectra.smallest(Laplacian.combinatorial(StandardGraphs.path(2000)), 4, Method.LOBPCG,
                SolverOptions.DEFAULT.withMaxIterations(3));
        assertTrue(!s.converged() && s.toString().contains("NOT CONVERGED"), s.toString());
    }
}
