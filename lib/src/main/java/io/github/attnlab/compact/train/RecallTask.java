package io.github.attnlab.compact.train;

import io.github.attnlab.core.Check;
import java.util.Locale;
import java.util.Random;

/**
 * Associative recall, the retrieval at the heart of copying: the context holds $N$ pairs of a key
 * $x_i = (s_i, u_i)$ (a random unit signal $s_i$ and a nuisance part $u_i \sim N(0, I/d_u)$) and a
 * random value $y_i \sim N(0, I/d_v)$; the query is a noisy copy of one signal with a fresh
 * nuisance part, $x_q = (s_j + \sigma\varepsilon/\sqrt{d_s}, u')$, and the target is $y_j$. A head
 * must learn to ignore the nuisance coordinates and to concentrate its weight on the one match.
 *
 * @param signal     $d_s$
 * @param nuisance   $d_u$
 * @param valueDim   $d_v$
 * @param queryNoise $\sigma$
 */
public record RecallTask(int signal, int nuisance, int valueDim, double queryNoise) implements Task {

    /** Validates the parameters. */
    public RecallTask {
        if (signal < 2 || nuisance < 0 || valueDim < 1 || !(queryNoise >= 0)) {
            throw new IllegalArgumentException("need signal >= 2, nuisance >= 0, valueDim >= 1, queryNoise >= 0, not "
                    + signal + ", " + nuisance + ", " + valueDim + ", " + queryNoise);
        }
    }

    @Override
    public Episode sample(Random random, int length) {
        Check.notNull("random", random);
        Check.positive("length", length);
        int d = inputDim();
        double[] xs = new double[length * d];
        double[] ys = new double[length * valueDim];
        for (int i = 0; i < length; i++) {
            fillKey(random, xs, i * d);
            for (int k = 0; k < valueDim; k++) {
                ys[i * valueDim + k] = random.nextGaussian() / Math.sqrt(valueDim);
            }
        }
        int j = random.nextInt(length);
        double[] q = new double[d];
        for (int k = 0; k < signal; k++) {
            q[k] = xs[j * d + k] + queryNoise * random.nextGaussian() / Math.sqrt(signal);
        }
        for (int k = signal; k < d; k++) {
            q[k] = random.nextGaussian() / Math.sqrt(Math.max(1, nuisance));
        }
        double[] target = new double[valueDim];
        System.arraycopy(ys, j * valueDim, target, 0, valueDim);
        return new Episode(xs, ys, q, target, length);
    }

    private void fillKey(Random random, double[] xs, int off) {
        double norm = 0;
        for (int k = 0; k < signal; k++) {
            xs[off + k] = random.nextGaussian();
            norm += xs[off + k] * xs[off + k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < signal; k++) {
            xs[off + k] /= norm;
        }
        for (int k = signal; k < signal + nuisance; k++) {
            xs[off + k] = random.nextGaussian() / Math.sqrt(Math.max(1, nuisance));
        }
    }

    @Override
    public int inputDim() {
        return signal + nuisance;
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "recall(d_s = %d, d_u = %d, d_v = %d, σ = %.3g)", signal, nuisance,
                valueDim, queryNoise);
    }
}
