package io.github.attnlab.topk;

import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;

/**
 * A reusable workspace for the certified $k_\varepsilon$ of a row without sorting the row (docs/papers/A.md
 * §A.8). Float32 rows: one float exponential per key, a few vector passes that bracket the cut, and a sort of the few
 * keys in the bracket. Double rows go to the double path below (one double exponential per key, a histogram and one
 * sorted bucket), where {@link RankedRow} sorts the whole row.
 *
 * <p><b>Float path</b> ($\varepsilon \ge 2^{-40}$, {@link #FLOAT_EPS}). With $M = \max_i s_i$: (1) $e_i =
 * \mathrm{fl}(e^{s_i - M})$ in float ({@link SelectKernels#exp}) and $Z = \sum_i e_i$; (2) probe passes: for eight
 * thresholds $t$ at a time, the selection sum $\sum_{e_i &lt; t} e_i$ (first spread over $[\varepsilon Z/2n,
 * \min(1, 2\varepsilon Z)]$, where the cut must lie, then placed around the cut interpolated from the last bracket),
 * until the bracket $[lo, hi)$ (every key $\ge hi$ is needed, every key $&lt; lo$ is not) holds about
 * $24 + n/64$ keys; (3) one split pass: the head sum $H_{hi} = \sum_{e_i \ge hi} e_i$, the tail sum
 * $T_{lo} = \sum_{e_i &lt; lo} e_i$ in the fixed summation tree of {@link SelectKernels}, and the bracket's keys;
 * (4) the bracket sorted and its keys added to the head one at a time, largest first, until the certificate holds.
 * The selection sums only steer the search: the answer is the first $k$ of the walk whose certificate holds, after
 * checking that the bracket's top (no bracket key kept) does not already pass; otherwise (never seen on random
 * rows) the row goes to the double path, counted in {@code fallbacks}.
 *
 * <p><b>Error argument of the float path.</b> Each exponential satisfies $|e_i - E_i| \le \eta E_i + \alpha$ with
 * $E_i = e^{s_i - M}$ exact, $\eta = 2^{-19}$, $\alpha = 2^{-125}$ ({@link SelectKernels}: the argument is carried
 * exactly by TwoSum, so no term grows with $|s_i - M|$; reduction $0.73u$, truncation $0.13u$, coefficients $0.1u$,
 * Horner $16.2u$, scaling $u$, $u = 2^{-24}$, total $18.2u$ under $32u$; flushed and subnormal results within
 * $\alpha$). Each computed sum $S$ of $m$ such terms passes every term through at most 15 float and $2n + 64$
 * double roundings, so $|S - \sum e_i| \le \gamma \sum e_i$ with $\gamma = 1.01(15 \cdot 2^{-24} + (2n + 64)
 * 2^{-53})$. Hence $\sum E_i \le ((1 + 4\gamma) S + m\alpha)(1 + 4\eta)$ and $\sum E_i \ge ((1 - 2\gamma) S
 * - m\alpha)(1 - 2\eta)$ (the factors cover $1/(1 \mp x)$ and their own rounding), each operation stepped one ulp
 * outward ({@link Math#nextUp}); the certificate is $U = T^+/(H^- + T^+)$ by {@link Rigor#ratioUp}, 0 when every
 * unmasked key is kept. So $U \ge \tau(k)$ exactly, in every regime (masked keys, flushed keys, huge logits whose
 * difference overflows to $-\infty$: their $e_i = 0$ and $E_i \le \alpha$). Against the exact $\tau(k)$, $U$ is inflated by at most
 * $8(\gamma + \eta) &lt; 2^{-15}$ relative for rows up to $2^{26}$ keys (the $\alpha$ terms are below $2^{-94}$ of
 * $\varepsilon Z$, and keys whose float exponentials tie or swap differ in mass by at most $2\eta$), so $k$ is at
 * least the exact $k$ of $\varepsilon$ and at most the exact $k$ of $\varepsilon(1 - 2^{-14})$: the documented
 * slack, checked by {@code KSelectPropertyTest}.
 *
 * <p><b>Double path</b> (double rows; for float rows, smaller budgets and the float path's fallback). With
 * $e_i = e^{s_i - M}$ in double (float logits widened exactly), keys go to buckets by $d_i = M - s_i$: $2^b$ buckets
 * per octave of $d$ on $[2^{-4}, 2^{7})$, one below, one above, the masked keys apart. For the head made of buckets
 * $0..b$ the certificate is the one of {@link RankedRow#tailMassUpper} ({@code Rigor}: argument rounding, 4-ulp
 * exponentials, $2n_{eff} + 300$ roundings of summation, and $4\cdot2^{-1074}$ per tail key); the first bucket whose
 * bound is at most $\varepsilon$ is sorted and walked like the bracket above.
 *
 * <p>Every answer is a set of $k$ keys whose certified tail mass is at most $\varepsilon$; the top $k$ keys lose no
 * more than any $k$ keys, so the answer certifies top-$k$ attention. Both SIMD paths give the same bits. Rows follow
 * the row contract ({@link LogitRow}): NaN, $+\infty$ and a row with no unmasked key are refused, naming the position.
 * Not thread-safe; buffers grow to the longest row seen and are reused.
 */
