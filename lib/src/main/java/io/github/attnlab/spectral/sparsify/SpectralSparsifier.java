package io.github.attnlab.spectral.sparsify;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.EdgeList;
import io.github.attnlab.spectral.graph.WeightedGraph;
import io.github.attnlab.spectral.resistance.EdgeResistances;
import java.util.Arrays;
import java.util.Random;

/**
 * Spectral sparsification by effective-resistance sampling (Spielman &amp; Srivastava, SIAM J.
 * Comput. 40, 2011; docs/papers/D.md §D item 4).
 *
 * <p>Draw $q$ edges independently with replacement, edge $e$ with probability
 * $p_e = w_e R_e / \sum_f w_f R_f$ (its leverage score, normalised by $n - c$), and give each draw
 * weight $w_e/(q\,p_e)$. Then $E[\tilde L] = L$, and for $q = O(n \log n/\varepsilon^2)$, with high
 * probability $(1-\varepsilon)x^\top L x \le x^\top \tilde L x \le (1+\varepsilon)x^\top L x$ for
 * all $x$. The theorem's constant is not explicit; {@link QuadraticFormError} measures the
 * $\varepsilon$ actually reached. Approximate resistances within $1 \pm \delta$ change the
 * probabilities by at most that factor, which the theorem tolerates.
 */
public final class SpectralSparsifier {

    private SpectralSparsifier() {
    }

    /** A sparsifier from {@code samples} draws. */
    public static Sparsified sample(WeightedGraph g, EdgeResistances r, int samples, long seed) {
        Check.notNull("g", g);
        Check.notNull("r", r);
        Check.range("samples", samples, 1, Integer.MAX_VALUE);
        Sampler s = new Sampler(g, r, seed);
        for (int t = 0; t < samples; t++) {
            s.draw();
        }
        return s.result(samples);
    }

    /**
     * A sparsifier drawn until it has {@code edgeBudget} distinct edges (for comparisons at equal
     * edge counts). The number of draws is then random; each draw keeps weight $w_e/(q p_e)$ with
     * the final $q$, which is unbiased conditional on $q$ only approximately.
     */
    public static Sparsified toEdgeBudget(WeightedGraph g, EdgeResistances r, int edgeBudget, long seed) {
        Check.notNull("g", g);
        Check.notNull("r", r);
        Check.range("edgeBudget", edgeBudget, 1, g.edgeCount());
        Sampler s = new Sampler(g, r, seed);
        int draws = 0;
        long cap = 1000L * g.edgeCount() + 1000;
        while (s.distinct < edgeBudget && draws < cap) {
            s.draw();
            draws++;
        }
        return s.result(draws);
    }

    /** Draws edges by inverting the cumulative distribution of the leverage scores. */
    private static final class Sampler {
        private final WeightedGraph g;
        private final EdgeList e;
        private final double[] cumulative;
        private final double[] p;
        private final int[] counts;
        private final Random random;
        private int distinct;

        Sampler(WeightedGraph g, EdgeResistances r, long seed) {
            if (g.isDirected()) {
                throw new IllegalArgumentException("sparsification needs an undirected graph; call symmetrised() first");
            }
            this.g = g;
            this.e = r.edges();
            if (e.size() != g.edgeCount() || e.n() != g.n()) {
                throw new IllegalArgumentException("resistances are for " + e.size() + " edges on " + e.n()
                        + " vertices, the graph has " + g.edgeCount() + " on " + g.n());
            }
            double[] lev = r.leverages();
            double total = Arrays.stream(lev).sum();
            this.p = new double[lev.length];
            this.cumulative = new double[lev.length];
            double c = 0;
            for (int t = 0; t < lev.length; t++) {
                if (!(lev[t] >= 0) || Double.isInfinite(lev[t])) {
                    throw new IllegalArgumentException("leverage of edge " + t + " is " + lev[t]);
                }
                p[t] = lev[t] / total;
                c += p[t];
                cumulative[t] = c;
            }
            this.counts = new int[lev.length];
            this.random = new Random(seed);
        }

        void draw() {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int t = Arrays.binarySearch(cumulative, u);
            t = t >= 0 ? t : -t - 1;
            t = Math.min(t, counts.length - 1);
            while (p[t] == 0) { // never draw an edge of probability 0 on a boundary
                t++;
            }
            if (counts[t]++ == 0) {
                distinct++;
            }
        }

        Sparsified result(int q) {
            int[] u = new int[distinct];
            int[] v = new int[distinct];
            double[] w = new double[distinct];
            int k = 0;
            for (int t = 0; t < counts.length; t++) {
                if (counts[t] > 0) {
                    u[k] = e.u(t);
                    v[k] = e.v(t);
                    w[k] = counts[t] * e.w(t) / (q * p[t]);
                    k++;
                }
            }
            return new Sparsified(g, WeightedGraph.fromEdges(g.n(), u, v, w), q);
        }
    }
}
