package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The bounds from ordered logits never fall below the exact tail mass (60-digit oracle) in the
 * regimes that broke them: subnormal and underflowing tails, and gaps beyond the exponent range.
 * Every bound is checked at every k (a sample of k on long rows), and every certificate at budgets
 * down to $2^{-1074}$.
 */
class CertificateRegimesTest {

    private static final List<TailBound> BOUNDS = List.of(TailBound.EXACT, TailBound.SINGLE_GAP, TailBound.GAP_ONLY,
            TailBound.DYADIC, TailBound.blocks(1), TailBound.blocks(3), TailBound.blocks(16), TailBound.blocks(32));
    private static final double[] BUDGETS = {Double.MIN_VALUE, 1e-321, 1e-315, 1e-310, Double.MIN_NORMAL, 1e-300, 1e-3};

    private static int[] ks(int n, Random r) {
        if (n <= 200) {
            return java.util.stream.IntStream.rangeClosed(1, n).toArray();
        }
        int[] ks = new int[36];
        for (int i = 0; i < 8; i++) {
            ks[i] = i + 1;
            ks[8 + i] = n - i;
        }
        for (int i = 16; i < ks.length; i++) {
            ks[i] = 1 + r.nextInt(n);
        }
        return ks;
    }

    private static void checkRow(double[] s, String where, Random r, Tally tally) {
        tally.rows++;
        RankedRow row = new RankedRow().rank(s);
        BigDecimal[] tau = ExactTail.taus(ExactTail.weights(s), s.length);
        for (int k : ks(s.length, r)) {
            BigDecimal exact = tau[k - 1];
            boolean nonEmptyTail = k < row.unmasked();
            for (TailBound b : BOUNDS) {
                double u = b.upper(row, k);
                // positive whenever a tail is left: the oracle rounds tails below e^{-100000} to 0
                tally.check(ExactTail.atLeast(u, exact) && u <= 1 && (!nonEmptyTail || u > 0),
                        () -> where + ", k = " + k + ": " + b.name() + " bound " + u + " < exact tau "
                                + exact.round(java.math.MathContext.DECIMAL64));
            }
        }
        for (double eps : BUDGETS) {
            for (TailBound b : BOUNDS) {
                int k = row.certifiedK(eps, b);
                BigDecimal exact = tau[k - 1];
                tally.check(new BigDecimal(eps).compareTo(exact) >= 0
                                && (k == row.unmasked() || b.upper(row, k) <= eps),
                        () -> where + ": " + b.name() + " certifies k = " + k + " for eps = " + eps
                                + " but exact tau(k) = " + exact.round(java.math.MathContext.DECIMAL64));
            }
        }
    }

    @Test
    void subnormalTails(TestReporter reporter) {
        Random r = new Random(2025);
        Tally tally = new Tally();
        double[] smallest = new double[1001]; // the smallest case of the issue: tau(1) = 1000 e^{-746}
        java.util.Arrays.fill(smallest, -746);
        smallest[0] = 0;
        checkRow(smallest, "1000 at -746, one at 0", r, tally);
        for (int t = 0; t < 160; t++) {
            checkRow(Regimes.subnormalTail(r), "subnormal tail " + t, r, tally);
        }
        tally.assertNone("subnormal tails", reporter);
    }

    @Test
    void hugeGaps(TestReporter reporter) {
        Random r = new Random(808);
        Tally tally = new Tally();
        for (int t = 0; t < 200; t++) {
            checkRow(Regimes.hugeGaps(r), "huge gaps " + t, r, tally);
        }
        tally.assertNone("huge gaps", reporter);
    }

    @Test
    void gapOnlyDoesNotCertifyAnUnderflowingTail() {
        double[] s = new double[1001];
        java.util.Arrays.fill(s, -746);
        s[0] = 0;
        // tau(1) = 1000 e^{-746} = 1.05e-321 > 2^-1074: k = 1 must not be certified
        Certificate c = TopK.of(s).certify(Double.MIN_VALUE, TailBound.GAP_ONLY);
        assertTrue(c.k() > 1, c.toString());
        assertTrue(c.tailMassUpper() <= Double.MIN_VALUE, c.toString());
    }

    @Test
    void blockScanAgreesWithTheBoundAtEveryK() {
        Random r = new Random(5);
        for (int t = 0; t < 60; t++) {
            double[] s = Instances.row(r, 300);
            RankedRow row = new RankedRow().rank(s);
            double eps = Math.pow(10, -1 - 5 * r.nextDouble());
            for (TailBound b : List.of(TailBound.blocks(1), TailBound.blocks(2), TailBound.blocks(7),
                    TailBound.blocks(64), TailBound.DYADIC, TailBound.GAP_ONLY)) {
                int expected = row.unmasked() == 0 ? 0 : row.unmasked();
                for (int k = 1; k < row.unmasked(); k++) {
                    if (b.upper(row, k) <= eps) {
                        expected = k;
                        break;
                    }
                }
                assertEquals(expected, row.certifiedK(eps, b), "row " + t + ", " + b.name() + ", eps = " + eps);
            }
        }
    }
}