public final class KSelect {

    /** Bucket 0 holds $d &lt; 2^{-4}$; $d \in [2^{-4}, 2^{7})$ fills the octave buckets, larger gaps the last. */
    private static final int LOW_EXPONENT = 127 - 4;
    private static final int OCTAVES = 11;
    /** At most $2^6$ buckets per octave (rows of 2048 keys and more), at least $2^4$ (rows up to 512). */
    private static final int MAX_BITS = 6;
    private static final int MAX_BUCKETS = 2 + (OCTAVES << MAX_BITS);

    /** $\log_2$ of the buckets per octave for a row of this length (measured: finer buckets cost more to clear). */
    private static int bitsFor(int len) {
        int log = 31 - Integer.numberOfLeadingZeros(Math.max(1, len));
        return Math.max(4, Math.min(MAX_BITS, log - 5));
    }

    private int bits;
    private int buckets;
    private int masked;

    /** Budgets from this one up take the float path; smaller ones the double path. */
    static final double FLOAT_EPS = 0x1.0p-40;
    /** Relative margin of the selection sums: a probe passes below $(1 - m)\varepsilon Z$, fails above $(1 + m)$. */
    private static final double MARGIN = 0x1.0p-10;
    /** The search stops when the bracket holds at most {@code CAP_MIN + (len >> CAP_SHIFT)} keys. */
    private static final int CAP_MIN = 24;
    private static final int CAP_SHIFT = 6;
    private static final int MAX_PASSES = 6;
    private static final int ONE_UP_BITS = Float.floatToRawIntBits(Math.nextUp(1f));

    private float[] terms = new float[0];
    private float[] picked = new float[0];
    private int[] marks = new int[0];
    private double[] suffix = new double[0];
    private final float[] probes = new float[SelectKernels.PROBES];
    private final double[] probeTails = new double[SelectKernels.PROBES];
    private final int[] aboveCount = new int[1];
    private final double[] splitSums = new double[2];
    private final int[] flushed = new int[1];
    /** Answers the float path handed to the double path (package-private, for the tests). */
    long fallbacks;
    /** Selection passes and bracket keys of the float path so far (package-private, for the tests). */
    long probePasses;
    long bracketKeys;

    private double[] wide = new double[0];
    private double[] exps = new double[0];
    private int[] bucketOf = new int[0];
    private double[] scratch = new double[1];
    private final int[] count = new int[MAX_BUCKETS + 1];
    private final double[] sum = new double[MAX_BUCKETS + 1];
    private final double[] headSum = new double[MAX_BUCKETS + 1];
    private final double[] tailSum = new double[MAX_BUCKETS + 1];
    private double tailMassUpper;
    /** Set by {@link #histogram}. */
    private double widestGap;
    private double logSumExp;

