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
 * tail mass of the logits, and never above 1, in every floating-point regime. Where the tail's terms
 * are subnormal or underflow to 0 (a tail more than about 708 below the largest logit), each key of the
 * tail adds an absolute allowance of $4 \cdot 2^{-1074}$ to $N$, so a bound of a non-empty tail is
 * positive and at least about $4(n-k)\,2^{-1074}/Z_H$ (gap only: $\frac{n-k}{k}\,4 \cdot 2^{-1074}$): a
 * budget below that is certified only by keeping every key. No bound falls back to the smallest normal
 * number. What is certified, and the rounding allowances, are stated in {@code docs/certificates.md}.
 *
 * <p>Cost per k: $O(1)$ for the single-gap and gap-only forms, $O(\log n)$ for the multi-gap form and
 * $O((n-k)/b)$ for blocks of $b$. {@link RankedRow#certifiedK(double, TailBound)} scans k upward; for
 * blocks it first forms, in $O(n)$, the sums of every $b$-th ranked term from each rank, so the whole
 * scan costs $O(n)$ for any $b$ and returns exactly the k a scan of {@link #upper} would.
 */
public final class TailBound {

    /** How a bound is evaluated on a ranked row. */
    @FunctionalInterface
    private interface Evaluation {
        double upper(RankedRow row, int k);
    }

    /** The smallest k whose bound is at most eps, on a row with at least one unmasked key. */
    @FunctionalInterface
    private interface Scan {
        int smallest(RankedRow row, double eps);
    }

    private final String name;
    private final Evaluation evaluation;
    private final Scan scan;

    private TailBound(String name, Evaluation evaluation, Scan scan) {
        this.name = name;
        this.evaluation = evaluation;
        this.scan = scan;
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

    /** The smallest k below $n_{eff}$ whose bound is at most eps, else $n_{eff}$ (row not fully masked). */
    int certifiedK(RankedRow row, double eps) {
        if (scan != null) {
            return scan.smallest(row, eps);
        }
        int n = row.unmasked();
        for (int k = 1; k < n; k++) {
            if (upper(row, k) <= eps) {
                return k;
            }
        }
        return n;
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
    public static final TailBound EXACT = new TailBound("exact", RankedRow::tailMassUpper, null);

    /** One block holding the whole tail: $(n-k)e^{s_{(k+1)}} / (Z_H + (n-k)e^{s_{(k+1)}})$. */
    public static final TailBound SINGLE_GAP = new TailBound("single gap",
            (row, k) -> blocks(row, k, Integer.MAX_VALUE), null);

    /** The gap-only form $\frac{n-k}{k} e^{-\Delta_k}$, capped at 1. */
    public static final TailBound GAP_ONLY = new TailBound("gap only", TailBound::gapOnly, null);

    /** Multi-gap: tail blocks of sizes 1, 2, 4, …, reading $O(\log n)$ order statistics. */
    public static final TailBound DYADIC = new TailBound("multi-gap (dyadic)", TailBound::dyadic, null);

    /** Blockwise: tail blocks of {@code size} consecutive ranks. */
    public static TailBound blocks(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("block size = " + size + " must be at least 1");
        }
        return new TailBound("blocks of " + size, (row, k) -> blocks(row, k, size),
                (row, eps) -> scanBlocks(row, eps, size));
    }

    /**
     * Blocks of {@code size} ranks from rank h: with $L$ the first rank of the last block,
     * $N = b\sum_{i \equiv h \,(b),\ h \le i < L} e_i + (n - L)\,e_L$. The sum over the full blocks is
     * accumulated from its smallest term, exactly as {@link #scanBlocks} does.
     */
    private static double blocks(RankedRow row, int k, int size) {
        int h = row.kept(k);
        int n = row.unmasked();
        if (h == n) {
            return 0;
        }
        long last = lastStart(h, n, size);
        double full = 0;
        for (long i = last - size; i >= h; i -= size) {
            full = row.expAt((int) i) + full;
        }
        return fromBlocks(row, h, size, last, full);
    }

    /** The first rank of the last block when blocks of {@code size} ranks start at rank h. */
    private static long lastStart(int h, int n, int size) {
        return h + (long) size * ((n - 1 - h) / size);
    }

    /** $N/(Z_H + N)$, rounded outward, from the sum {@code full} of the full blocks' first terms. */
    private static double fromBlocks(RankedRow row, int h, int size, long last, double full) {
        int n = row.unmasked();
        double sum = size * full + (n - last) * row.expAt((int) last);
        long blocks = (last - h) / size + 1;
        // A term passes through at most blocks - 2 additions in full, two products and one last sum.
        double nUp = Rigor.up(sum, blocks + 2, row.spread(), n - h);
        return Rigor.ratioUp(nUp, row.headDown(h));
    }

    /**
     * The smallest k certified by blocks of {@code size}: {@code full[i]} $= e_i + $ {@code full[i + size]}
     * (0 where rank i starts the last block) holds, for every h at once, the sum {@link #blocks}
     * accumulates, with the same operations in the same order, so both give the same bits.
     */
    private static int scanBlocks(RankedRow row, double eps, int size) {
        int n = row.unmasked();
        double[] full = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            full[i] = (long) i + size >= n ? 0 : row.expAt(i) + full[i + size];
        }
        for (int h = 1; h < n; h++) {
            if (fromBlocks(row, h, size, lastStart(h, n, size), full[h]) <= eps) {
                return h;
            }
        }
        return n;
    }

    /** Blocks of 1, 2, 4, … ranks from rank h: $O(\log n)$ terms. */
    private static double dyadic(RankedRow row, int k) {
        int h = row.kept(k);
        int n = row.unmasked();
        if (h == n) {
            return 0;
        }
        double sum = 0;
        long blocks = 0;
        for (long start = h, width = 1; start < n; start += width, width *= 2) {
            sum += Math.min(width, n - start) * row.expAt((int) start);
            blocks++;
        }
        // One product and at most blocks additions per term.
        double nUp = Rigor.up(sum, 2 * blocks, row.spread(), n - h);
        return Rigor.ratioUp(nUp, row.headDown(h));
    }

    /** $\frac{n-h}{h}e^{s_{(h+1)} - s_{(h)}}$, each operation rounded up (4 ulp of $2^{-1074}$ if it underflows). */
    private static double gapOnly(RankedRow row, int k) {
        int h = row.kept(k);
        int n = row.unmasked();
        if (h == n) {
            return 0;
        }
        double ratio = Rigor.divUp(n - h, h);
        return Math.min(1, Rigor.mulUp(ratio, Rigor.expUp(row.logitAt(h), row.logitAt(h - 1))));
    }
}
