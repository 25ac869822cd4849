package io.github.attnlab.spectral.heads;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.Table;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.SparseMatrixBuilder;
import io.github.attnlab.spectral.graph.WeightedGraph;
import io.github.attnlab.spectral.resistance.EdgeResistances;
import io.github.attnlab.spectral.resistance.EffectiveResistance;
import io.github.attnlab.spectral.sparsify.QuadraticFormError;
import io.github.attnlab.spectral.sparsify.Sparsified;
import io.github.attnlab.spectral.sparsify.SpectralSparsifier;
import io.github.attnlab.stats.LineFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * Resistances and sparsification on chosen heads of one passage (docs/papers/D.md §D items 3 and 4): Foster's
 * theorem, Rayleigh monotonicity under top-$k$, Spielman–Srivastava sampling at the theorem's sample count and its
 * $q^{-1/2}$ rate, and top-$k$ against sampling at equal edge budgets. Draws the budget comparison.
 *
 * @param theoremSamples the theorem's $q = \lceil 4n\ln n/\varepsilon_0^2 \rceil$
 * @param heads          one row per head
 * @param budgets        one row per (head, budget)
 */
public record SparsificationStudy(int theoremSamples, Table<HeadSparsification> heads, Table<BudgetComparison> budgets)
        implements Figure {

    /** Checks the tables. */
    public SparsificationStudy {
        Check.notNull("heads", heads);
        Check.notNull("budgets", budgets);
    }

    /**
     * The study on the heads {@code layerHead} ((layer, head) pairs) of {@code t}: $\varepsilon_0$ = {@code
     * targetEpsilon} sets the theorem's sample count, {@code rateSamples} (at least two distinct counts) the rate's
     * fit, and each $k$ of {@code budgetsFromK} (distinct, in $[1, n-1]$) one edge budget and one step of the Rayleigh
     * chain (in decreasing $k$). Sampling is seeded from {@code seed}.
     */
    public static SparsificationStudy of(AttentionTensor t, int[][] layerHead, double targetEpsilon, int[] rateSamples,
                                         int[] budgetsFromK, long seed) {
        Check.notNull("t", t);
        Check.notNull("layerHead", layerHead);
        Check.open("targetEpsilon", targetEpsilon, 0, 1);
        Check.notNull("rateSamples", rateSamples);
        Check.notNull("budgetsFromK", budgetsFromK);
        int n = t.length();
        for (int i = 0; i < layerHead.length; i++) {
            Check.notNull("layerHead[" + i + "]", layerHead[i]);
            Check.size("layerHead[" + i + "].length", layerHead[i].length, 2);
            Check.index("layerHead[" + i + "][0]", layerHead[i][0], t.layers());
            Check.index("layerHead[" + i + "][1]", layerHead[i][1], t.heads());
        }
        if (rateSamples.length < 2 || Arrays.stream(rateSamples).distinct().count() < 2) {
            throw new IllegalArgumentException("rateSamples needs two distinct counts, not " + Arrays.toString(rateSamples));
        }
        for (int i = 0; i < rateSamples.length; i++) {
            Check.positive("rateSamples[" + i + "]", rateSamples[i]);
        }
        for (int i = 0; i < budgetsFromK.length; i++) {
            Check.range("budgetsFromK[" + i + "]", budgetsFromK[i], 1, n - 1);
        }
        if (Arrays.stream(budgetsFromK).distinct().count() != budgetsFromK.length) {
            throw new IllegalArgumentException("budgetsFromK repeats a value: " + Arrays.toString(budgetsFromK));
        }
        int q = (int) Math.ceil(4 * n * Math.log(n) / (targetEpsilon * targetEpsilon));
        int[] increasing = budgetsFromK.clone();
        Arrays.sort(increasing);
        List<HeadSparsification> rows = new ArrayList<>();
        List<BudgetComparison> budgets = new ArrayList<>();
        for (int[] lh : layerHead) {
            WeightedGraph a = AttentionGraphs.directed(t.probabilities(lh[0], lh[1]));
            WeightedGraph w = a.symmetrised();
            EdgeResistances r = EffectiveResistance.exactEdges(w);
            double rayleigh = Double.POSITIVE_INFINITY;
            double previous = EffectiveResistance.total(w);
            for (int i = increasing.length - 1; i >= 0; i--) {
                int k = increasing[i];
                double rk = EffectiveResistance.total(a.topKPerRow(k).symmetrised());
                rayleigh = Math.min(rayleigh, (rk - previous) / previous);
                previous = rk;
            }
            double theorem = SpectralSparsifier.sample(w, r, q, seed).error().epsilon();
            double[] eps = new double[rateSamples.length];
            double[] qs = new double[rateSamples.length];
            for (int i = 0; i < rateSamples.length; i++) {
                qs[i] = rateSamples[i];
                eps[i] = SpectralSparsifier.sample(w, r, rateSamples[i], seed + i).error().epsilon();
            }
            rows.add(new HeadSparsification(lh[0], lh[1], Math.abs(r.fosterSum() - (n - 1)), rayleigh, theorem,
                    LineFit.logLog(qs, eps).slope()));
            for (int k : budgetsFromK) {
                budgets.add(budget(a, w, r, lh, k, seed + k));
            }
        }
        return new SparsificationStudy(q, Table.of(rows), Table.of(budgets));
    }

    private static BudgetComparison budget(WeightedGraph a, WeightedGraph w, EdgeResistances r, int[] lh, int k,
                                           long seed) {
        int n = a.n();
        double total = Arrays.stream(a.degrees()).sum();
        WeightedGraph ak = a.topKPerRow(k);
        WeightedGraph wk = ak.symmetrised();
        Sparsified s = SpectralSparsifier.toEdgeBudget(w, r, wk.edgeCount(), seed);
        SparseMatrixBuilder pattern = SparseMatrix.builder(n, n);
        SparseMatrix sp = s.sparse().adjacency();
        for (int i = 0; i < n; i++) {
            pattern.add(i, i, 1);
            for (int e = sp.rowStart(i); e < sp.rowStart(i + 1); e++) {
                pattern.add(i, sp.column(e), 1);
            }
        }
        WeightedGraph as = a.restrictedTo(WeightedGraph.directed(pattern.build()));
        double lostTop = 1 - Arrays.stream(ak.degrees()).sum() / total;
        double lostSampled = 1 - Arrays.stream(as.degrees()).sum() / total;
        return new BudgetComparison(lh[0], lh[1], k, wk.edgeCount(), (double) wk.edgeCount() / w.edgeCount(),
                QuadraticFormError.exact(w, wk).epsilon(), s.error().epsilon(), lostTop, lostSampled);
    }

    /** Attention mass lost against quadratic-form $\varepsilon$, top-$k$ and the sparsifier at the same budgets. */
    @Override
    public JFreeChart chart() {
        return XYChart.of("D.4: top-k against effective-resistance sampling (" + heads.size() + " heads x "
                        + budgets.size() / Math.max(1, heads.size()) + " budgets)", "quadratic-form epsilon",
                        "attention mass lost (TV after renormalising)")
                .points("top-k", budgets.column(BudgetComparison::epsilonTopK), budgets.column(BudgetComparison::lostTopK))
                .points("sparsifier", budgets.column(BudgetComparison::epsilonSparsifier),
                        budgets.column(BudgetComparison::lostSparsifier))
                .logY().chart();
    }

    @Override
    public String toString() {
        return "SparsificationStudy[" + heads.size() + " heads, " + budgets.size() + " budgets, q = " + theoremSamples + "]";
    }
}
