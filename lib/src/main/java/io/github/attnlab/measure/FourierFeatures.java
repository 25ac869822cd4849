package io.github.attnlab.measure;

import io.github.attnlab.core.Check;

/**
 * The value map $v(y) = (\cos z, \sin z, \cos 2z, \sin 2z, \dots, \cos Kz, \sin Kz)$ of a token that carries an angle
 * as $(\cos z, \sin z)$ at coordinates {@code at}, {@code at + 1}: averaged by attention over a component, it gives
 * that component's first $K$ Fourier moments (paper F.1, {@code docs/papers/F.md}). The harmonics come from the
 * first by the rotation recurrence, without trigonometric calls.
 *
 * @param inputDimension $d$
 * @param at             the coordinate of $\cos z$
 * @param harmonics      $K \ge 1$
 */
public record FourierFeatures(int inputDimension, int at, int harmonics) implements ValueMap {

    /** Checks the coordinates. */
    public FourierFeatures {
        Check.positive("inputDimension", inputDimension);
        Check.range("at", at, 0, inputDimension - 2);
        Check.positive("harmonics", harmonics);
    }

    @Override
    public int dimension() {
        return 2 * harmonics;
    }

    @Override
    public void apply(double[] y, double[] out) {
        Check.size("y.length", Check.notNull("y", y).length, inputDimension);
        Check.size("out.length", Check.notNull("out", out).length, dimension());
        double c1 = y[at];
        double s1 = y[at + 1];
        double ck = c1;
        double sk = s1;
        for (int k = 0; k < harmonics; k++) {
            out[2 * k] = ck;
            out[2 * k + 1] = sk;
            double c = ck * c1 - sk * s1;
            sk = sk * c1 + ck * s1;
            ck = c;
        }
    }
}
