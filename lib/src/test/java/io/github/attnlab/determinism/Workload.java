package io.github.attnlab.determinism;

import io.github.attnlab.compact.Jacobians;
import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.topk.KeyBlocks;
import io.github.attnlab.topk.RankedRow;
import io.github.attnlab.topk.SearchResult;
import io.github.attnlab.topk.TopK;
import java.util.Random;

/**
 * A fixed computation over the SIMD operations and the code built on them (softmax, entmax, Jacobians, top-k
 * certification, certified search), reduced to the raw bits of every result. Two evaluations that differ in any
 * bit differ in the returned array.
 */
final class Workload {

    private final double[] s;
    private final double[] t;
    private final float[] f;
    private final float[] g;
    private final double[][] keys;
    private final double[] query;
    private final int[] idx;

    Workload(int n, long seed) {
        Random r = new Random(seed);
        s = new double[n];
        t = new double[n];
        f = new float[n];
        g = new float[n];
        idx = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = 4 * r.nextGaussian();
            t[i] = r.nextGaussian();
            f[i] = (float) (3 * r.nextGaussian());
            g[i] = (float) r.nextGaussian();
            idx[i] = r.nextInt(n);
        }
        s[5] = Double.NEGATIVE_INFINITY;
        keys = new double[n][16];
        for (double[] k : keys) {
            for (int c = 0; c < k.length; c++) {
                k[c] = r.nextGaussian();
            }
        }
        query = keys[7].clone();
    }

    /** Every result of one evaluation, as raw bits. */
    long[] bits() {
        SimdOps ops = SimdOps.get();
        int n = s.length;
        Sink out = new Sink();
        double[] buf = new double[n];
        double[] buf2 = new double[n];
        out.add(ops.sumExp(t, 0, n, 1.5));
        out.add(ops.expShift(t, 0, n, 0.25, buf, 0));
        out.addAll(buf);
        out.add(ops.expShift(s, 0, n, 12, buf, 0)); // arguments down to the subnormal range
        out.addAll(buf);
        out.add(ops.dot(s, 1, t, 0, n - 1));
        out.add(ops.squaredDistance(t, 0, s, 0, n));
        out.add(ops.sumRectifiedPower(t, 0, n, 0.3, 1.2, -0.1, 2));
        out.add(ops.rectifiedPower(t, 0, n, 0.3, 0.7, 0.1, 3, buf, 0));
        out.addAll(buf);
        out.add(ops.sumAbs(t, 0, n));
        out.add(ops.l1Distance(t, 0, s, 1, n - 1));
        out.add(ops.gatherDot(t, idx, 0, n, t));
        out.add(ops.dot(f, 0, g, 0, n));
        float[] fo = new float[n];
        ops.softmax(f, 0, n, fo, 0);
        out.addAll(fo);
        out.add(ops.softmaxOnline(f, 0, n, fo, 0));
        out.addAll(fo);
        out.add(ops.logSumExp(f, 0, n));
        float[] longRow = new float[9 * n];
        for (int i = 0; i < longRow.length; i++) {
            longRow[i] = f[i % n] + g[(i / n) % n];
        }
        float[] longOut = new float[longRow.length];
        out.add(Normalizers.softmax(longRow, longOut, 0, longRow.length)); // several chunks
        out.addAll(longOut);
        out.add(Normalizers.logSumExp(longRow, 0, longRow.length));
        out.add(Normalizers.entmaxBisect(4.0 / 3, longRow, longOut, 0, longRow.length));
        out.addAll(longOut);
        out.add(Normalizers.sparsemaxPivot(longRow, longOut, 0, longRow.length));
        out.addAll(longOut);
        io.github.attnlab.topk.KSelect select = new io.github.attnlab.topk.KSelect();
        for (double eps : new double[] {0.2, 1e-3, 1e-9}) {
            out.add(select.certifiedK(longRow, eps));
            out.add(select.tailMassUpper());
            out.add(select.logSumExp());
        }
        ops.gelu(f, 0, n, fo, 0);
        out.addAll(fo);
        out.add(Normalizers.softmax(s, buf, 0, n));
        out.addAll(buf);
        out.add(Normalizers.entmax15(s, buf, 0, n));
        out.addAll(buf);
        out.add(Normalizers.entmaxBisect(4.0 / 3, s, buf, 0, n));
        out.addAll(buf);
        Jacobians.entmax(4.0 / 3, s, buf, t, buf2, 0, n);
        out.addAll(buf2);
        RankedRow row = new RankedRow().rank(s);
        for (int k = 1; k <= n; k += 37) {
            out.add(row.tailMass(k));
            out.add(row.tailMassUpper(k));
        }
        out.add(row.certifiedK(1e-3));
        TopK topk = TopK.of(s);
        out.addAll(topk.probabilities());
        SearchResult search = KeyBlocks.contiguous(keys, 16).search(query, 0.25, 1e-3);
        out.add(search.tailMassUpper());
        out.add(search.k());
        return out.toArray();
    }

    /** A growable list of raw bits. */
    private static final class Sink {
        private long[] a = new long[1024];
        private int size;

        void add(double x) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * size);
            }
            a[size++] = Double.doubleToRawLongBits(x);
        }

        void addAll(double[] xs) {
            for (double x : xs) {
                add(x);
            }
        }

        void addAll(float[] xs) {
            for (float x : xs) {
                add(x);
            }
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }
}
