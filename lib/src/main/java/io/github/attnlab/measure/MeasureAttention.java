package io.github.attnlab.measure;

import io.github.attnlab.core.Check;
import java.util.Arrays;
import java.util.Locale;

/**
 * Attention as an integral operator on a measure (paper F.1: Kawata and Suzuki 2026; {@code docs/papers/F.md}):
 * $$\mathrm{Attn}(\nu)(x) = \frac{\int v(y)\, e^{\langle W_q x, W_k y\rangle} d\nu(y)}{\int e^{\langle W_q x, W_k y\rangle}
 * d\nu(y)}.$$
 *
 * <p>Evaluated on any finite measure in <b>one streaming pass</b> with a running log-sum-exp: per query it keeps the
 * largest logit $m$ seen so far, $s = \sum_j w_j e^{a_j - m}$, $s_2 = \sum_j w_j^2 e^{2(a_j - m)}$ and
 * $\sum_j w_j e^{a_j - m} v(y_j)$, rescaling all three when $m$ grows. Memory is $O(q (d_v + d))$ for $q$ queries,
 * whatever the number of atoms: a context of $10^6$ samples is never held as an $n \times d$ array when the measure
 * generates its atoms ({@link MixtureContext#context}). The logit is computed as $\langle u, y\rangle$ with
 * $u = W_k^\top W_q x$, once per query.
 */
public final class MeasureAttention {

    /**
     * The attention of one query.
     *
     * @param value          $\mathrm{Attn}(\nu)(x) \in \mathbb{R}^{d_v}$
     * @param logPartition   $\log\int e^{\langle W_q x, W_k y\rangle} d\nu(y)$
     * @param effectiveAtoms $(\sum_j w_j e^{a_j})^2 / \sum_j w_j^2 e^{2 a_j}$: how many atoms carry the output
     * @param atoms          the number of atoms visited
     */
    public record Output(double[] value, double logPartition, double effectiveAtoms, long atoms) {

        /** Copies {@code value}. */
        public Output {
            value = Check.notNull("value", value).clone();
        }

        @Override
        public double[] value() {
            return value.clone();
        }

        /** One line. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Output[%s, log Z %.6g, effective atoms %.4g of %d]",
                    Arrays.toString(Arrays.copyOf(value, Math.min(4, value.length))), logPartition, effectiveAtoms, atoms);
        }
    }

    private final double[][] bilinear;
    private final ValueMap value;

    private MeasureAttention(double[][] bilinear, ValueMap value) {
        this.bilinear = bilinear;
        this.value = value;
    }

    /**
     * Attention with query and key maps $W_q$ ($m \times d_x$), $W_k$ ($m \times d$) and a value map on $\mathbb{R}^d$.
     *
     * @throws IllegalArgumentException for ragged or non-finite matrices, or dimensions that do not match
     */
    public static MeasureAttention of(double[][] wq, double[][] wk, ValueMap value) {
        int m = Check.finiteMatrix("wq", wq);
        Check.size("rows of wk", Check.finiteMatrix("wk", wk), m);
        int dx = wq[0].length;
        int d = wk[0].length;
        double[][] b = new double[d][dx];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < dx; j++) {
                double s = 0;
                for (int r = 0; r < m; r++) {
                    s += wk[r][i] * wq[r][j];
                }
                b[i][j] = s;
            }
        }
        return bilinear(b, value);
    }

    /** Attention whose logit is $y^\top B x$ for a $d \times d_x$ matrix $B = W_k^\top W_q$ (copied). */
    public static MeasureAttention bilinear(double[][] b, ValueMap value) {
        Check.finiteMatrix("b", b);
        Check.notNull("value", value);
        Check.size("value map input dimension", value.inputDimension(), b.length);
        return new MeasureAttention(Arrays.stream(b).map(double[]::clone).toArray(double[][]::new), value);
    }

    /** $\mathrm{Attn}(\nu)(x)$ for one query. */
    public Output apply(double[] x, Measure nu) {
        Check.finite("x", x);
        Check.size("x.length", x.length, bilinear[0].length);
        return apply(new double[][] {x}, nu)[0];
    }

    /** $\mathrm{Attn}(\nu)(x_q)$ for every query, in one pass over $\nu$. */
    public Output[] apply(double[][] queries, Measure nu) {
        Measure.checked("nu", nu);
        int q = Check.finiteMatrix("queries", queries);
        int d = bilinear.length;
        int dx = bilinear[0].length;
        Check.size("query dimension", queries[0].length, dx);
        Check.size("nu's dimension", nu.dimension(), d);
        double[][] u = new double[q][d];
        for (int t = 0; t < q; t++) {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < dx; j++) {
                    s += bilinear[i][j] * queries[t][j];
                }
                u[t][i] = s;
            }
        }
        int dv = value.dimension();
        double[] max = new double[q];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[] sum = new double[q];
        double[] sum2 = new double[q];
        double[][] acc = new double[q][dv];
        double[] v = new double[dv];
        long[] atoms = {0};
        nu.forEach((y, w) -> {
            long j = atoms[0]++;
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("nu: atom " + j + " has weight " + w);
            }
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(y[i])) {
                    throw new IllegalArgumentException("nu: atom " + j + " has " + y[i] + " at coordinate " + i);
                }
            }
            if (w == 0) {
                return;
            }
            value.apply(y, v);
            for (int t = 0; t < q; t++) {
                double a = 0;
                double[] ut = u[t];
                for (int i = 0; i < d; i++) {
                    a += ut[i] * y[i];
                }
                if (a > max[t]) {
                    double r = Math.exp(max[t] - a);
                    sum[t] *= r;
                    sum2[t] *= r * r;
                    double[] at = acc[t];
                    for (int k = 0; k < dv; k++) {
                        at[k] *= r;
                    }
                    max[t] = a;
                }
                double e = w * Math.exp(a - max[t]);
                sum[t] += e;
                sum2[t] += e * e;
                double[] at = acc[t];
                for (int k = 0; k < dv; k++) {
                    at[k] += e * v[k];
                }
            }
        });
        Output[] out = new Output[q];
        for (int t = 0; t < q; t++) {
            if (!(sum[t] > 0)) {
                throw new IllegalArgumentException("nu has no mass: every atom has weight 0");
            }
            double[] val = acc[t];
            for (int k = 0; k < dv; k++) {
                val[k] /= sum[t];
            }
            out[t] = new Output(val, max[t] + Math.log(sum[t]), sum[t] * sum[t] / sum2[t], atoms[0]);
        }
        return out;
    }

    /** One line. */
    @Override
    public String toString() {
        return "MeasureAttention[logit y^T B x with B " + bilinear.length + " x " + bilinear[0].length + ", values in R^"
                + value.dimension() + "]";
    }
}
