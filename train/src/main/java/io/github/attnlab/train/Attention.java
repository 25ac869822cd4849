package io.github.attnlab.train;

import io.github.attnlab.compact.Jacobians;
import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.compact.nw.NadarayaWatson;
import io.github.attnlab.compact.nw.SmoothingKernel;
import java.util.Arrays;

/**
 * Multi-head attention of one layer, forward and backward, on the packed $Q\,K\,V$ of a shard
 * ({@code qkv}: $R \times 3d$, head $h$ in columns $h d_h$, $d + h d_h$, $2d + h d_h$).
 *
 * <p>For each sequence and head: $S = Q_h K_h^\top$ by {@link Mat#mm}; per query $i$ the scores of its visible keys
 * $z_{ij} = S_{ij}/\sqrt{d_h} + b_{ij}$ ($b$: the ALiBi bias, else 0), or for compact-kernel attention
 * $z_{ij} = \beta_h \cos(q_i, k_j)$; $p_{i\cdot} = \rho(z_{i\cdot})$ in double precision by {@code compact}; then
 * $C_h = P V_h$. The backward pass applies the normaliser's exact Jacobian ({@link Jacobians}) and, for a learned
 * $\alpha$, $\partial p/\partial\alpha$ ({@link Jacobians#entmaxAlpha}).
 */
final class Attention {

    private final ModelConfig c;
    private final int layer;
    private final Layout.LayerSlices ls;
    private final double scale;
    private final double[] slopes;

    Attention(ModelConfig c, Layout.LayerSlices ls, int layer) {
        this.c = c;
        this.layer = layer;
        this.ls = ls;
        this.scale = 1 / Math.sqrt(c.headDim());
        this.slopes = new double[c.heads()];
        for (int h = 0; h < c.heads(); h++) {
            slopes[h] = Math.pow(2, -8.0 * (h + 1) / c.heads());
        }
    }

    /** $\alpha_h$ of a learned-entmax head, $1 + \sigma(a_h)$. */
    static double alpha(float a) {
        return 1 + 1 / (1 + Math.exp(-a));
    }

    private double bias(int h, int i, int j) {
        if (c.positions() != PositionEncoding.ALIBI) {
            return 0;
        }
        return -slopes[h] * Math.abs(i - j);
    }

    void forward(float[] w, Cache k, Visibility vis, float[] headGate) {
        int n = k.n;
        int d = c.width();
        int dh = c.headDim();
        float[] qkv = k.qkv[layer];
        float[] ctx = k.ctx[layer];
        for (int s = 0; s < k.b; s++) {
            int base = s * n * 3 * d;
            for (int h = 0; h < c.heads(); h++) {
                int sh = s * c.heads() + h;
                Mat.transpose(qkv, base + d + h * dh, 3 * d, n, dh, k.headT);
                Mat.mm(n, n, dh, qkv, base + h * dh, 3 * d, k.headT, 0, n, k.sq, 0, n);
                double[] z = k.z[layer][sh];
                double[] p = k.p[layer][sh];
                double beta = 0;
                if (c.normalizer() instanceof AttentionNormalizer.CompactKernel) {
                    beta = Math.exp(w[ls.beta().offset() + h]);
                    norms(qkv, base + h * dh, 3 * d, n, dh, k.qNorm[layer][sh]);
                    norms(qkv, base + d + h * dh, 3 * d, n, dh, k.kNorm[layer][sh]);
                }
                Arrays.fill(k.pf, 0, n * n, 0f);
                for (int i = 0; i < n; i++) {
                    int[] keys = vis.keys[i];
                    int off = vis.offset[i];
                    for (int t = 0; t < keys.length; t++) {
                        int j = keys[t];
                        double raw = k.sq[i * n + j];
                        z[off + t] = beta > 0 ? beta * raw / (k.qNorm[layer][sh][i] * k.kNorm[layer][sh][j])
                                : raw * scale + bias(h, i, j);
                    }
                    normalize(w, h, beta, z, p, off, keys.length, k.row, k.row2);
                    for (int t = 0; t < keys.length; t++) {
                        k.pf[i * n + keys[t]] = (float) p[off + t];
                    }
                }
                Mat.mm(n, dh, n, k.pf, 0, n, qkv, base + 2 * d + h * dh, 3 * d, ctx, s * n * d + h * dh, d);
                float g = headGate == null ? 1f : headGate[h];
                if (g != 1f) {
                    for (int i = 0; i < n; i++) {
                        for (int e = 0; e < dh; e++) {
                            ctx[s * n * d + i * d + h * dh + e] *= g;
                        }
                    }
                }
            }
        }
    }

