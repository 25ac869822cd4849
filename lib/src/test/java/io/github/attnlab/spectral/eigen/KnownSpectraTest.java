package io.github.attnlab.spectral.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.spectral.eigen.LaplacianSpectra.Method;
import io.github.attnlab.spectral.graph.KnownSpectra;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.LaplacianKind;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every solver against the closed-form spectra of paths, cycles, complete graphs, stars and grids. */
class KnownSpectraTest {

    /** Dense symmetric QR: backward stable, errors of a few ulps of the largest eigenvalue. */
    private static final double DENSE_TOL = 1e-11;
    /** Iterative solvers stop at residual 1e-10·‖L‖; eigenvalue errors are at most about that. */
    private static final double ITERATIVE_TOL = 1e-8;
    private static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerance(1e-10).withMaxIterations(5000);

    private static void assertSpectrum(double[] expected, Spectrum s, double tol, String what) {
        for (int t = 0; t < s.count(); t++) {
            assertEquals(expected[t], s.value(t), tol * Math.max(1, expected[expected.length - 1]), what + " eigenvalue " + t);
        }
        assertTrue(s.converged(), what + ": " + s);
    }

    @Test
    void denseSolverMatchesEveryFormula() {
        for (int n : new int[] {1, 2, 3, 7, 30, 101}) {
            assertSpectrum(KnownSpectra.path(n), LaplacianSpectra.all(Laplacian.combinatorial(StandardGraphs.path(n))), DENSE_TOL, "P" + n);
            assertSpectrum(KnownSpectra.complete(n), LaplacianSpectra.all(Laplacian.combinatorial(StandardGraphs.complete(n))), DENSE_TOL, "K" + n);
            if (n >= 2) {
                assertSpectrum(KnownSpectra.pathNormalised(n), LaplacianSpectra.all(Laplacian.symmetric(StandardGraphs.path(n))), DENSE_TOL, "Psym" + n);
                assertSpectrum(KnownSpectra.star(n), LaplacianSpectra.all(Laplacian.combinatorial(StandardGraphs.star(n))), DENSE_TOL, "S" + n);
            }
            if (n >= 3) {
                assertSpectrum(KnownSpectra.cycle(n), LaplacianSpectra.all(Laplacian.combinatorial(StandardGraphs.cycle(n))), DENSE_TOL, "C" + n);
                double[] half = Arrays.stream(KnownSpectra.cycle(n)).map(v -> v / 2).toArray();
                assertSpectrum(half, LaplacianSpectra.all(Laplacian.symmetric(StandardGraphs.cycle(n))), DENSE_TOL, "Csym" + n);
                double[] rw = LaplacianSpectra.all(Laplacian.of(StandardGraphs.cycle(n), LaplacianKind.RANDOM_WALK)).values();
                for (int t = 0; t < n; t++) {
                    assertEquals(half[t], rw[t], DENSE_TOL, "Crw" + n);
                }
            }
        }
        assertSpectrum(KnownSpectra.grid(7, 11), LaplacianSpectra.all(Laplacian.combinatorial(StandardGraphs.grid(7, 11))), DENSE_TOL, "grid");
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"LOBPCG", "LANCZOS"})
    void iterativeSolversMatchTheSmallestOfAPathAndAGrid(Method m) {
        // a path: simple eigenvalues, clustered near 0 (the hard end for Krylov methods)
        int n = 400;
        Spectrum s = LaplacianSpectra.smallest(Laplacian.combinatorial(StandardGraphs.path(n)), 6, m, TIGHT);
        assertSpectrum(KnownSpectra.path(n), s, ITERATIVE_TOL, m + " path");
        // a 30 x 47 grid: distinct sides, so the smallest eigenvalues are simple
        Spectrum g = LaplacianSpectra.smallest(Laplacian.combinatorial(StandardGraphs.grid(30, 47)), 5, m, TIGHT);
        assertSpectrum(KnownSpectra.grid(30, 47), g, ITERATIVE_TOL, m + " grid");
    }

    @Test
    void lobpcgFindsRepeatedEigenvaluesWithTheirMultiplicity() {
        // the cycle's non-zero eigenvalues are double; a square grid's come in pairs; K_n has n with multiplicity n-1
        Spectrum c = LaplacianSpectra.smallest(Laplacian.combinatorial(StandardGraphs.cycle(300)), 7, Method.LOBPCG, TIGHT);
        assertSpectrum(KnownSpectra.cycle(300), c, ITERATIVE_TOL, "cycle");
        Spectrum g = LaplacianSpectra.smallest(Laplacian.combinatorial(StandardGraphs.grid(25, 25)), 6, Method.LOBPCG, TIGHT);
        assertSpectrum(KnownSpectra.grid(25, 25), g, ITERATIVE_TOL, "square grid");
        Spectrum k = LaplacianSpectra.smallest(Laplacian.combinatorial(StandardGraphs.complete(60)), 4, Method.LOBPCG, TIGHT);
        assertSpectrum(KnownSpectra.complete(60), k, ITERATIVE_TOL, "complete");
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"DENSE", "LOBPCG", "LANCZOS"})
    void disconnectedGraphHasOneZeroPerComponent(Method m) {
        // P_50 + C_40 + an isolated vertex: zero three times, then the union of both spectra
        int n = 91;
        int[] u = new int[89];
        int[] v = new int[89];
        double[] w = new double[89];
        int e = 0;
        for (int i = 0; i + 1 < 50; i++, e++) {
            u[e] = i;
            v[e] = i + 1;
            w[e] = 1;
        }
        for (int i = 0; i < 40; i++, e++) {
            u[e] = 50 + i;
            v[e] = 50 + (i + 1) % 40;
            w[e] = 1;
        }
        WeightedGraph g = WeightedGraph.fromEdges(n, u, v, w);
        double[] expected = new double[n];
        System.arraycopy(KnownSpectra.path(50), 0, expected, 0, 50);
        System.arraycopy(KnownSpectra.cycle(40), 0, expected, 50, 40);
        Arrays.sort(expected); // the isolated vertex's 0 is expected[90] = 0 before sorting
        Spectrum s = LaplacianSpectra.smallest(Laplacian.combinatorial(g), 6, m, TIGHT);
        assertEquals(0.0, s.value(0), 0.0);
        assertEquals(0.0, s.value(1), 0.0);
        assertEquals(0.0, s.value(2), 0.0);
        if (m != Method.LANCZOS) { // the cycle's double eigenvalue needs a block method
            assertSpectrum(expected, s, ITERATIVE_TOL, m + " disconnected");
        } else {
            assertEquals(expected[3], s.value(3), ITERATIVE_TOL * 4);
        }
    }

    @Test
    void eigenvectorsHaveTheSignConventionAndUnitNorm() {
        Spectrum s = LaplacianSpectra.all(Laplacian.combinatorial(StandardGraphs.path(20)));
        for (int t = 0; t < s.count(); t++) {
            double[] v = s.vector(t);
            double max = Arrays.stream(v).map(Math::abs).max().orElseThrow();
            double first = Arrays.stream(v).filter(x -> Math.abs(x) >= (1 - 1e-6) * max).findFirst().orElseThrow();
            assertTrue(first > 0);
            assertEquals(1.0, Math.sqrt(Arrays.stream(v).map(x -> x * x).sum()), 1e-12);
        }
        // the Fiedler vector of a path is cos(pi (i + 1/2) / n), up to normalisation
        double[] f = s.vector(1);
        for (int i = 0; i < 20; i++) {
            assertEquals(Math.cos(Math.PI * (i + 0.5) / 20) * Math.sqrt(2.0 / 20), f[i], 1e-12);
        }
    }
}
