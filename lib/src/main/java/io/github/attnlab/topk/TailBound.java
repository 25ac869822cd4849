package io.github.attnlab.topk;

import io.github.attnlab.core.Check;

/**
 * A certified upper bound of the discarded tail mass $\tau(k)$ computed from the ordered logits
 * alone (docs/papers/A.md §A.3, [derived] forms).
 *
 * <p>All bounds share one shape. Split the tail $T$ (ranks $k+1, \dots, n$) into consecutive blocks
 * $b$ of $n_b$ keys whose largest logit is $m_b$, the first of the block in rank order; then
 * $Z_T \le \sum_b n_b e^{m_b} =: N$ and, since $x \mapsto x/(Z_H + x)$ increases,
 * $$\tau(k) = \frac{Z_T}{Z_H + Z_T} \le \frac{N}{Z_H + N}.$$
 * One block is the single-gap bound; blocks of sizes 1, 2, 4, … are the multi-gap ("dyadic") form,
 * which reads only $O(\log n)$ order statistics of the tail; blocks of a fixed size $b$ are the
 * blockwise form. Because $Z_H \ge k\,e^{s_{(k)}}$, the single-gap bound is itself at most
 * $\frac{n-k}{k} e^{-\Delta_k}$ with the boundary gap $\Delta_k = s_{(k)} - s_{(k+1)}$: the gap-only
 * form, which needs two logits and no sums.
 *
 * <p>Every implementation rounds outward ({@link Rigor}): the value returned is never below the exact
 * tail mass of the logits, and never above 1.
 */
public final class TailBound {

    /** How a bound is evaluated on a ranked row. */
    @FunctionalInterface
    private interface Evaluation {
        double upper(RankedRow row, int k);
    }

    private final String name;
    private final Evaluation evaluation;

    private TailBound(String name, Evaluation evaluation) {
        this.name = name;
        this.evaluation = evaluation;
    }

    /** The bound for the top {@code k} of a ranked row, {@code 1 <= k <= row.size()}. */
    public double upper(RankedRow row, int k) {
        Check.notNull("row", row);
        return evaluation.upper(row, k);
    }

    /** A short name for tables and legends. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "TailBound[" + name + "]";
    }

    /** Two bounds are equal when they are the same rule: same name (a block size is part of the name). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TailBound && ((TailBound) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** The certified exact tail mass ({@link RankedRow#tailMassUpper}), which reads every logit. */
    public static final TailBound EXACT = new TailBound("exact", RankedRow::tailMassUpper);

    /** One block holding the whole tail: $(n-k)e^{s_{(k+1)}} / (Z_H + (n-k)e^{s_{(k+1)}})$. */
    public static final TailBound SINGLE_GAP = new TailBound("single gap", (row, k) -> blocks(row, k, Integer.MAX_VALUE, false));

    /** The gap-only form $\frac{n-k}{k} e^{-\Delta_k}$, capped at 1. */
    public static final TailBound GAP_ONLY = new TailBound("gap only", TailBound::gapOnly);

    /** Multi-gap: tail blocks of sizes 1, 2, 4, …, reading $O(\log n)$ order statistics. */
    public static final TailBound DYADIC = new TailBound("multi-gap (dyadic)", (row, k) -> blocks(row, k, 1, true));

    /** Blockwise: tail blocks of {@code size} consecutive ranks. */
    public static TailBound blocks(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("block size = " + size + " must be at least 1");
        }
        return new TailBound("blocks of " + size, (row, k) -> blocks(row, k, size, false));
    }

    /** $N/(Z_H+N)$ with $N = \sum_b n_b e^{m_b}$ over blocks of {@code size} ranks (doubling if asked). */
    private static double blocks(RankedRow row, int k, int size, boolean doubling) {
        int h = row.kept(k);
        int n = row.unmasked();
        if (h == n) {
            return 0;
        }
        double sum = 0;
        long blocks = 0;
        long width = size;
        for (long start = h; start < n; start += width, width = doubling ? 2 * width : width) {
            long nb = Math.min(width, n - start);
            sum += nb * row.expAt((int) start);
            blocks++;
        }
        // One more rounding per block for the product n_b * e^{m_b}.
        double nUp = Rigor.up(sum, 2 * blocks, row.spread());
        return Rigor.ratioUp(nUp, Rigor.down(row.headSum(k), h, row.spread()));
    }

    private static double gapOnly(RankedRow row, int k) {
        int h = row.kept(k);
        int n = row.unmasked();
        if (h == n) {
            return 0;
        }
        double gap = row.logitAt(h - 1) - row.logitAt(h);
        double value = (double) (n - h) / h * Math.exp(-gap);
        return Math.min(1, Math.nextUp(value * (1 + Rigor.delta(4, gap))));
    }
}
