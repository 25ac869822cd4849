package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;

import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * Top-k certification of every row of a matrix of logits (queries × keys): the batch form of
 * {@link TopK}, with a fluent surface ({@link #of}, {@link #keep}, {@link #certify}) and
 * allocation-free static operations on flat row-major arrays for loops
 * ({@link #certifiedK(double[], int, int, double, int[], RankedRow)}).
 *
 * <p>Rows follow the row contract ({@link LogitRow}): $-\infty$ masks a key; NaN, $+\infty$ and a row with no
 * unmasked key are refused, naming the row and the position ({@code "logits[3][17] is NaN"}).
 */
public final class TopKRows {

    private final double[] flat;
    private final int rows;
    private final int cols;

    private TopKRows(double[] flat, int rows, int cols) {
        this.flat = flat;
        this.rows = rows;
        this.cols = cols;
    }

    /** A rectangular matrix of logits, one row per query (copied); rows follow the row contract ({@link LogitRow}). */
    public static TopKRows of(double[][] logits) {
        int rows = LogitRow.validateRows("logits", logits);
        int cols = logits[0].length;
        double[] flat = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(logits[i], 0, flat, i * cols, cols);
        }
        return new TopKRows(flat, rows, cols);
    }

    /** A rectangular float matrix of logits, widened to double. */
    public static TopKRows of(float[][] logits) {
        int rows = Check.rectangular("logits", logits);
        int cols = logits[0].length;
        double[] flat = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            LogitRow.validate("logits[" + i + "]", logits[i]);
            for (int j = 0; j < cols; j++) {
                flat[i * cols + j] = logits[i][j];
            }
        }
        return new TopKRows(flat, rows, cols);
    }

    /** Number of rows (queries). */
    public int rows() {
        return rows;
    }

    /** Number of columns (keys). */
    public int cols() {
        return cols;
    }

    /** One row as a fluent {@link TopK}. */
    public TopK row(int i) {
        Check.index("i", i, rows);
        return TopK.of(Arrays.copyOfRange(flat, i * cols, (i + 1) * cols));
    }

    /** $\tau$ and its certified bound for every row when each keeps its top k. */
    public Kept keep(int k) {
        double[] tau = new double[rows];
        double[] up = new double[rows];
        RankedRow w = new RankedRow();
        for (int i = 0; i < rows; i++) {
            w.rank(flat, i * cols, cols);
            tau[i] = w.tailMass(k);
            up[i] = w.tailMassUpper(k);
        }
        return new Kept(k, tau, up);
    }

    /** The certified $k_\varepsilon$ of every row. */
    public Certified certify(double eps) {
        int[] k = new int[rows];
        certifiedK(flat, rows, cols, eps, k, new RankedRow());
        return new Certified(eps, cols, k);
    }

    /**
     * Allocation-free batch: writes the certified $k_\varepsilon$ of each row of the row-major
     * {@code rows × cols} array {@code logits} into {@code out}, reusing {@code work}.
     */
    public static void certifiedK(double[] logits, int rows, int cols, double eps, int[] out, RankedRow work) {
        Check.notNull("logits", logits);
        checkBatch(logits.length, rows, cols, eps, out);
        Check.notNull("work", work);
        for (int i = 0; i < rows; i++) {
            out[i] = work.rank("logits[" + i + "]", logits, i * cols, cols).certifiedK(eps);
        }
    }

    /**
     * The double batch without sorting the rows ({@link KSelect}'s double path): writes the certified $k_\varepsilon$
     * of each row of the row-major {@code rows × cols} array {@code logits} into {@code out}, reusing {@code work}.
     * Each answer is certified as the sorting batch's is; the two agree up to the rounding of differently ordered
     * sums. Rows are named {@code logits[i]} in refusals.
     */
    public static void certifiedK(double[] logits, int rows, int cols, double eps, int[] out, KSelect work) {
        Check.notNull("logits", logits);
        checkBatch(logits.length, rows, cols, eps, out);
        Check.notNull("work", work);
        for (int i = 0; i < rows; i++) {
            out[i] = work.certifiedK("logits[" + i + "]", logits, i * cols, cols, eps);
        }
    }

    /**
     * The float32 batch: writes the certified $k_\varepsilon$ of each row of the row-major {@code rows × cols}
     * float array {@code logits} into {@code out}, reusing {@code work}, without sorting the rows
     * ({@link KSelect}). Rows are named {@code logits[i]} in refusals.
     */
    public static void certifiedK(float[] logits, int rows, int cols, double eps, int[] out, KSelect work) {
        Check.notNull("logits", logits);
        checkBatch(logits.length, rows, cols, eps, out);
        Check.notNull("work", work);
        for (int i = 0; i < rows; i++) {
            out[i] = work.certifiedK("logits[" + i + "]", logits, i * cols, cols, eps);
        }
    }

    @Override
    public String toString() {
        return "TopKRows[" + rows + " x " + cols + "]";
    }

    /**
     * Every row's tail mass at a fixed k.
     *
     * @param k             the k kept in every row
     * @param tailMass      $\tau$ per row
     * @param tailMassUpper certified bound per row
     */
    public record Kept(int k, double[] tailMass, double[] tailMassUpper) {

        /** Copies the arrays. */
        public Kept {
            Check.notNull("tailMass", tailMass);
            Check.notNull("tailMassUpper", tailMassUpper);
            tailMass = tailMass.clone();
            tailMassUpper = tailMassUpper.clone();
        }

        /** The tail mass of every row (a copy). */
        @Override
        public double[] tailMass() {
            return tailMass.clone();
        }

        /** The certified bound of every row (a copy). */
        @Override
        public double[] tailMassUpper() {
            return tailMassUpper.clone();
        }

        /** The mean tail mass over rows. */
        public double meanTailMass() {
            return Arrays.stream(tailMass).average().orElse(0);
        }

        /** The largest tail mass over rows. */
        public double maxTailMass() {
            return Arrays.stream(tailMass).max().orElse(0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Kept[k = %d over %d rows: mean tail mass %.4e, max %.4e]",
                    k, tailMass.length, meanTailMass(), maxTailMass());
        }
    }

    /**
     * Every row's certified $k_\varepsilon$; draws k against the row index.
     *
     * @param eps  the budget
     * @param keys the number of keys per row
     * @param k    certified k per row
     */
    public record Certified(double eps, int keys, int[] k) implements Figure {

        /** Copies the array. */
        public Certified {
            Check.notNull("k", k);
            k = k.clone();
        }

        @Override
        public int[] k() {
            return k.clone();
        }

        /** The mean of $k_\varepsilon$ over rows. */
        public double meanK() {
            return Arrays.stream(k).average().orElse(0);
        }

        /** The mean of $k_\varepsilon / n$ over rows. */
        public double meanFraction() {
            return meanK() / keys;
        }

        @Override
        public JFreeChart chart() {
            double[] x = new double[k.length];
            double[] y = new double[k.length];
            for (int i = 0; i < k.length; i++) {
                x[i] = i;
                y[i] = k[i];
            }
            return XYChart.of("Certified k per query (eps = " + eps + ")", "query", "k_eps").points("k_eps", x, y).chart();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Certified[eps = %s over %d rows of %d keys: mean k = %.2f (%.2f%% of keys)]",
                    eps, k.length, keys, meanK(), 100 * meanFraction());
        }
    }

    /** The checks the two batch entry points share, in the order their refusals name the arguments. */
    private static void checkBatch(int length, int rows, int cols, double eps, int[] out) {
        Check.positive("rows", rows);
        Check.positive("cols", cols);
        RankedRow.checkEps(eps);
        Check.notNull("out", out);
        if (length < (long) rows * cols) {
            throw new IllegalArgumentException("logits has length " + length + ", need rows x cols = "
                    + rows + " x " + cols);
        }
        if (out.length < rows) {
            throw new IllegalArgumentException("out has length " + out.length + ", need rows = " + rows);
        }
    }
}
