package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded property test of the float32 certified $k_\varepsilon$ ({@link KSelect}) against the exact tail masses of
 * the same float logits (60-digit {@link ExactTail}) over adversarial rows: ties, huge and subnormal magnitudes,
 * $-\infty$ masks, gaps around the float path's flush at 87, and budgets placed on, just above and just below an
 * exact $\tau(k)$. Every answer is sound (certificate at most $\varepsilon$ and at least the exact $\tau(k)$), and on
 * the float path ($\varepsilon \ge 2^{-40}$) $k$ is at least the exact minimum $k^*(\varepsilon)$ and at most
 * $k^*(\varepsilon(1 - 2^{-14}))$, the documented slack.
 */
class KSelectPropertyTest {

    private static final double SLACK = 0x1p-14;

    private static float[] adversarial(Random r, int kind) {
        int n = 1 + r.nextInt(kind % 4 == 0 ? 700 : 160);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            f[i] = (float) switch (kind) {
                case 1 -> 1e37 * g; // huge: gaps overflow or underflow
                case 2 -> 1e-42 * g; // subnormal logits: every weight near 1
                case 3 -> Math.rint(3 * g); // ties
                case 4 -> 87 + 0.2 * g - 87 * r.nextInt(2); // gaps around the flush at 87
                case 5 -> 30 * g; // a wide spread: many weights underflow
                case 6 -> 1e4 + 2 * g; // large offset: the argument's rounding matters
                default -> (0.5 + 3 * r.nextDouble()) * g;
            };
        }
        if (kind == 1) {
            f[0] = Float.MAX_VALUE;
            f[n - 1] = -Float.MAX_VALUE;
        }
        if (r.nextInt(3) == 0) { // masks
            for (int m = r.nextInt(n); m > 0; m--) {
                f[r.nextInt(n)] = Float.NEGATIVE_INFINITY;
            }
            f[r.nextInt(n)] = 1f;
        }
        return f;
    }

    /** The smallest k whose exact tail mass is at most {@code eps}. */
    private static int exactK(BigDecimal[] tau, BigDecimal eps) {
        for (int k = 1; k <= tau.length; k++) {
            if (tau[k - 1].compareTo(eps) <= 0) {
                return k;
            }
        }
        return tau.length;
    }

    @Test
    void certifiedKIsSoundAndMinimalWithinTheSlack() {
        Random r = new Random(20261202);
        KSelect sel = new KSelect();
        int answers = 0;
        int exact = 0;
        for (int t = 0; t < 280; t++) {
            int kind = t % 8;
            float[] f = adversarial(r, kind);
            double[] s = KSelectTest.widen(f);
            BigDecimal[] w = ExactTail.weights(s);
            BigDecimal[] tau = ExactTail.taus(w, s.length);
            int unmasked = w.length;
            double[] budgets = new double[9];
            budgets[0] = 0.01;
            budgets[1] = Math.pow(10, -12 * r.nextDouble());
            budgets[2] = 1e-20;
            // on, just above and just below an exact tau(k)
            double on = unmasked > 1 ? tau[r.nextInt(unmasked - 1)].doubleValue() : 0.3;
            on = on > 0x1p-40 && on < 1 ? on : 0.05;
            budgets[3] = on;
            budgets[4] = Math.min(0.99, on * (1 + 1e-9));
            budgets[5] = on * (1 - 1e-9);
            budgets[6] = on * (1 - 1e-5);
            budgets[7] = 0.5;
            budgets[8] = 1e-300; // the double path
            for (int b = 0; b < budgets.length; b++) {
                double eps = budgets[b];
                boolean generic = b < 3 || b == 7; // not placed on an exact tau, where the slack shows by design
                String where = "row " + t + " (kind " + kind + ", n " + f.length + "), eps " + eps;
                int k = sel.certifiedK(f, eps);
                double u = sel.tailMassUpper();
                assertTrue(k >= 1 && k <= unmasked, where + ": k = " + k);
                assertTrue(u <= eps, where + ": certificate " + u);
                assertTrue(ExactTail.atLeast(u, tau[k - 1]), where + ": certificate " + u + " under the exact "
                        + tau[k - 1]);
                int least = exactK(tau, new BigDecimal(eps));
                assertTrue(k >= least, where + ": k = " + k + " below the exact minimum " + least);
                if (eps >= KSelect.FLOAT_EPS) {
                    int most = exactK(tau, new BigDecimal(eps).multiply(BigDecimal.ONE.subtract(new BigDecimal(SLACK))));
                    assertTrue(k <= most, where + ": k = " + k + " above " + most + ", the exact k of eps(1 - 2^-14)");
                    if (generic) {
                        exact += k == least ? 1 : 0;
                        answers++;
                    }
                }
            }
        }
        assertEquals(0, sel.fallbacks, "answers the float path handed to the double path");
        assertTrue(exact >= 0.98 * answers, exact + " of " + answers
                + " float-path answers at budgets not placed on an exact tau are the exact minimum");
    }
}