    private void normalize(float[] w, int h, double beta, double[] z, double[] p, int off, int len, double[] sq,
                           double[] out) {
        AttentionNormalizer nz = c.normalizer();
        if (nz instanceof AttentionNormalizer.Softmax) {
            softmax(z, p, off, len);
        } else if (nz instanceof AttentionNormalizer.Entmax e) {
            double a = e.learned() ? alpha(w[ls.alpha().offset() + h]) : e.alpha();
            Normalizers.entmax(a, z, p, off, len);
        } else if (nz instanceof AttentionNormalizer.NormalizedRelu r) {
            Normalizers.normalizedRelu(1, r.theta(), z, p, off, len);
        } else {
            SmoothingKernel kernel = ((AttentionNormalizer.CompactKernel) nz).kernel();
            for (int t = 0; t < len; t++) {
                sq[t] = Math.max(0, 2 - 2 * z[off + t] / beta);   // ||q^ - k^||^2 = 2 - 2 cos
            }
            NadarayaWatson.adaptiveWeights(kernel, 1 / Math.sqrt(beta), sq, out, 0, len);
            System.arraycopy(out, 0, p, off, len);
        }
    }

    /** Softmax in double with {@link Math#exp} in index order (the same bits whenever the row is the same). */
    static void softmax(double[] z, double[] p, int off, int len) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = off; i < off + len; i++) {
            m = Math.max(m, z[i]);
        }
        double sum = 0;
        for (int i = off; i < off + len; i++) {
            p[i] = Math.exp(z[i] - m);
            sum += p[i];
        }
        for (int i = off; i < off + len; i++) {
            p[i] /= sum;
        }
    }

    private static void norms(float[] x, int off, int ld, int n, int dh, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int e = 0; e < dh; e++) {
                double v = x[off + i * ld + e];
                s += v * v;
            }
            out[i] = Math.sqrt(s + 1e-12);
        }
    }

    /** Reads {@code k.dctx}, writes {@code k.dqkv} and adds the gradients of $\alpha$ or $\log\beta$ to {@code grad}. */
    void backward(float[] w, Cache k, Visibility vis, float[] headGate, float[] grad) {
        int n = k.n;
        int d = c.width();
        int dh = c.headDim();
        float[] qkv = k.qkv[layer];
        AttentionNormalizer nz = c.normalizer();
        for (int s = 0; s < k.b; s++) {
            int base = s * n * 3 * d;
            int cbase = s * n * d;
            for (int h = 0; h < c.heads(); h++) {
                int sh = s * c.heads() + h;
                float g = headGate == null ? 1f : headGate[h];
                if (g != 1f) {
                    for (int i = 0; i < n; i++) {
                        for (int e = 0; e < dh; e++) {
                            k.dctx[cbase + i * d + h * dh + e] *= g;
                        }
                    }
                }
                double[] z = k.z[layer][sh];
                double[] p = k.p[layer][sh];
                // P again (float), its transpose, and dP = dC V^T
                Arrays.fill(k.pf, 0, n * n, 0f);
                for (int i = 0; i < n; i++) {
                    for (int t = 0; t < vis.keys[i].length; t++) {
                        k.pf[i * n + vis.keys[i][t]] = (float) p[vis.offset[i] + t];
                    }
                }
                Mat.transpose(k.pf, 0, n, n, n, k.tr);
                Mat.mm(n, dh, n, k.tr, 0, n, k.dctx, cbase + h * dh, d, k.dqkv, base + 2 * d + h * dh, 3 * d);
                Mat.transpose(qkv, base + 2 * d + h * dh, 3 * d, n, dh, k.headT);
                Mat.mm(n, n, dh, k.dctx, cbase + h * dh, d, k.headT, 0, n, k.dpf, 0, n);
                boolean kernel = nz instanceof AttentionNormalizer.CompactKernel;
                double beta = kernel ? Math.exp(w[ls.beta().offset() + h]) : 0;
                double dLogBeta = 0;
                double dA = 0;
                Arrays.fill(k.sq, 0, n * n, 0f);
                Arrays.fill(k.colSum, 0, n, 0);
                for (int i = 0; i < n; i++) {
                    int[] keys = vis.keys[i];
                    int off = vis.offset[i];
                    int len = keys.length;
                    for (int t = 0; t < len; t++) {
                        k.gp[off + t] = k.dpf[i * n + keys[t]];
                    }
                    dA += vjp(w, h, z, p, off, len, k.gp, k.gz, k.tmp);
                    if (kernel) {
                        double qn = k.qNorm[layer][sh][i];
                        double radial = 0;
                        for (int t = 0; t < len; t++) {
                            int j = keys[t];
                            double cos = z[off + t] / beta;
                            dLogBeta += k.gz[off + t] * z[off + t];
                            double dcos = beta * k.gz[off + t];
                            k.sq[i * n + j] = (float) (dcos / (qn * k.kNorm[layer][sh][j]));
                            radial += dcos * cos;
                            k.colSum[j] += dcos * cos;
                        }
                        k.rowSum[i] = radial / (qn * qn);
                    } else {
                        for (int t = 0; t < len; t++) {
                            k.sq[i * n + keys[t]] = (float) (k.gz[off + t] * scale);
                        }
                    }
                }
                // dQ = dS K, dK = dS^T Q
                Mat.mm(n, dh, n, k.sq, 0, n, qkv, base + d + h * dh, 3 * d, k.dqkv, base + h * dh, 3 * d);
                Mat.transpose(k.sq, 0, n, n, n, k.tr);
                Mat.mm(n, dh, n, k.tr, 0, n, qkv, base + h * dh, 3 * d, k.dqkv, base + d + h * dh, 3 * d);
                if (kernel) {
                    for (int i = 0; i < n; i++) {
                        double rq = k.rowSum[i];
                        double kn = k.kNorm[layer][sh][i];
                        double rk = k.colSum[i] / (kn * kn);
                        int r = base + i * 3 * d;
                        for (int e = 0; e < dh; e++) {
                            k.dqkv[r + h * dh + e] -= (float) (rq * qkv[r + h * dh + e]);
                            k.dqkv[r + d + h * dh + e] -= (float) (rk * qkv[r + d + h * dh + e]);
                        }
                    }
                    grad[ls.beta().offset() + h] += (float) dLogBeta;
                }
                if (nz instanceof AttentionNormalizer.Entmax e && e.learned()) {
                    double sg = alpha(w[ls.alpha().offset() + h]) - 1;
                    grad[ls.alpha().offset() + h] += (float) (dA * sg * (1 - sg));
                }
            }
        }
    }

    /** $\nabla_z = J^\top \nabla_p$ on one row; returns $\langle \nabla_p, \partial p/\partial\alpha\rangle$ for a learned $\alpha$, else 0. */
    private double vjp(float[] w, int h, double[] z, double[] p, int off, int len, double[] gp, double[] gz,
                       double[] tmp) {
        AttentionNormalizer nz = c.normalizer();
        if (nz instanceof AttentionNormalizer.Softmax) {
            Jacobians.softmax(z, p, gp, gz, off, len);
        } else if (nz instanceof AttentionNormalizer.Entmax e) {
            double a = e.learned() ? alpha(w[ls.alpha().offset() + h]) : e.alpha();
            Jacobians.entmax(a, z, p, gp, gz, off, len);
            if (e.learned()) {
                Jacobians.entmaxAlpha(a, z, p, tmp, off, len);
                double s = 0;
                for (int t = off; t < off + len; t++) {
                    s += gp[t] * tmp[t];
                }
                return s;
            }
        } else if (nz instanceof AttentionNormalizer.NormalizedRelu r) {
            Jacobians.normalizedReluVjp(1, r.theta(), z, p, gp, gz, off, len);
        } else {
            Jacobians.entmax(((AttentionNormalizer.CompactKernel) nz).alpha(), z, p, gp, gz, off, len);
        }
        return 0;
    }
}