    /** An empty workspace. */
    public KSelect() {
    }

    /**
     * The smallest $k$ this workspace certifies for {@code logits[off, off + len)} at budget $\varepsilon$: a $k$
     * whose certified tail mass ({@link #tailMassUpper()}) is at most $\varepsilon$, so that top-$k$ attention
     * provably loses at most $\varepsilon$ of the softmax mass.
     *
     * @throws IllegalArgumentException unless the row satisfies the row contract and $0 &lt; \varepsilon &lt; 1$
     */
    public int certifiedK(float[] logits, int off, int len, double eps) {
        return certifiedK("logits", logits, off, len, eps);
    }

    /** {@link #certifiedK(float[], int, int, double)} on a whole array. */
    public int certifiedK(float[] logits, double eps) {
        return certifiedK(logits, 0, Check.notNull("logits", logits).length, eps);
    }

    /** The certified tail mass of the last answer: an upper bound of its exact $\tau(k)$ (0 when $k = n_{eff}$). */
    public double tailMassUpper() {
        return tailMassUpper;
    }

    /**
     * $\log\sum_i e^{s_i}$ of the last row, as computed: $M + \log Z$ in double, $Z$ the sum of the path's
     * exponentials (float ones on the float path); the same bits on both SIMD paths, like the answers.
     */
    public double logSumExp() {
        return logSumExp;
    }

    /**
     * The smallest $k$ this workspace certifies for the double row {@code logits[off, off + len)} at budget
     * $\varepsilon$, by the double path (a histogram of the gaps, no sort of the row): the same contract as
     * {@link #certifiedK(float[], int, int, double)}, for rows that are not float32.
     *
     * @throws IllegalArgumentException unless the row satisfies the row contract and $0 &lt; \varepsilon &lt; 1$
     */
    public int certifiedK(double[] logits, int off, int len, double eps) {
        return certifiedK("logits", logits, off, len, eps);
    }

    /** {@link #certifiedK(double[], int, int, double)} on a whole array. */
    public int certifiedK(double[] logits, double eps) {
        return certifiedK(logits, 0, Check.notNull("logits", logits).length, eps);
    }

    int certifiedK(String name, double[] logits, int off, int len, double eps) {
        RankedRow.checkEps(eps);
        Check.notNull(name, logits);
        Check.slice(name, logits.length, off, len);
        if (len < 1) {
            LogitRow.validate(name, logits, off, len); // throws: an empty row
        }
        return wideK(name, logits, off, len, eps);
    }

    int certifiedK(String name, float[] logits, int off, int len, double eps) {
        RankedRow.checkEps(eps);
        Check.notNull(name, logits);
        Check.slice(name, logits.length, off, len);
        if (len < 1) {
            LogitRow.validate(name, logits, off, len); // throws: an empty row
        }
        if (eps >= FLOAT_EPS) {
            int k = floatK(name, logits, off, len, eps);
            if (k > 0) {
                return k;
            }
            fallbacks++;
        }
        return wideK(name, logits, off, len, eps);
    }

