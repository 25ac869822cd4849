package io.github.attnlab.spectral.cut;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.ArgSort;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.LaplacianKind;
import io.github.attnlab.spectral.graph.SparseMatrix;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Cheeger's inequality for the normalised Laplacian, $\lambda_2/2 \le h(G) \le \sqrt{2\lambda_2}$,
 * with the sweep cut that proves the upper side (Chung 1997, Thm 2.2; docs/papers/D.md §D item 1).
 *
 * <p>The sweep sorts vertices by $x_i = \psi_i/\sqrt{d_i}$ ($\psi$ the Fiedler vector of
 * $L_{\mathrm{sym}}$, so $x$ is that of $L_{\mathrm{rw}}$), and takes the prefix $S_j$ of smallest
 * conductance. Then $\lambda_2/2 \le h(G) \le \phi(S_{\mathrm{sweep}}) \le \sqrt{2\lambda_2}$: the
 * middle inequality holds by definition of $h$, the outer two are the theorem.
 *
 * @param lambda2          $\lambda_2(L_{\mathrm{sym}})$
 * @param sweep            the best sweep cut
 * @param sweepProfile     $\phi(S_j)$ for $j = 1..n-1$ (NaN where a side has volume 0)
 */
public record Cheeger(double lambda2, Cut sweep, double[] sweepProfile) implements Figure {

    /** Copies. */
    public Cheeger {
        Check.notNull("sweepProfile", sweepProfile);
        sweepProfile = sweepProfile.clone();
    }

    /** Cheeger's bounds and sweep cut of an undirected graph without isolated vertices. */
    public static Cheeger of(WeightedGraph g) {
        Check.notNull("g", g);
        Conductance.check(g, new boolean[g.n()]);
        Conductance.requireNoIsolatedVertex(g);
        return of(g, SpectralGap.of(Laplacian.of(g, LaplacianKind.SYMMETRIC)));
    }

    /** The same from an already computed gap of $L_{\mathrm{sym}}$. */
    public static Cheeger of(WeightedGraph g, SpectralGap symmetricGap) {
        Check.notNull("g", g);
        Check.notNull("symmetricGap", symmetricGap);
        if (symmetricGap.kind() != LaplacianKind.SYMMETRIC) {
            throw new IllegalArgumentException("Cheeger's inequality is stated for the symmetric normalised Laplacian, not "
                    + symmetricGap.kind());
        }
        Conductance.check(g, new boolean[g.n()]);
        Conductance.requireNoIsolatedVertex(g);
        double[] d = g.degrees();
        double[] psi = symmetricGap.fiedler();
        int n = g.n();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = psi[i] / Math.sqrt(d[i]);
        }
        int[] order = ArgSort.descending(x);
        double total = Arrays.stream(d).sum();
        SparseMatrix w = g.adjacency();
        boolean[] in = new boolean[n];
        double cut = 0;
        double vol = 0;
        double[] profile = new double[n - 1];
        int best = 0;
        for (int j = 0; j < n - 1; j++) {
            int v = order[j];
            for (int p = w.rowStart(v); p < w.rowStart(v + 1); p++) {
                cut += in[w.column(p)] ? -w.value(p) : w.value(p);
            }
            in[v] = true;
            vol += d[v];
            double m = Math.min(vol, total - vol);
            profile[j] = m > 0 ? Math.max(0, cut) / m : Double.NaN;
            if (profile[j] < profile[best] || Double.isNaN(profile[best])) {
                best = j;
            }
        }
        boolean[] set = new boolean[n];
        for (int j = 0; j <= best; j++) {
            set[order[j]] = true;
        }
        return new Cheeger(symmetricGap.lambda2(), new Cut(Conductance.of(g, set), set), profile);
    }

    /** $\lambda_2/2$. */
    public double lowerBound() {
        return lambda2 / 2;
    }

    /** $\sqrt{2\lambda_2}$. */
    public double upperBound() {
        return Math.sqrt(2 * Math.max(0, lambda2));
    }

    /** $\phi$ of the sweep cut, an upper bound on $h(G)$. */
    public double sweepConductance() {
        return sweep.conductance();
    }

    /** The profile (a copy). */
    @Override
    public double[] sweepProfile() {
        return sweepProfile.clone();
    }

    /** Whether $\lambda_2/2 \le \phi_{\mathrm{sweep}} \le \sqrt{2\lambda_2}$ up to {@code tol}. */
    public boolean holds(double tol) {
        return lowerBound() <= sweepConductance() + tol && sweepConductance() <= upperBound() + tol;
    }

    /** The sweep profile with the two bounds. */
    @Override
    public JFreeChart chart() {
        int m = sweepProfile.length;
        double[] j = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int t = 0; t < m; t++) {
            j[t] = t + 1;
            lo[t] = lowerBound();
            hi[t] = upperBound();
        }
        return XYChart.of("Sweep cut and Cheeger's bounds", "prefix size j", "conductance φ(S_j)")
                .line("φ(S_j)", j, sweepProfile).line("√(2λ₂)", j, hi).line("λ₂/2", j, lo).chart();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Cheeger[lambda2/2 = %.6g <= h <= sweep phi = %.6g <= sqrt(2 lambda2) = %.6g; |S| = %d of %d]",
                lowerBound(), sweepConductance(), upperBound(), sweep.size(), sweep.set().length);
    }
}
