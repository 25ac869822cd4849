package io.github.attnlab.topk;

import io.github.attnlab.simd.SimdOps;

/**
 * The hot loops of {@link KSelect} (the float path's, and the bucketing of the double path's histogram), with a
 * scalar reference ({@link #SCALAR}) and a Vector API twin ({@code VectorSelectKernels}, loaded reflectively, only
 * when {@code jdk.incubator.vector} is present). Both give the same bits: every exponential is the same sequence of
 * IEEE float operations ({@link #exp}), every sum is added in the same fixed tree, described once here, and the
 * buckets are integers. The histogram's counts and sums are a scatter, which the Vector API of JDK 17 cannot do
 * without conflicts, so {@link KSelect} keeps them in one scalar loop in index order on both paths.
 *
 * <p><b>Fixed tree.</b> Element $i &lt; len - (len \bmod 16)$ goes to lane $i \bmod 16$. The accurate sums
 * ({@link #exps}, {@link #split}) add each lane's terms in float within a block of {@link #BLOCK} terms, in order,
 * and add every block sum to the lane's double total; the 16 double totals are added in lane order, then the last
 * $len \bmod 16$ terms in order, in double. So a term passes through at most $15$ float roundings and at most
 * $len/256 + 33$ double ones. The selection sums ({@link #tails}) only steer the search and are not certified: each
 * lane sums all its terms in float, the lanes are added in order in double, then the last terms.
 *
 * <p><b>The exponential.</b> {@link #exp} computes $e_i = \mathrm{fl}(e^{s_i - M})$ for floats $s_i \le M$: the
 * argument $x = s_i - M$ is carried exactly as a float pair $h + l$ (Knuth's TwoSum: $h = \mathrm{fl}(s_i - M)$ and
 * $l$ its rounding error), $n = \mathrm{round}(h \log_2 e)$, $r = ((h - n\,\ell_{hi}) - n\,\ell_{lo}) + l$ with
 * $\ell_{hi} + \ell_{lo} \approx \ln 2$ (Cody and Waite: $n\,\ell_{hi}$ has 17 bits and $h - n\ell_{hi}$ is exact),
 * $e^r$ by its Taylor polynomial of degree 7 in Horner form with fused multiply-adds, times $2^n$ through the exponent
 * bits. Keys with $h &lt; -87$ (masked keys included) get 0. Error model, with $u = 2^{-24}$ and $|r| \le 0.347$:
 * the two roundings of $r$ and the $|n| \le 126$ multiples of the error of $\ell_{hi} + \ell_{lo}$ (below
 * $10^{-11}$) move $r$ by at most $0.72u$ (relative error $\le 0.73u$ of $e^r$); truncation $\le 0.13u$; the
 * float coefficients $\le 0.1u$; eight roundings of Horner $\le \gamma_8\,e^{2|r|} \le 16.2u$; the scaling one
 * rounding, $u$ when normal. So $|e_i - E_i| \le \eta E_i + \alpha$ with $E_i = e^{s_i - M}$ exact,
 * $\eta = 2^{-19} = 32u$ (18.2u rounded up with margin; the tests measure below 2u) and
 * $\alpha = 2^{-125}$, which covers a subnormal result's rounding ($2^{-150}$) and a flushed key
 * ($E_i \le e^{-86.99} &lt; 2^{-125}$).
 */
interface SelectKernels {

    /** Lanes of the fixed tree. */
    int WAYS = 16;
    /** Terms per lane added in float before the double total. */
    int BLOCK = 16;
    /** Thresholds per {@link #tails} pass. */
    int PROBES = 8;

    /** Below this difference $s - M$ the exponential is 0. */
    float XMIN = -87f;
    float LOG2E = 1.44269504f;
    /** 1.5·2^23: adding it rounds a float of magnitude below 2^22 to an integer. */
    float ROUNDER = 12582912f;
    int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    float LN2_HI = 0.693359375f;
    float LN2_LO = -2.12194440e-4f;
    float C7 = 1f / 5040;
    float C6 = 1f / 720;
    float C5 = 1f / 120;
    float C4 = 1f / 24;
    float C3 = 1f / 6;
    float C2 = 0.5f;
    /** The relative error bound $\eta$ of one exponential. */
    double ETA = 0x1.0p-19;
    /** The absolute error bound $\alpha$ of one exponential. */
    double ALPHA = 0x1.0p-125;

