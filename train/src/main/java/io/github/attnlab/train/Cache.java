package io.github.attnlab.train;

/**
 * The activations of one forward pass over a shard of $b$ sequences of length $n$ ($R = bn$ rows), kept for the
 * backward pass, and the scratch of both passes. Reallocated only when $(b, n)$ changes; one per thread.
 */
final class Cache {

    final int b;
    final int n;
    final int rows;
    /** Residual stream entering layer l (index L: leaving the last layer), R × d. */
    final float[][] x;
    final float[][] h1;
    final float[][] mean1;
    final float[][] rstd1;
    final float[][] qkv;
    final float[][] ctx;
    final float[][] x1;
    final float[][] h2;
    final float[][] mean2;
    final float[][] rstd2;
    final float[][] u;
    final float[][] a;
    final float[] hf;
    final float[] meanf;
    final float[] rstdf;
    final float[] logits;
    /** Scores and probabilities over the visible keys, per layer and (sequence, head), row after row. */
    final double[][][] z;
    final double[][][] p;
    /** Compact-kernel attention: the norms of queries and keys per layer, (sequence, head) and token. */
    final double[][][] qNorm;
    final double[][][] kNorm;

    // backward buffers
    final float[] dx;
    final float[] dh;
    final float[] dqkv;
    final float[] dctx;
    final float[] du;
    final float[] dlogits;
    // scratch
    final float[] sq;
    final float[] pf;
    final float[] dpf;
    final float[] tr;
    final float[] headT;
    final float[] wT;
    final float[] xT;
    final float[] prod;
    final double[] row;
    final double[] row2;
    final double[] row3;
    final double[] colSum;
    final double[] rowSum;
    final double[] gp;
    final double[] gz;
    final double[] tmp;

    Cache(ModelConfig c, Layout lay, int b, int n, int[] connections) {
        this.b = b;
        this.n = n;
        this.rows = b * n;
        int d = c.width();
        int f = c.hidden();
        int l = c.layers();
        int hs = b * c.heads();
        x = new float[l + 1][rows * d];
        h1 = new float[l][rows * d];
        mean1 = new float[l][rows];
        rstd1 = new float[l][rows];
        qkv = new float[l][rows * 3 * d];
        ctx = new float[l][rows * d];
        x1 = new float[l][rows * d];
        h2 = new float[l][rows * d];
        mean2 = new float[l][rows];
        rstd2 = new float[l][rows];
        u = new float[l][rows * f];
        a = new float[l][rows * f];
        hf = new float[rows * d];
        meanf = new float[rows];
        rstdf = new float[rows];
        logits = new float[rows * c.outputs()];
        z = new double[l][hs][];
        p = new double[l][hs][];
        boolean kernel = c.normalizer() instanceof AttentionNormalizer.CompactKernel;
        qNorm = new double[l][kernel ? hs : 0][];
        kNorm = new double[l][kernel ? hs : 0][];
        for (int i = 0; i < l; i++) {
            for (int s = 0; s < hs; s++) {
                z[i][s] = new double[connections[i]];
                p[i][s] = new double[connections[i]];
                if (kernel) {
                    qNorm[i][s] = new double[n];
                    kNorm[i][s] = new double[n];
                }
            }
        }
        int wide = Math.max(Math.max(3 * d, f), Math.max(c.outputs(), d));
        dx = new float[rows * d];
        dh = new float[rows * d];
        dqkv = new float[rows * 3 * d];
        dctx = new float[rows * d];
        du = new float[rows * f];
        dlogits = new float[rows * c.outputs()];
        sq = new float[n * n];
        pf = new float[n * n];
        dpf = new float[n * n];
        tr = new float[n * n];
        headT = new float[c.headDim() * n];
        int maxIn = Math.max(Math.max(d, f), c.vocabulary() > 0 ? 1 : c.inputDim());
        wT = new float[maxIn * wide];
        xT = new float[rows * Math.max(maxIn, wide)];
        prod = new float[maxIn * wide];
        row = new double[n];
        row2 = new double[n];
        row3 = new double[n];
        colSum = new double[n];
        rowSum = new double[n];
        int maxConn = 0;
        for (int conn : connections) {
            maxConn = Math.max(maxConn, conn);
        }
        gp = new double[maxConn];
        gz = new double[maxConn];
        tmp = new double[maxConn];
    }

    boolean fits(int b, int n) {
        return this.b == b && this.n == n;
    }
}
