package io.github.attnlab.topk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded adversarial families for the certificates, one per floating-point regime that broke them:
 * tails whose terms are subnormal or underflow, gaps far beyond the exponent range, block bounds that
 * overflow $e^x$, and keys so large that their dot products lose digits.
 */
final class Regimes {

    private Regimes() {
    }

    /** {@code x} rounded to a multiple of 1/64 (rows repeat values, so the exact oracle stays cheap). */
    private static double q64(double x) {
        return Math.rint(64 * x) / 64;
    }

    private static double[] shuffled(List<Double> values, Random r, int masked) {
        for (int i = 0; i < masked; i++) {
            values.add(Double.NEGATIVE_INFINITY);
        }
        Collections.shuffle(values, r);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A head near 0 and a tail whose terms $e^{s - s_{(1)}}$ are subnormal or underflow to 0: exact
     * $\tau$ between about $10^{-330}$ and $10^{-300}$. Every row is shifted by a common offset.
     */
    static double[] subnormalTail(Random r) {
        List<Double> s = new ArrayList<>();
        int head = 1 + r.nextInt(3);
        s.add(0.0);
        for (int i = 1; i < head; i++) {
            s.add(q64(-3 * r.nextDouble()));
        }
        int kind = r.nextInt(5);
        int tail = 1 + r.nextInt(kind == 4 ? 2500 : 500);
        double level = q64(-700 - 60 * r.nextDouble());
        for (int i = 0; i < tail; i++) {
            switch (kind) {
                case 0: // ties: the block bounds are exact, only the rounding allowance protects them
                    s.add(level);
                    break;
                case 1: // spread across the subnormal range
                    s.add(q64(-750 + 45 * r.nextDouble()));
                    break;
                case 2: // around the smallest normal number: tau near 1e-308, few bits left per term
                    s.add(q64(-712 + 7 * r.nextDouble()));
                    break;
                case 3: // two levels: terms that underflow to 0 and terms at the normal boundary
                    s.add(r.nextBoolean() ? q64(-746 + r.nextDouble()) : q64(-709 + r.nextDouble()));
                    break;
                default: // many keys at -746 (each term rounds to 0; their sum does not)
                    s.add(q64(-747 + 2 * r.nextDouble()));
            }
        }
        double[] offsets = {0, 0, 1000, -1e4, 5e5};
        double offset = offsets[r.nextInt(offsets.length)];
        s.replaceAll(v -> v + offset);
        return shuffled(s, r, r.nextInt(4) == 0 ? 1 + r.nextInt(4) : 0);
    }

    /** Groups of logits separated by gaps from 30 up to $10^{300}$, around bases up to $10^{308}$. */
    static double[] hugeGaps(Random r) {
        double[] bases = {0, 37.5, 1e4, -1e4, 1e300, -1e300, 1.7e308, -1e307};
        double[] gaps = {30, 709, 709.8, 745.2, 746, 800, 1e3, 1e5, 1e20, 1e300};
        List<Double> s = new ArrayList<>();
        double level = bases[r.nextInt(bases.length)];
        int groups = 2 + r.nextInt(3);
        for (int g = 0; g < groups; g++) {
            int size = 1 + r.nextInt(g == 0 ? 4 : 60);
            for (int i = 0; i < size; i++) {
                s.add(i == 0 ? level : level - q64(3 * r.nextDouble()));
            }
            double next = level - gaps[r.nextInt(gaps.length)];
            level = Math.max(next, -1.7e308);
        }
        return shuffled(s, r, r.nextInt(5) == 0 ? 1 : 0);
    }

    /** A search instance: keys, query, scale, budget and the block layout. */
    record Search(double[][] keys, double[] query, double scale, double eps, int blockSize, boolean clustered) {

        KeyBlocks index() {
            return clustered ? KeyBlocks.clustered(keys, blockSize) : KeyBlocks.contiguous(keys, blockSize);
        }
    }

    /** The example: a block bound 720 above every logit, so $e^{720}$ overflows. */
    static Search overflowExample() {
        return new Search(new double[][] {{360, -360}, {-360, 360}, {-20, -20}}, new double[] {1, 1}, 1, 0.01, 2,
                false);
    }

    /**
     * Keys with opposite spikes $\pm a$ ($a$ up to 2000) in a pair of channels: a block holding both has
     * a box and ball bound hundreds to thousands above any logit it holds.
     */
    static Search overflowingBounds(Random r) {
        int d = 2 + r.nextInt(6);
        int n = 3 + r.nextInt(60);
        double[][] k = new double[n][d];
        for (double[] key : k) {
            if (r.nextInt(10) < 4) {
                int c1 = r.nextInt(d);
                int c2 = (c1 + 1 + r.nextInt(d - 1)) % d;
                double a = 200 + 1800 * r.nextDouble();
                double sign = r.nextBoolean() ? 1 : -1;
                key[c1] = sign * a;
                key[c2] = -sign * a;
            } else {
                double sigma = 1 + 30 * r.nextDouble();
                for (int c = 0; c < d; c++) {
                    key[c] = sigma * r.nextGaussian();
                }
            }
        }
        double[] q = new double[d];
        boolean signs = r.nextBoolean();
        for (int c = 0; c < d; c++) {
            q[c] = signs ? 1 : (0.5 + 2.5 * r.nextDouble()) * r.nextGaussian();
        }
        double scale = r.nextBoolean() ? 1 : 1 / Math.sqrt(d);
        double[] budgets = {0.3, 0.1, 0.01, 1e-3, 1e-6};
        return new Search(k, q, scale, budgets[r.nextInt(budgets.length)], 2 + r.nextInt(5), r.nextBoolean());
    }

    /**
     * Keys offset by $10^5$ to $10^8$ (common or per channel, either sign) with unit noise: the dot
     * products lose 5 to 12 digits to cancellation, and peaked queries make that loss matter.
     */
    static Search largeKeys(Random r) {
        int d = 2 + r.nextInt(40);
        int n = 8 + r.nextInt(150);
        double[] offset = new double[d];
        double magnitude = Math.pow(10, 5 + 3 * r.nextDouble());
        boolean common = r.nextBoolean();
        for (int c = 0; c < d; c++) {
            offset[c] = common ? magnitude : (r.nextBoolean() ? 1 : -1) * magnitude * (0.5 + r.nextDouble());
        }
        double noise = 0.2 + 2 * r.nextDouble();
        double[][] k = new double[n][d];
        for (double[] key : k) {
            for (int c = 0; c < d; c++) {
                key[c] = offset[c] + noise * r.nextGaussian();
            }
        }
        double[] q = new double[d];
        double strength = Math.pow(10, -1 + 2.5 * r.nextDouble());
        for (int c = 0; c < d; c++) {
            q[c] = strength * r.nextGaussian();
        }
        double eps = Math.pow(10, -1 - 3 * r.nextDouble());
        return new Search(k, q, 1 / Math.sqrt(d), eps, 1 + r.nextInt(32), r.nextBoolean());
    }

    /**
     * Keys of magnitude $10^{12}$ to $10^{17}$ and queries up to $10^3$: logits up to about $10^{21}$, whose
     * rounding alone can exceed 709, so $e^{\text{rounding bound}}$ overflows.
     */
    static Search hugeLogits(Random r) {
        int d = 1 + r.nextInt(12);
        int n = 2 + r.nextInt(40);
        double[][] k = new double[n][d];
        for (double[] key : k) {
            for (int c = 0; c < d; c++) {
                key[c] = Math.pow(10, 12 + 5 * r.nextDouble()) * r.nextGaussian();
            }
        }
        double[] q = new double[d];
        for (int c = 0; c < d; c++) {
            q[c] = Math.pow(10, 3 * r.nextDouble()) * r.nextGaussian();
        }
        return new Search(k, q, 1 / Math.sqrt(d), Math.pow(10, -1 - 3 * r.nextDouble()), 1 + r.nextInt(8),
                r.nextBoolean());
    }
}
