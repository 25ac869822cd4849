package io.github.attnlab.bench.suite;

import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.topk.KSelect;
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
        return switch (op) {
            case SOFTMAX_F32 -> () -> {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += Normalizers.softmax(x32, out32, r * n, n);
                }
                return s;
            };
            case SOFTMAX_F64 -> () -> {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += Normalizers.softmax(x64, out64, r * n, n);
                }
                return s;
            };
            case CERTIFIED_K_F32 -> new CertifiedK(rows, n) {
                final KSelect work = new KSelect();

                @Override
                public double run() {
                    TopKRows.certifiedK(x32, rows, n, 0.01, ks, work);
                    return ks[rows - 1];
                }
            };
            case CERTIFIED_K -> new CertifiedK(rows, n) {
                final KSelect work = new KSelect();

                @Override
                public double run() {
                    TopKRows.certifiedK(x64, rows, n, 0.01, ks, work);
                    return ks[rows - 1];
                }
            };
            case SPARSEMAX_F32 -> () -> {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += Normalizers.sparsemaxPivot(x32, out32, r * n, n);
                }
                return s;
            };
            case ENTMAX15_F32 -> () -> {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += Normalizers.entmaxBisect(1.5, x32, out32, r * n, n);
                }
                return s;
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

    /** Certified $k_\varepsilon$ over all rows; its check reports the mean $k_\varepsilon/n$. */
    private abstract class CertifiedK implements Workload {

        private final int rows;
        private final int n;

        CertifiedK(int rows, int n) {
            this.rows = rows;
            this.n = n;
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
    }
}
