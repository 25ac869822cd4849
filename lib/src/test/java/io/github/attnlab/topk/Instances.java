package io.github.attnlab.topk;

import java.util.Random;

/** Seeded random logit rows of the kinds the tests need: Gaussian, heavy-tailed, tied, masked, extreme. */
final class Instances {

    private Instances() {
    }

    /** Row number {@code i} of a family cycling through the kinds below. */
    static double[] row(Random r, int maxN) {
        int n = 1 + r.nextInt(maxN);
        double[] s = new double[n];
        int kind = r.nextInt(6);
        double sigma = 0.1 + 6 * r.nextDouble();
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case 0: // Gaussian scores
                    s[i] = sigma * r.nextGaussian();
                    break;
                case 1: // heavy tail: a few large logits
                    s[i] = r.nextDouble() < 0.05 ? 10 + 5 * r.nextGaussian() : r.nextGaussian();
                    break;
                case 2: // many ties (tight single-gap bounds)
                    s[i] = Math.floor(3 * r.nextDouble());
                    break;
                case 3: // huge spread: tail terms underflow
                    s[i] = -900 * r.nextDouble();
                    break;
                case 4: // float32 logits
                    s[i] = (float) (sigma * r.nextGaussian());
                    break;
                default: // large offsets
                    s[i] = 1e4 + sigma * r.nextGaussian();
            }
        }
        if (n > 2 && r.nextInt(3) == 0) { // mask some keys
            for (int m = r.nextInt(n / 2 + 1); m > 0; m--) {
                s[r.nextInt(n)] = Double.NEGATIVE_INFINITY;
            }
        }
        return s;
    }
}
