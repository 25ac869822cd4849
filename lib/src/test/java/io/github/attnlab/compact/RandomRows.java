package io.github.attnlab.compact;

import java.util.Random;

/** Seeded random rows of scores for property checks: varied lengths, scales, ties and masks. */
final class RandomRows {

    private RandomRows() {
    }

    /** A row of length 1..maxLen with Gaussian scores at a random scale, some ties and some masked keys. */
    static double[] row(Random r, int maxLen) {
        int n = 1 + r.nextInt(maxLen);
        double scale = Math.pow(10, -1 + 2.5 * r.nextDouble());
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = scale * r.nextGaussian();
        }
        if (n > 2 && r.nextInt(4) == 0) {
            z[r.nextInt(n)] = z[r.nextInt(n)]; // a tie
        }
        if (n > 1 && r.nextInt(3) == 0) {
            int masked = 1 + r.nextInt(n - 1);
            for (int k = 0; k < masked; k++) {
                z[r.nextInt(n)] = Double.NEGATIVE_INFINITY;
            }
            z[r.nextInt(n)] = scale * r.nextGaussian(); // keep at least one key
        }
        return z;
    }

    /** Every normaliser the library offers, with each method. */
    static Normalizer[] all() {
        return new Normalizer[] {
            Normalizer.softmax(),
            Normalizer.sparsemax(), Normalizer.sparsemax(ThresholdMethod.PIVOT),
            Normalizer.sparsemax(ThresholdMethod.BISECTION),
            Normalizer.entmax(1.5), Normalizer.entmax(1.5, ThresholdMethod.BISECTION),
            Normalizer.entmax(4.0 / 3), Normalizer.entmax(1.1), Normalizer.entmax(3),
            Normalizer.normalizedRelu(0), Normalizer.normalizedRelu(2, -0.1)
        };
    }
}
