package io.github.attnlab.spectral;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.WeightedGraph;

/**
 * The output $AV$ of an attention matrix held as a directed graph, and the relative error
 * $\|AV - \tilde AV\|_F / \|AV\|_F$ of a sparsified attention $\tilde A$, whose rows are
 * renormalised to sum to 1 first (as a sparse attention kernel does).
 */
public final class AttentionOutput {

    private AttentionOutput() {
    }

    /** $AV$ for the adjacency $A$ of {@code attention} and values $V$ ($n \times d$). */
    public static double[][] apply(WeightedGraph attention, double[][] values) {
        Check.notNull("attention", attention);
        int n = attention.n();
        if (Check.finiteMatrix("values", values) != n) {
            throw new IllegalArgumentException("values has " + values.length + " rows, the attention " + n);
        }
        int d = values[0].length;
        SparseMatrix a = attention.adjacency();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int p = a.rowStart(i); p < a.rowStart(i + 1); p++) {
                double w = a.value(p);
                double[] v = values[a.column(p)];
                for (int t = 0; t < d; t++) {
                    out[i][t] += w * v[t];
                }
            }
        }
        return out;
    }

    /** $\|AV - \tilde AV\|_F / \|AV\|_F$ with $\tilde A$'s rows renormalised (empty rows output 0). */
    public static double relativeError(WeightedGraph attention, WeightedGraph sparse, double[][] values) {
        Check.notNull("attention", attention);
        Check.notNull("sparse", sparse);
        if (sparse.n() != attention.n()) {
            throw new IllegalArgumentException("sizes differ: " + attention.n() + " and " + sparse.n());
        }
        double[][] exact = apply(attention, values);
        double[][] approx = apply(sparse.rowNormalised(), values);
        double num = 0;
        double den = 0;
        for (int i = 0; i < exact.length; i++) {
            for (int t = 0; t < exact[i].length; t++) {
                double e = exact[i][t] - approx[i][t];
                num += e * e;
                den += exact[i][t] * exact[i][t];
            }
        }
        return Math.sqrt(num / den);
    }
}
