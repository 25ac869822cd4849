package io.github.attnlab.topk;

/**
 * Outward rounding for certificates: turns floating-point sums of exponentials into values that
 * are provably on the safe side of the exact ones.
 *
 * <p>A term $e^{s_i - m}$ computed in double precision carries three errors: the argument
 * $s_i - m$ is rounded (relative error $\le u\,|s_i - m|$ in the result, $u = 2^{-53}$), the
 * exponential itself (at most 4 ulp, covering {@link Math#exp} and the Vector API's {@code EXP}),
 * and underflow (an absolute error below {@code 2 * Double.MIN_VALUE}). Summing $t$ positive terms in
 * any order adds at most $(t - 1)u$ relative error. {@link #delta} bounds the total relative error
 * of such a sum; {@link #up} and {@link #down} move a computed sum past the exact one.
 */
final class Rigor {

    /** The unit roundoff of double precision, $2^{-53}$. */
    static final double U = 0x1.0p-53;
    /** Arguments below this underflow: $e^{-746} < 2^{-1074}$. */
    static final double MAX_SPREAD = 746;

    private Rigor() {
    }

    /** Relative error bound of a sum of {@code terms} exponentials whose arguments lie in $[-spread, 0]$. */
    static double delta(long terms, double spread) {
        return (terms + Math.min(spread, MAX_SPREAD) + 10) * U * 1.01;
    }

    /** An upper bound of the exact sum of {@code terms} exponentials whose computed sum is {@code sum}. */
    static double up(double sum, long terms, double spread) {
        return Math.nextUp((sum + 2 * terms * Double.MIN_VALUE) * (1 + delta(terms, spread)));
    }

    /** A lower bound of the exact sum of {@code terms} exponentials whose computed sum is {@code sum}. */
    static double down(double sum, long terms, double spread) {
        return Math.max(0, Math.nextDown(sum * (1 - delta(terms, spread))));
    }

    /** An upper bound of $a / (b + a)$ for non-negative upper bound $a$ and lower bound $b$; at most 1. */
    static double ratioUp(double aUp, double bDown) {
        if (aUp == 0) {
            return 0;
        }
        double r = aUp / (bDown + aUp);
        return Math.min(1, Math.nextUp(r * (1 + 4 * U)));
    }
}
