package io.github.attnlab.haar;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.ArgSort;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;
import java.util.Locale;

/**
 * The coefficients of an array in a {@link TensorHaar} basis, indexed like the array: entry
 * $(q_0, \dots, q_{d-1})$ is the coefficient of $\psi_{q_0} \otimes \dots \otimes \psi_{q_{d-1}}$,
 * whose folder on axis $a$ is {@code basis(a).folder(q_a)}. Immutable.
 *
 * <p>The sparsity measures of docs/papers/C.md §C.5: the $\ell_1$ entropy $\sum |c|$ (for a fixed $\ell_2$
 * norm, small when few coefficients carry the energy), the scale-free ratio
 * $\ell_1 / \ell_2 \in [1, \sqrt N]$, the best-$k$-term approximation error (by Parseval, the norm
 * of the discarded coefficients), and the Hölder exponent estimated from the decay of the
 * coefficients with the folder size ({@link HolderEstimate}).
 */
public final class HaarCoefficients {

    private final TensorHaar basis;
    private final double[] values;

    HaarCoefficients(TensorHaar basis, double[] values) {
        this.basis = basis;
        this.values = values;
    }

    /** The basis. */
    public TensorHaar basis() {
        return basis;
    }

    /** The shape (one length per axis). */
    public int[] dims() {
        return basis.dims();
    }

    /** The number of coefficients. */
    public int size() {
        return values.length;
    }

    /** A copy of the coefficients, row-major. */
    public double[] values() {
        return values.clone();
    }

    /** The coefficient with the given index on each axis. */
    public double get(int... index) {
        Check.notNull("index", index);
        return values[flat(index)];
    }

    /** The $\ell_1$ entropy $\sum |c|$ (through {@link SimdOps}). */
    public double l1() {
        return SimdOps.get().sumAbs(values, 0, values.length);
    }

    /** The $\ell_2$ norm, equal to the array's Frobenius norm (Parseval). */
    public double l2() {
        return Math.sqrt(SimdOps.get().dot(values, 0, values, 0, values.length));
    }

    /** $\ell_1 / \ell_2$: 1 for a single coefficient, $\sqrt N$ for a flat spectrum; NaN for zero. */
    public double l1Ratio() {
        double l2 = l2();
        Check.state(l2 > 0, "every coefficient is 0: the ratio l1 / l2 is undefined");
        return l1() / l2;
    }

    /** The magnitudes in decreasing order. */
    public double[] sortedMagnitudes() {
        double[] m = new double[values.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = -Math.abs(values[i]);
        }
        Arrays.sort(m);
        for (int i = 0; i < m.length; i++) {
            m[i] = -m[i];
        }
        return m;
    }

    /**
     * The relative error of the best {@code k}-term approximation,
     * $\|f - f_k\|_2 / \|f\|_2 = (\sum_{i > k} |c|_{(i)}^2)^{1/2} / \|c\|_2$ (0 for the zero array).
     */
    public double bestTermError(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k = " + k + " must be >= 0");
        }
        double[] tail = tailEnergies();
        return tail[0] > 0 ? Math.sqrt(tail[Math.min(k, tail.length - 1)] / tail[0]) : 0;
    }

    /** The smallest $k$ whose best-$k$-term relative error is at most {@code relError}. */
    public int termsFor(double relError) {
        if (!(relError >= 0 && relError <= 1)) {
            throw new IllegalArgumentException("relError = " + relError + " is outside [0, 1]");
        }
        double[] tail = tailEnergies();
        int k = 0;
        while (k < tail.length - 1 && tail[0] > 0 && Math.sqrt(tail[k] / tail[0]) > relError) {
            k++;
        }
        return k;
    }

    /** tail[k] = the energy of all but the k largest coefficients, for k = 0..N (summed smallest first). */
    private double[] tailEnergies() {
        double[] m = sortedMagnitudes();
        double[] tail = new double[m.length + 1];
        for (int i = m.length - 1; i >= 0; i--) {
            tail[i] = tail[i + 1] + m[i] * m[i];
        }
        return tail;
    }

    /** The coefficients with all but the {@code k} largest in magnitude set to 0 (ties by index). */
    public HaarCoefficients keepLargest(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k = " + k + " must be >= 0");
        }
        double[] magnitude = new double[values.length];
        for (int i = 0; i < magnitude.length; i++) {
            magnitude[i] = Math.abs(values[i]);
        }
        int[] idx = ArgSort.descending(magnitude);
        double[] kept = new double[values.length];
        for (int r = 0; r < Math.min(k, idx.length); r++) {
            kept[idx[r]] = values[idx[r]];
        }
        return new HaarCoefficients(basis, kept);
    }

    /** The array these coefficients represent (row-major). */
    public double[] reconstruct() {
        return basis.inverse(this);
    }

    /** $\prod_a |X_a| / n_a$ over the folders of the coefficient at a flat index. */
    public double folderFraction(int flatIndex) {
        Check.index("flatIndex", flatIndex, values.length);
        int[] ix = unflat(flatIndex);
        double s = 1;
        for (int a = 0; a < ix.length; a++) {
            s *= basis.basis(a).folderFraction(ix[a]);
        }
        return s;
    }

    /** Whether the coefficient at a flat index uses the scaling function on some axis. */
    public boolean usesScaling(int flatIndex) {
        int[] ix = unflat(flatIndex);
        for (int q : ix) {
            if (q == 0) {
                return true;
            }
        }
        return false;
    }

    /** The Hölder exponent fitted on every folder size (see {@link HolderEstimate}). */
    public HolderEstimate holder() {
        return HolderEstimate.fit(this, HolderEstimate.Envelope.MAX, 0, 1);
    }

    /** The Hölder exponent fitted on folder fractions in {@code [minFraction, maxFraction]}. */
    public HolderEstimate holder(double minFraction, double maxFraction) {
        return HolderEstimate.fit(this, HolderEstimate.Envelope.MAX, minFraction, maxFraction);
    }

    /** The decay exponent with the given bin summary, on folder fractions in {@code [minFraction, maxFraction]}. */
    public HolderEstimate decay(HolderEstimate.Envelope envelope, double minFraction, double maxFraction) {
        Check.notNull("envelope", envelope);
        return HolderEstimate.fit(this, envelope, minFraction, maxFraction);
    }

    /** The sorted magnitudes against their rank, on log-log axes. */
    public XYChart decayChart(String name) {
        double[] m = sortedMagnitudes();
        double[] r = new double[m.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i + 1;
        }
        return XYChart.of("Haar coefficient decay", "rank", "|coefficient|").line(name, r, m).logX().logY();
    }

    int flat(int... index) {
        int[] d = basis.dims();
        if (index.length != d.length) {
            throw new IllegalArgumentException("index has " + index.length + " entries, need one per axis: " + d.length);
        }
        int f = 0;
        for (int a = 0; a < d.length; a++) {
            Check.index("index[" + a + "]", index[a], d[a]);
            f = f * d[a] + index[a];
        }
        return f;
    }

    int[] unflat(int f) {
        int[] d = basis.dims();
        int[] ix = new int[d.length];
        for (int a = d.length - 1; a >= 0; a--) {
            ix[a] = f % d[a];
            f /= d[a];
        }
        return ix;
    }

    /** One line: shape, l1, l2 and how many terms hold 99% of the energy. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HaarCoefficients[%s, l1=%.5g, l2=%.5g, l1/l2=%.4g, 99%% energy in %d of %d terms]",
                Arrays.toString(dims()).replace(", ", "x"), l1(), l2(), l1Ratio(), termsFor(0.1), size());
    }
}