    /** The scalar reference. */
    SelectKernels SCALAR = new ScalarSelectKernels();

    /** The kernels of a path: the vector twin unless {@code ops} is the scalar path (or the module is absent). */
    static SelectKernels of(SimdOps ops) {
        return ops == SimdOps.scalar() ? SCALAR : VectorHolder.VECTOR;
    }

    /** Loads the vector twin once. */
    final class VectorHolder {
        static final SelectKernels VECTOR = load();

        private VectorHolder() {
        }

        private static SelectKernels load() {
            if (SimdOps.vector().isEmpty()) {
                return SCALAR;
            }
            try {
                return (SelectKernels) Class.forName("io.github.attnlab.topk.VectorSelectKernels")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return SCALAR;
            }
        }
    }

    /** $e^{s - m}$ as in the class comment (the definition both paths compute); requires $s \le m$ or masked. */
    static float exp(float s, float m) {
        float h = s - m;
        float bv = h - s;
        float av = h - bv;
        float l = (s - av) + (-m - bv);
        float t = Math.fma(h, LOG2E, ROUNDER);
        float n = t - ROUNDER;
        float r = Math.fma(-n, LN2_HI, h);
        r = Math.fma(-n, LN2_LO, r);
        r = r + l;
        float p = Math.fma(C7, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - ROUNDER_BITS + 127) << 23);
        return h >= XMIN ? p * scale : 0f;
    }

    /** $\max_{i&lt;len} a_{off+i}$, NaN if any element is NaN; {@code len >= 1}. */
    float max(float[] a, int off, int len);

    /**
     * Writes $e_i = $ {@link #exp}$(a_{off+i}, m)$ into {@code e[0, len)} and returns $\sum_i e_i$ in the fixed
     * tree; {@code flushed[0]} gets the number of keys whose exponential was flushed to 0.
     */
    double exps(float[] a, int off, int len, float m, float[] e, int[] flushed);

    /**
     * For the {@link #PROBES} thresholds $t_j$: {@code tails[j]} $\approx \sum_{e_i &lt; t_j} e_i$ (selection sums of
     * the class comment).
     */
    void tails(float[] e, int len, float[] t, double[] tails);

    /**
     * {@code sums[0]} $= \sum_{e_i \ge hi} e_i$, {@code sums[1]} $= \sum_{e_i &lt; lo} e_i$ (each in the fixed tree);
     * {@code aboveCount[0]} $= \#\{i : e_i \ge hi\}$; copies the $e_i \in [lo, hi)$ into {@code picked} in index order
     * and returns how many. {@code marks} (at least $len/16$ ints) is scratch for the vector path.
     */
    int split(float[] e, int len, float lo, float hi, double[] sums, int[] aboveCount, float[] picked, int[] marks);

    /**
     * The buckets of the double path's histogram ({@link KSelect}): for key $i$ with gap $g_i = M - s_i$ (rounded
     * subtraction, so monotone in $s_i$) and $f_i$ the bits of the float $\mathrm{fl}(g_i)$ as an integer (monotone in
     * $g_i \ge 0$), {@code bucketOf[i]} $= \min(last, \max(0, (f_i \ggg shift) - base))$, or {@code masked} for
     * $s_i = -\infty$. Integers and a maximum, so both paths give the same values by construction.
     *
     * @param max $M$, the finite maximum of the row, which holds no NaN and no $+\infty$
     * @return the widest gap over the unmasked keys, $\max_i g_i$ (0 if every key is masked)
     */
    double buckets(double[] row, int off, int len, double max, int shift, int base, int last, int masked,
                   int[] bucketOf);
}
