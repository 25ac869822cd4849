package io.github.attnlab.spectral.resistance;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.eigen.LaplacianSpectra;
import io.github.attnlab.spectral.eigen.Spectrum;
import io.github.attnlab.spectral.graph.Components;
import io.github.attnlab.spectral.graph.EdgeList;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Random;

/**
 * Effective resistance $R_{uv} = (e_u - e_v)^\top L^+ (e_u - e_v)$ of the combinatorial Laplacian,
 * exact and approximate, and the total effective resistance (docs/papers/D.md §D item 3).
 *
 * <p>Across components the resistance is $+\infty$ (no current can flow).
 *
 * <p>The approximation is Spielman and Srivastava's (SIAM J. Comput. 40, 2011, Thm 2): with
 * $Z = QW^{1/2}BL^+$ for the signed incidence matrix $B$ ($m \times n$) and a random $q \times m$
 * matrix $Q$ of entries $\pm 1/\sqrt q$, $\|Z(e_u - e_v)\|^2$ is within a factor $1 \pm \varepsilon$
 * of $R_{uv}$ for all pairs with probability at least $1 - 1/n$ once $q \ge 24\ln n/\varepsilon^2$
 * (Johnson–Lindenstrauss). Each of the $q$ rows of $Z$ costs one Laplacian solve
 * ({@link LaplacianSolver}).
 */
public final class EffectiveResistance {

    private EffectiveResistance() {
    }

    /** All pairwise resistances from the dense pseudo-inverse ($+\infty$ across components). */
    public static double[][] exactMatrix(WeightedGraph g) {
        Check.notNull("g", g);
        double[][] p = PseudoInverse.of(undirected(g));
        Components c = g.components();
        int n = g.n();
        double[][] r = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                r[u][v] = c.label(u) != c.label(v) ? Double.POSITIVE_INFINITY
                        : Math.max(0, p[u][u] + p[v][v] - 2 * p[u][v]);
            }
        }
        return r;
    }

    /** The resistance of every edge, exactly (dense pseudo-inverse). */
    public static EdgeResistances exactEdges(WeightedGraph g) {
        Check.notNull("g", g);
        double[][] p = PseudoInverse.of(undirected(g));
        EdgeList e = g.edges();
        double[] r = new double[e.size()];
        for (int t = 0; t < r.length; t++) {
            r[t] = Math.max(0, p[e.u(t)][e.u(t)] + p[e.v(t)][e.v(t)] - 2 * p[e.u(t)][e.v(t)]);
        }
        return new EdgeResistances(e, r, g.components().count(), EdgeResistances.Method.PSEUDO_INVERSE, 0);
    }

    /** $R_{uv}$ by one Laplacian solve $x = L^+(e_u - e_v)$, $R_{uv} = x_u - x_v$ (iterative, any size). */
    public static double pair(WeightedGraph g, int u, int v) {
        Check.notNull("g", g);
        Check.index("u", u, g.n());
        Check.index("v", v, g.n());
        Components c = g.components();
        if (c.label(u) != c.label(v)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] b = new double[g.n()];
        b[u] += 1;
        b[v] -= 1;
        double[] x = LaplacianSolver.of(Laplacian.combinatorial(undirected(g))).solve(b).x();
        return x[u] - x[v];
    }

    /** The number of random projections $q = \lceil 24 \ln n / \varepsilon^2 \rceil$ of the guarantee. */
    public static int projectionsFor(int n, double epsilon) {
        Check.positive("epsilon", epsilon);
        return (int) Math.ceil(24 * Math.log(Math.max(n, 2)) / (epsilon * epsilon));
    }

    /**
     * Every edge's resistance approximated with {@code projections} random $\pm 1$ projections, each
     * row solved to relative residual {@code solverTolerance}.
     */
    public static EdgeResistances approximateEdges(WeightedGraph g, int projections, double solverTolerance, long seed) {
        Check.notNull("g", g);
        Check.range("projections", projections, 1, Integer.MAX_VALUE);
        Check.positive("solverTolerance", solverTolerance);
        LaplacianSolver solver = LaplacianSolver.of(Laplacian.combinatorial(undirected(g)));
        EdgeList e = g.edges();
        int n = g.n();
        double[] sqrtW = new double[e.size()];
        for (int t = 0; t < sqrtW.length; t++) {
            sqrtW[t] = Math.sqrt(e.w(t));
        }
        double[] acc = new double[e.size()];
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int row = 0; row < projections; row++) {
            java.util.Arrays.fill(y, 0);
            for (int t = 0; t < sqrtW.length; t++) {
                double q = r.nextBoolean() ? sqrtW[t] : -sqrtW[t];
                y[e.u(t)] += q;
                y[e.v(t)] -= q;
            }
            double[] z = solver.solve(y, solverTolerance, 10 * n + 100).x();
            for (int t = 0; t < acc.length; t++) {
                double d = z[e.u(t)] - z[e.v(t)];
                acc[t] += d * d;
            }
        }
        for (int t = 0; t < acc.length; t++) {
            acc[t] /= projections;
        }
        return new EdgeResistances(e, acc, g.components().count(), EdgeResistances.Method.JOHNSON_LINDENSTRAUSS,
                projections);
    }

    /**
     * The total effective resistance $R_{\mathrm{tot}} = \sum_{u < v} R_{uv} = n \sum_{i \ge 2} 1/\lambda_i$
     * (Ghosh, Boyd &amp; Saberi, SIAM Rev. 50, 2008), from the full dense spectrum; $+\infty$ if
     * the graph is disconnected.
     */
    public static double total(WeightedGraph g) {
        Check.notNull("g", g);
        Laplacian l = Laplacian.combinatorial(undirected(g));
        if (!g.components().connected()) {
            return Double.POSITIVE_INFINITY;
        }
        Spectrum s = LaplacianSpectra.all(l);
        double sum = 0;
        for (int i = 1; i < s.count(); i++) {
            sum += 1 / s.value(i);
        }
        return g.n() * sum;
    }

    /**
     * $R_{\mathrm{tot}} = n\,\mathrm{tr}(L^+)$ estimated with Hutchinson's trace estimator:
     * $\mathrm{tr}(L^+) \approx \frac1q \sum_t z_t^\top L^+ z_t$ for Rademacher vectors $z_t$ (one
     * Laplacian solve each); for graphs too large for the dense spectrum. The standard error falls
     * as $1/\sqrt q$.
     */
    public static double totalApproximate(WeightedGraph g, int probes, long seed) {
        Check.notNull("g", g);
        Check.range("probes", probes, 1, Integer.MAX_VALUE);
        if (!g.components().connected()) {
            return Double.POSITIVE_INFINITY;
        }
        LaplacianSolver solver = LaplacianSolver.of(Laplacian.combinatorial(undirected(g)));
        Random r = new Random(seed);
        int n = g.n();
        double sum = 0;
        for (int t = 0; t < probes; t++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = r.nextBoolean() ? 1 : -1;
            }
            double[] x = solver.solve(z).x();
            for (int i = 0; i < n; i++) {
                sum += z[i] * x[i];
            }
        }
        return n * sum / probes;
    }

    private static WeightedGraph undirected(WeightedGraph g) {
        if (g.isDirected()) {
            throw new IllegalArgumentException("effective resistance needs an undirected graph; call symmetrised() first");
        }
        return g;
    }
}
