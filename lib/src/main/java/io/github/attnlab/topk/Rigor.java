package io.github.attnlab.topk;

/**
 * Outward rounding for certificates: turns floating-point sums of exponentials into values that
 * are provably on the safe side of the exact ones, in every floating-point regime, subnormal
 * results included (the error model is written out in {@code docs/certificates.md}).
 *
 * <p>A term $e^{s_i - m}$ computed in double precision carries three errors: the argument
 * $s_i - m$ is rounded (relative error $\le 1.01\,u\,|s_i - m|$ in the result, $u = 2^{-53}$), the
 * exponential itself is within 4 ulp of the exact value of its argument (covering {@link Math#exp} and
 * the Vector API's {@code EXP}), and an ulp is at least $2u$ of the result but never less than
 * $\mu = 2^{-1074}$: a term whose result is subnormal (or underflows to 0) is only known to
 * $\pm 4\mu$ <em>absolutely</em>. A term that stands for $n_b$ keys (a block bound $n_b e^{m_b}$)
 * carries that absolute error $n_b$ times. Each further rounding (a sum, a product) adds at most $u$
 * relative and, for a product with a subnormal result, $\mu/2$ absolute.
 *
 * <p>{@link #up} and {@link #down} apply that model to a computed sum; {@link #mulUp},
 * {@link #expUp} and their partners bound one operation each by stepping one ulp outward
 * ({@link Math#nextUp}), which is valid for round-to-nearest in every range, subnormal included.
 */
final class Rigor {

    /** The unit roundoff of double precision, $2^{-53}$. */
    static final double U = 0x1.0p-53;
    /** Arguments below $-746$ underflow: $e^{-746} < 2^{-1074}/4$, so their terms are only absolute errors. */
    static final double MAX_SPREAD = 746;
    /** Absolute error of one computed exponential, in units of $\mu = 2^{-1074}$ (4 ulp of a subnormal). */
    private static final double EXP_ULPS = 4;

    private Rigor() {
    }

    /**
     * Relative error bound of a computed sum of exponentials whose arguments lie in $[-spread, 0]$ and
     * whose every term passes through at most {@code roundings} roundings: $1.01\,u\,(r + \min(spread,
     * 746) + 16)$, the 16 covering the exponential's 8u and the roundings of the bound itself.
     */
    static double delta(long roundings, double spread) {
        return (roundings + Math.min(spread, MAX_SPREAD) + 16) * U * 1.01;
    }

    /**
     * An upper bound of the exact $\sum_t w_t e^{x_t}$ whose computed value is {@code sum}: the
     * $w_t$ are key counts adding up to {@code keys}, the $|x_t| \le$ {@code spread} (or the term
     * underflows), and every term passes through at most {@code roundings} roundings. Adds the
     * absolute allowance $(4\,keys + roundings)\mu$ before widening by {@link #delta}.
     */
    static double up(double sum, long roundings, double spread, long keys) {
        double absolute = (EXP_ULPS * keys + roundings) * Double.MIN_VALUE;
        return Math.nextUp((sum + absolute) * (1 + delta(roundings, spread)));
    }

    /** A lower bound of the exact sum of {@link #up}'s kind; never negative. */
    static double down(double sum, long roundings, double spread, long keys) {
        double absolute = (EXP_ULPS * keys + roundings) * Double.MIN_VALUE;
        return Math.max(0, Math.nextDown((sum - absolute) * (1 - delta(roundings, spread))));
    }

    /**
     * An upper bound of $a/(b + a)$, given an upper bound $a \ge 0$ and a lower bound $b \ge 0$; at most 1,
     * and 1 (always true of a tail mass) when $a$ is infinite or NaN. Never NaN.
     */
    static double ratioUp(double aUp, double bDown) {
        if (aUp == 0) {
            return 0;
        }
        if (!(aUp < Double.POSITIVE_INFINITY)) {
            return 1;
        }
        if (!(bDown >= 0)) {
            bDown = 0;
        }
        // Two roundings (the sum, the quotient) plus mu/2 when the quotient is subnormal: one ulp up
        // covers the subnormal case, the factor the relative one, the last ulp the product.
        double den = bDown + aUp;
        double r = Math.nextUp(den < Double.POSITIVE_INFINITY ? aUp / den : 1 / (1 + bDown / aUp));
        return Math.min(1, Math.nextUp(r * (1 + 4 * U)));
    }

    /**
     * An upper bound of the product $ab$ of non-negative doubles (one rounding, stepped up); 0 when either is
     * 0, even if the other is an overflowed ($+\infty$) bound of a finite number.
     */
    static double mulUp(double a, double b) {
        return a == 0 || b == 0 ? 0 : Math.nextUp(a * b);
    }

    /** A lower bound of the product $ab$ of non-negative doubles; never negative, 0 when either is 0. */
    static double mulDown(double a, double b) {
        return a == 0 || b == 0 ? 0 : Math.max(0, Math.nextDown(a * b));
    }

    /** An upper bound of the sum of two non-negative doubles. */
    static double addUp(double a, double b) {
        return Math.nextUp(a + b);
    }

    /** A lower bound of the sum of two non-negative doubles; never negative. */
    static double addDown(double a, double b) {
        return Math.max(0, Math.nextDown(a + b));
    }

    /** An upper bound of the quotient $a/b$ of positive doubles. */
    static double divUp(double a, double b) {
        return Math.nextUp(a / b);
    }

    /**
     * An upper bound of $e^{a - b}$ for doubles $a$, $b$ (infinite ones included; $+\infty$ when it
     * overflows): the argument's rounding, 4 ulp for the exponential and $4\mu$ for a subnormal result.
     */
    static double expUp(double a, double b) {
        if (a == b) {
            return 1;
        }
        double x = a - b;
        double rel = (12 + 1.01 * Math.min(Math.abs(x), MAX_SPREAD)) * U;
        return Math.nextUp((Math.exp(x) + EXP_ULPS * Double.MIN_VALUE) * (1 + rel));
    }

    /** A lower bound of $e^{a - b}$ for doubles $a$, $b$; never negative. */
    static double expDown(double a, double b) {
        if (a == b) {
            return 1;
        }
        double x = a - b;
        double e = Math.exp(x);
        if (e == Double.POSITIVE_INFINITY) {
            return 0x1.0p1023; // x >= 709.78 (or overflowed), so e^{a-b} > 2^1023
        }
        double rel = (12 + 1.01 * Math.min(Math.abs(x), MAX_SPREAD)) * U;
        return Math.max(0, Math.nextDown((e - EXP_ULPS * Double.MIN_VALUE) * (1 - rel)));
    }
}