    /**
     * The float path: {@code -1} when its bracket does not hold the first certified $k$ (the selection sums
     * misjudged a threshold; never seen on random rows, counted by {@link #fallbacks}), else the answer.
     */
    private int floatK(String name, float[] logits, int off, int len, double eps) {
        ensureFloat(len);
        SelectKernels ker = SelectKernels.of(SimdOps.get());
        float m = ker.max(logits, off, len);
        if (!(m > Float.NEGATIVE_INFINITY && m < Float.POSITIVE_INFINITY)) {
            LogitRow.validate(name, logits, off, len);
            throw new IllegalStateException("a valid row gave max " + m);
        }
        float[] e = terms;
        double z = ker.exps(logits, off, len, m, e, flushed);
        int masked = 0;
        if (flushed[0] > 0) {
            for (int i = 0; i < len; i++) {
                if (logits[off + i] == Float.NEGATIVE_INFINITY) {
                    masked++;
                }
            }
        }
        int unmasked = len - masked;
        logSumExp = m + Math.log(z);
        double target = eps * z;
        double passAt = target * (1 - MARGIN);
        double failAt = target * (1 + MARGIN);
        // the bracket [lo, hi): tail(lo) passes, tail(hi) fails, so keys >= hi are kept and keys < lo are not;
        // tail(lo) < len lo = target / 2 passes unprobed, the tail above every key (z) fails
        int loBits = Float.floatToRawIntBits((float) (0.5 * target / len));
        int hiBits = ONE_UP_BITS;
        double tailLo = 0.5 * target;
        double tailHi = z;
        // the first probes span [0.5 target / len, min(2 target, 1)]: the cut lies in [target / len, target]
        int from = loBits;
        int to = Float.floatToRawIntBits((float) Math.min(1, 2 * target));
        double cap = CAP_MIN + (len >> CAP_SHIFT);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (pass == 0) {
                for (int j = 0; j < SelectKernels.PROBES; j++) {
                    probes[j] = Float.intBitsToFloat(from + (int) ((long) (to - from) * j / (SelectKernels.PROBES - 1)));
                }
            } else {
                // the cut by linear interpolation of the float bits (a piecewise-linear log) of tail against
                // threshold, probes at geometrically shrinking distances on both sides
                int w = hiBits - loBits;
                int yl = Float.floatToRawIntBits((float) tailLo);
                int yh = Float.floatToRawIntBits((float) tailHi);
                int yt = Float.floatToRawIntBits((float) target);
                double frac = yh > yl ? Math.min(1, Math.max(0, (double) (yt - yl) / (yh - yl))) : 0.5;
                int center = loBits + (int) (frac * w);
                for (int j = 0; j < SelectKernels.PROBES / 2; j++) {
                    int d = Math.max(1, w >> (2 + 2 * j));
                    probes[j] = Float.intBitsToFloat(Math.max(loBits + 1, Math.min(hiBits - 1, center - d)));
                    probes[SelectKernels.PROBES - 1 - j] =
                            Float.intBitsToFloat(Math.max(loBits + 1, Math.min(hiBits - 1, center + d)));
                }
            }
            ker.tails(e, len, probes, probeTails);
            probePasses++;
            for (int j = 0; j < SelectKernels.PROBES; j++) {
                int b = Float.floatToRawIntBits(probes[j]);
                double tail = probeTails[j];
                if (tail <= passAt) {
                    if (b > loBits) {
                        loBits = b;
                        tailLo = tail;
                    }
                } else if (tail > failAt && b < hiBits) {
                    hiBits = b;
                    tailHi = tail;
                }
            }
            if (hiBits <= loBits) {
                return -1;
            }
            // every key of the bracket is at least lo: at most (tail(hi) - tail(lo)) / lo of them
            if (hiBits - loBits <= 1 || tailHi - tailLo <= cap * Float.intBitsToFloat(loBits)) {
                break;
            }
        }
        float lo = Float.intBitsToFloat(loBits);
        float hi = Float.intBitsToFloat(hiBits);
        int c = ker.split(e, len, lo, hi, splitSums, aboveCount, picked, marks);
        bracketKeys += c;
        int cntHi = aboveCount[0];
        return walk(c, cntHi, splitSums[0], splitSums[1], unmasked, len, eps);
    }

    /**
     * Adds the bracket's keys to the head one at a time, largest first; the first $k$ whose float certificate is at
     * most $arepsilon$, or -1 when the bracket's top already passes (a smaller $k$ might) or none passes.
     */
    private int walk(int c, int above, double headAbove, double tailBelow, int unmasked, int len, double eps) {
        float[] p = picked;
        Arrays.sort(p, 0, c); // ascending
        double[] rest = suffix;
        double r = tailBelow;
        for (int t = 0; t < c; t++) {
            rest[t] = r; // tailBelow + the t smallest of the bracket
            r += p[t];
        }
        if (above > 0 && floatPasses(r, headAbove, unmasked, above, len, eps)) {
            return -1;
        }
        double head = headAbove;
        for (int j = 1; j <= c; j++) {
            head += p[c - j];
            double tail = rest[c - j];
            if (floatPasses(tail, head, unmasked, above + j, len, eps)) {
                tailMassUpper = floatUpper(tail, head, unmasked, above + j, len);
                return above + j;
            }
        }
        return -1;
    }

    private static boolean floatPasses(double tail, double head, int unmasked, int kept, int len, double eps) {
        if (kept < unmasked && tail > eps * (head + tail)) {
            return false;
        }
        return floatUpper(tail, head, unmasked, kept, len) <= eps;
    }

    /**
     * The certified tail mass of a head of {@code kept} keys whose float exponentials sum, as computed, to
     * {@code head}, the others to {@code tail} (see the class comment for the error model).
     */
    static double floatUpper(double tail, double head, int unmasked, int kept, int len) {
        if (kept >= unmasked) {
            return 0;
        }
        double gamma = (15 * 0x1.0p-24 + (2.0 * len + 64) * 0x1.0p-53) * 1.01;
        double tUp = Math.nextUp(tail * (1 + 4 * gamma));
        tUp = Math.nextUp(tUp + (double) (len - kept) * SelectKernels.ALPHA);
        tUp = Math.nextUp(tUp * (1 + 4 * SelectKernels.ETA));
        double hDown = Math.nextDown(head * (1 - 2 * gamma));
        hDown = Math.nextDown(hDown - (double) kept * SelectKernels.ALPHA);
        hDown = Math.max(0, Math.nextDown(hDown * (1 - 2 * SelectKernels.ETA)));
        return Rigor.ratioUp(tUp, hDown);
    }

    /** The double path on a float row: on the row widened to double (exactly). */
    private int wideK(String name, float[] logits, int off, int len, double eps) {
        if (wide.length < len) {
            wide = new double[len];
        }
        SimdOps.get().widen(logits, off, len, wide, 0);
        return wideK(name, wide, 0, len, eps);
    }

    /** The double path: the exponentials of the row, a histogram of the gaps and one sorted bucket. */
    private int wideK(String name, double[] w, int off, int len, double eps) {
        ensure(len);
        SimdOps ops = SimdOps.get();
        double max = ops.max(w, off, len);
        double total = ops.expShift(w, off, len, max, exps, 0);
        if (!(max > Double.NEGATIVE_INFINITY && max < Double.POSITIVE_INFINITY && total >= 1
                && total < Double.POSITIVE_INFINITY)) {
            LogitRow.validate(name, w, off, len);
            throw new IllegalStateException("a valid row gave max " + max + ", sum " + total);
        }
        bits = bitsFor(len);
        buckets = 2 + (OCTAVES << bits);
        masked = buckets;
        int unmasked = histogram(SelectKernels.of(ops), w, off, len, max);
        double spread = widestGap; // M - min over the unmasked logits
        long roundings = 2L * unmasked + 300;
        // head sums over buckets 0..b, tail sums over buckets b+1.. (added from the smallest terms up)
        double h = 0;
        int kept = 0;
        double t = 0;
        for (int b = buckets - 1; b >= 0; b--) {
            tailSum[b] = t;
            t += sum[b];
        }
        logSumExp = max + Math.log(t);
        int star = -1;
        for (int b = 0; b < buckets; b++) {
            h += sum[b];
            headSum[b] = h;
            kept += count[b];
            if (count[b] > 0 && passes(tailSum[b], h, unmasked, kept, spread, roundings, eps)) {
                star = b;
                break;
            }
        }
        // star >= 0: the last non-empty bucket puts every unmasked key in the head, where the bound is 0
        int before = kept - count[star];
        double headBefore = star == 0 ? 0 : headSum[star - 1];
        int k = refine(len, star, before, headBefore, tailSum[star], unmasked, spread, roundings, eps);
        if (k < 0) {
            k = kept; // the bucket-level certificate, which holds
            tailMassUpper = upper(tailSum[star], h, unmasked, kept, spread, roundings);
        }
        return k;
    }

    /**
     * Sorts bucket {@code star} and adds its keys to the head one at a time, largest first; returns the first $k$
     * whose bound is at most $\varepsilon$ (setting {@link #tailMassUpper}), or -1 if the rounding of the new sums
     * leaves none.
     */
    private int refine(int len, int star, int before, double headBefore, double tailAfter, int unmasked,
                       double spread, long roundings, double eps) {
        int c = 0;
        for (int i = 0; i < len; i++) {
            if (bucketOf[i] == star) {
                scratch[c++] = exps[i];
            }
        }
        Arrays.sort(scratch, 0, c); // ascending
        // scratch[c + 1 + t] = the sum of the t smallest terms of the bucket, from the smallest up
        double rest = 0;
        for (int t = 0; t < c; t++) {
            scratch[c + 1 + t] = rest;
            rest += scratch[t];
        }
        scratch[c + 1 + c] = rest;
        double head = headBefore;
        for (int j = 1; j <= c; j++) {
            head += scratch[c - j];
            double tail = tailAfter + scratch[c + 1 + c - j];
            if (passes(tail, head, unmasked, before + j, spread, roundings, eps)) {
                tailMassUpper = upper(tail, head, unmasked, before + j, spread, roundings);
                return before + j;
            }
        }
        return -1;
    }

    /**
     * Whether {@link #upper} is at most $\varepsilon$; skips the outward rounding when the plain quotient, which is
     * never above the bound, already exceeds $\varepsilon$ (the bucket scan evaluates many heads that fail).
     */
    private static boolean passes(double tail, double head, int unmasked, int kept, double spread, long roundings,
                                  double eps) {
        if (kept < unmasked && tail > eps * (head + tail)) {
            return false;
        }
        return upper(tail, head, unmasked, kept, spread, roundings) <= eps;
    }

    /** The certified tail mass of a head of {@code kept} keys with computed sums {@code tail} and {@code head}. */
    private static double upper(double tail, double head, int unmasked, int kept, double spread, long roundings) {
        if (kept >= unmasked) {
            return 0;
        }
        return Rigor.ratioUp(Rigor.up(tail, roundings, spread, unmasked - kept),
                Rigor.down(head, roundings, spread, unmasked));
    }

    /**
     * Fills the buckets (by {@code kernels}, the path's) and {@link #widestGap} ($M - \min$ over the unmasked
     * logits: the largest $M - s_i$, since rounded subtraction is monotone); returns the number of unmasked keys.
     */
    private int histogram(SelectKernels kernels, double[] row, int off, int len, double max) {
        Arrays.fill(count, 0, buckets + 1, 0);
        Arrays.fill(sum, 0, buckets + 1, 0);
        // (f >>> shift) is the octave and the top mantissa bits of the float gap: bucket 1 + (octave << bits) + fine,
        // clamped to 0 below the first octave and to the last bucket above the last, without a branch
        widestGap = kernels.buckets(row, off, len, max, 23 - bits, (LOW_EXPONENT << bits) - 1, buckets - 1, masked,
                bucketOf);
        for (int i = 0; i < len; i++) { // in index order, so each bucket's sum has the same bits on both paths
            int b = bucketOf[i];
            count[b]++;
            sum[b] += exps[i];
        }
        return len - count[masked];
    }

    private void ensureFloat(int len) {
        if (terms.length < len) {
            terms = new float[len];
            picked = new float[len + 1];
            marks = new int[len / SelectKernels.WAYS + 1];
            suffix = new double[len];
        }
    }

    private void ensure(int len) {
        if (exps.length < len) {
            exps = new double[len];
            bucketOf = new int[len];
            scratch = new double[2 * len + 2];
        }
    }

    @Override
    public String toString() {
        return "KSelect[buffers for rows of " + Math.max(terms.length, exps.length) + " keys]";
    }
}
