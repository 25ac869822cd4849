package io.github.attnlab.compact.train;

import io.github.attnlab.core.Check;
import java.util.Locale;
import java.util.Random;

/**
 * In-context regression: each episode draws a smooth random function
 * $f(x) = \sum_{j \le J} a_j \cos(\omega_j^\top x_{rel} + \varphi_j)$ of the first {@code relevant}
 * coordinates of $x \in [-1, 1]^{d}$, with $\omega_j \sim N(0, \omega^2 I)$,
 * $\varphi_j \sim U[0, 2\pi)$, $a_j \sim N(0, 2/J)$ (so $E f^2 = 1$), and shows the context
 * $y_i = f(x_i) + \sigma\varepsilon_i$; the target is the noise-free $f(x_q)$. The {@code nuisance}
 * coordinates carry no information: a head must learn to ignore them.
 *
 * @param relevant  coordinates $f$ depends on
 * @param nuisance  coordinates it ignores
 * @param harmonics $J$
 * @param frequency $\omega$
 * @param noise     $\sigma$
 */
public record RegressionTask(int relevant, int nuisance, int harmonics, double frequency, double noise)
        implements Task {

    /** Validates the parameters. */
    public RegressionTask {
        if (relevant < 1 || nuisance < 0 || harmonics < 1 || !(frequency > 0) || !(noise >= 0)) {
            throw new IllegalArgumentException("need relevant >= 1, nuisance >= 0, harmonics >= 1, frequency > 0,"
                    + " noise >= 0, not " + relevant + ", " + nuisance + ", " + harmonics + ", " + frequency + ", " + noise);
        }
    }

    @Override
    public Episode sample(Random random, int length) {
        Check.positive("length", length);
        Check.notNull("random", random);
        int d = inputDim();
        double[][] omega = new double[harmonics][relevant];
        double[] phase = new double[harmonics];
        double[] amp = new double[harmonics];
        for (int j = 0; j < harmonics; j++) {
            for (int k = 0; k < relevant; k++) {
                omega[j][k] = frequency * random.nextGaussian();
            }
            phase[j] = 2 * Math.PI * random.nextDouble();
            amp[j] = Math.sqrt(2.0 / harmonics) * random.nextGaussian();
        }
        double[] xs = new double[length * d];
        double[] ys = new double[length];
        for (int i = 0; i < length; i++) {
            for (int k = 0; k < d; k++) {
                xs[i * d + k] = 2 * random.nextDouble() - 1;
            }
            ys[i] = f(omega, phase, amp, xs, i * d) + noise * random.nextGaussian();
        }
        double[] q = new double[d];
        for (int k = 0; k < d; k++) {
            q[k] = 2 * random.nextDouble() - 1;
        }
        return new Episode(xs, ys, q, new double[] {f(omega, phase, amp, q, 0)}, length);
    }

    private double f(double[][] omega, double[] phase, double[] amp, double[] x, int off) {
        double s = 0;
        for (int j = 0; j < harmonics; j++) {
            double arg = phase[j];
            for (int k = 0; k < relevant; k++) {
                arg += omega[j][k] * x[off + k];
            }
            s += amp[j] * Math.cos(arg);
        }
        return s;
    }

    @Override
    public int inputDim() {
        return relevant + nuisance;
    }

    @Override
    public int valueDim() {
        return 1;
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "regression(d = %d + %d nuisance, J = %d, ω = %.3g, σ = %.3g)", relevant,
                nuisance, harmonics, frequency, noise);
    }
}
