package io.github.attnlab.spectral.heads;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.plot.Table;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.spectral.eigen.LaplacianSpectra;
import io.github.attnlab.spectral.eigen.Spectrum;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.LaplacianKind;
import io.github.attnlab.spectral.graph.WeightedGraph;
import io.github.attnlab.spectral.sparsify.LaplacianDistance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-row top-$k$ over every head of one or more passages, for an increasing list of $k$: one {@link TopKGap} row per
 * (passage, head, $k$), in that order, with the summaries the statements of docs/papers/D.md §D item 2 are claimed on.
 */
public final class TopKGapSweep {

    /**
     * The smallest $k$ of the sweep from which a head stays connected (for every larger $k$ of the sweep too).
     *
     * @param passage   the passage's id
     * @param layer     the layer
     * @param head      the head
     * @param lambda2   $\lambda_2(L)$ of the full head
     * @param smallestK the smallest such $k$ (the largest $k$ of the sweep when even that one is disconnected)
     */
    public record ConnectedFrom(String passage, int layer, int head, double lambda2, int smallestK) {
    }

    private final int[] ks;
    private final Table<TopKGap> rows;

    private TopKGapSweep(int[] ks, Table<TopKGap> rows) {
        this.ks = ks;
        this.rows = rows;
    }

    /**
     * The sweep over every head of each passage ({@code passages}: id to tensor, in iteration order) for the
     * strictly increasing {@code ks}, each in $[1, n-1]$.
     */
    public static TopKGapSweep of(Map<String, AttentionTensor> passages, int... ks) {
        Check.notNull("passages", passages);
        Check.notNull("ks", ks);
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("passages is empty");
        }
        if (ks.length == 0) {
            throw new IllegalArgumentException("ks is empty");
        }
        List<TopKGap> out = new ArrayList<>();
        for (Map.Entry<String, AttentionTensor> e : passages.entrySet()) {
            AttentionTensor t = Check.notNull("passages[" + e.getKey() + "]", e.getValue());
            int n = t.length();
            for (int i = 0; i < ks.length; i++) {
                Check.range("ks[" + i + "]", ks[i], i == 0 ? 1 : ks[i - 1] + 1, n - 1);
            }
            for (int l = 0; l < t.layers(); l++) {
                for (int h = 0; h < t.heads(); h++) {
                    head(Check.notNull("passage id", e.getKey()), l, h, t.probabilities(l, h), ks, out);
                }
            }
        }
        return new TopKGapSweep(ks.clone(), Table.of(out));
    }

    private static void head(String passage, int l, int h, double[][] p, int[] ks, List<TopKGap> out) {
        int n = p.length;
        WeightedGraph a = AttentionGraphs.directed(p);
        WeightedGraph w = a.symmetrised();
        Spectrum full = LaplacianSpectra.smallest(Laplacian.combinatorial(w), 3);
        double lambda2 = full.value(1);
        double delta = Math.min(full.value(1), full.value(2) - full.value(1));
        double[] rowSum = a.degrees();
        for (int k : ks) {
            WeightedGraph ak = a.topKPerRow(k);
            WeightedGraph wk = ak.symmetrised();
            Spectrum sk = LaplacianSpectra.smallest(Laplacian.combinatorial(wk), 3);
            double norm = LaplacianDistance.spectralNorm(w, wk, LaplacianKind.COMBINATORIAL);
            double[] kept = ak.degrees();
            double[][] dk = ak.toDense();
            double[] dropped = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    dropped[j] += p[i][j] - dk[i][j];
                }
            }
            double bound = 0;
            for (int i = 0; i < n; i++) {
                bound = Math.max(bound, rowSum[i] - kept[i] + dropped[i]);
            }
            out.add(new TopKGap(passage, l, h, k, lambda2, sk.value(1), norm, bound, wk.components().connected(),
                    sinAngle(full.vector(1), sk.vector(1)), 2 * norm / delta));
        }
    }

    /** $\sin\angle(a, b) = \sqrt{1 - \cos^2}$ of two non-zero vectors, up to sign. */
    static double sinAngle(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        double c = Math.min(1, Math.abs(ab) / Math.sqrt(aa * bb));
        return Math.sqrt(Math.max(0, 1 - c * c));
    }

    /** The rows. */
    public Table<TopKGap> table() {
        return rows;
    }

    /** The $k$ of the sweep (a copy). */
    public int[] ks() {
        return ks.clone();
    }

    /** The largest {@link TopKGap#weylSlack()}: at most 0 when Weyl's inequality holds everywhere. */
    public double worstWeylSlack() {
        return rows.max(TopKGap::weylSlack);
    }

    /** The largest {@link TopKGap#massSlack()}: at most 0 when the discarded-mass bound holds everywhere. */
    public double worstMassSlack() {
        return rows.max(TopKGap::massSlack);
    }

    /** The largest {@link TopKGap#angleViolation()}: at most 0 when Davis–Kahan holds everywhere. */
    public double worstAngleViolation() {
        return rows.max(TopKGap::angleViolation);
    }

    /** The largest drop $\lambda_2(L_k) - \lambda_2(L_{k'})$ from one $k$ of the sweep to the next, per head. */
    public double worstDrop() {
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < rows.size(); i++) {
            TopKGap a = rows.get(i - 1);
            TopKGap b = rows.get(i);
            if (a.sameHead(b)) {
                worst = Math.max(worst, a.lambda2K() - b.lambda2K());
            }
        }
        return worst;
    }

    /** The rows with $k \ge$ {@code minK}. */
    public Table<TopKGap> atLeast(int minK) {
        return rows.where(r -> r.k() >= minK);
    }

    /** The fraction of the rows with $k \ge$ {@code minK} where the gap bound is informative. */
    public double informativeFraction(int minK) {
        Table<TopKGap> large = nonEmpty(minK);
        return large.count(TopKGap::informative) / (double) large.size();
    }

    /**
     * The median (upper, $x_{(\lfloor m/2 \rfloor)}$) of gap bound / $\sin\angle$ over the rows with $k \ge$
     * {@code minK} where the bound is informative and the angle positive.
     *
     * @throws IllegalStateException when no such row exists
     */
    public double medianTightness(int minK) {
        double[] r = nonEmpty(minK).where(g -> g.informative() && g.sinAngle() > 0)
                .column(g -> g.gapBound() / g.sinAngle());
        if (r.length == 0) {
            throw new IllegalStateException("no row with k >= " + minK + " has an informative bound and a positive angle");
        }
        Arrays.sort(r);
        return r[r.length / 2];
    }

    /** The quartiles $x_{(\lfloor m/4 \rfloor)}, x_{(\lfloor m/2 \rfloor)}, x_{(\lfloor 3m/4 \rfloor)}$ of
     *  $\lambda_2(L_k)/\lambda_2(L)$ over the heads at one $k$ of the sweep. */
    public double[] gapRatioQuartiles(int k) {
        double[] r = rows.where(g -> g.k() == k).column(TopKGap::gapRatio);
        if (r.length == 0) {
            throw new IllegalArgumentException("k = " + k + " is not one of the sweep's " + Arrays.toString(ks));
        }
        Arrays.sort(r);
        return new double[] {r[r.length / 4], r[r.length / 2], r[3 * r.length / 4]};
    }

    /** For every head, the smallest $k$ of the sweep from which it stays connected. */
    public Table<ConnectedFrom> connectedFrom() {
        List<ConnectedFrom> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += ks.length) {
            int smallest = ks[ks.length - 1];
            for (int j = ks.length - 1; j >= 0 && rows.get(i + j).connected(); j--) {
                smallest = ks[j];
            }
            TopKGap g = rows.get(i);
            out.add(new ConnectedFrom(g.passage(), g.layer(), g.head(), g.lambda2(), smallest));
        }
        return Table.of(out);
    }

    /** The quartiles of $\lambda_2(L_k)/\lambda_2(L)$ against $k$. */
    public XYChart gapRatioChart(String title) {
        double[] kx = Arrays.stream(ks).asDoubleStream().toArray();
        double[][] q = new double[3][ks.length];
        for (int i = 0; i < ks.length; i++) {
            double[] qi = gapRatioQuartiles(ks[i]);
            for (int j = 0; j < 3; j++) {
                q[j][i] = qi[j];
            }
        }
        return XYChart.of(title, "k (per-row top-k)", "lambda2(L_k) / lambda2(L)").linePoints("upper quartile", kx, q[2])
                .linePoints("median", kx, q[1]).linePoints("lower quartile", kx, q[0]).logX();
    }

    /** The $\sin\angle$ of the Fiedler vectors against the gap bound, for $k \ge$ {@code minK}, with the diagonal. */
    public XYChart gapBoundChart(String title, int minK) {
        Table<TopKGap> large = nonEmpty(minK);
        return XYChart.of(title, "bound 2 ||L - L_k|| / delta", "sin angle(v2(L), v2(L_k))")
                .points("(head, k) pairs", large.column(TopKGap::gapBound), large.column(g -> Math.max(g.sinAngle(), 1e-12)))
                .line("bound = measured", new double[] {1e-3, 1e3}, new double[] {1e-3, 1e3})
                .line("sin = 1 (a bound above it says nothing)", new double[] {1e-3, 1e3}, new double[] {1, 1})
                .logX().logY();
    }

    private Table<TopKGap> nonEmpty(int minK) {
        Table<TopKGap> t = atLeast(minK);
        if (t.size() == 0) {
            throw new IllegalArgumentException("minK = " + minK + " is above every k of the sweep " + Arrays.toString(ks));
        }
        return t;
    }

    @Override
    public String toString() {
        return "TopKGapSweep[" + rows.size() + " (head, k) rows, k = " + Arrays.toString(ks) + "]";
    }
}
