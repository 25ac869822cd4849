package io.github.attnlab.bench.suite;

import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.topk.RankedRow;
import io.github.attnlab.topk.TopKRows;
import java.util.Random;

/**
 * The row operations over one matrix of {@code elements} logits (Gaussian, standard deviation 2, seeded),
 * viewed as rows of n: every row distinct, every run over all rows. The float64 operations read the
 * float32 values widened, so AttnLab and the peers see the very same numbers.
 */
final class RowWorkloads {

    final int elements;
    final float[] x32;
    final double[] x64;
    private final float[] out32;
    private final double[] out64;
    private final int[] ks;

    RowWorkloads(int elements, long seed) {
        if (elements <= 0) {
            throw new IllegalArgumentException("elements = " + elements + " must be > 0");
        }
        this.elements = elements;
        Random r = new Random(seed);
        x32 = new float[elements];
        x64 = new double[elements];
        for (int i = 0; i < elements; i++) {
            x32[i] = (float) (2 * r.nextGaussian());
            x64[i] = x32[i];
        }
        out32 = new float[elements];
        out64 = new double[elements];
        ks = new int[elements / 64 + 1];
    }

    /** The workload of a row operation at row length n (which must divide the element count). */
    Workload of(Op op, int n) {
        if (n <= 0 || elements % n != 0) {
            throw new IllegalArgumentException("n = " + n + " must divide the " + elements + " elements");
        }
        int rows = elements / n;
        SimdOps ops = SimdOps.get();
        return switch (op) {
            case SOFTMAX_F32 -> () -> {
                for (int r = 0; r < rows; r++) {
                    ops.softmax(x32, r * n, n, out32, r * n);
                }
                return out32[elements - 1];
            };
            case SOFTMAX_F64 -> () -> {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += Normalizers.softmax(x64, out64, r * n, n);
                }
                return s;
            };
            case CERTIFIED_K -> new Workload() {
                final RankedRow work = new RankedRow();

                @Override
                public double run() {
                    TopKRows.certifiedK(x64, rows, n, 0.01, ks, work);
                    return ks[rows - 1];
                }

                @Override
                public String check() {
                    run();
                    long sum = 0;
                    for (int r = 0; r < rows; r++) {
                        sum += ks[r];
                    }
                    return String.format(java.util.Locale.ROOT, "mean certified k_eps/n = %.3f", sum / (double) rows / n);
                }
            };
            case SPARSEMAX -> () -> {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += Normalizers.sparsemaxPivot(x64, out64, r * n, n);
                }
                return s;
            };
            case ENTMAX15 -> () -> {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += Normalizers.entmaxBisect(1.5, x64, out64, r * n, n);
                }
                return s;
            };
            default -> throw new IllegalArgumentException("op = " + op + " is not a row operation");
        };
    }
}
