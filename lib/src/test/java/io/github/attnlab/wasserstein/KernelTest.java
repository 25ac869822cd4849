package io.github.attnlab.wasserstein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The closed-form one-dimensional kernels of the separable priors against independent references: numerical
 * quadrature of $\exp(-(v(x) + (x - y)^2/(2T))/(2\beta))$, brute-force minimisation for the proximal map and the Moreau
 * envelope, Commons Statistics for $\Phi$, and $E|X| = \sqrt{2/\pi}$ for the Wasserstein distance.
 */
class KernelTest {

    private static final int INSTANCES = 60;
    /** Relative tolerance of the closed forms against a Simpson quadrature of 100,000 panels per piece. */
    private static final double QUADRATURE = 1e-7;
    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

    @Test
    void logCdfAndMillsRatioAgreeWithCommonsStatistics() {
        for (double t = -37; t <= 8; t += 0.01) {
            double phi = N01.cumulativeProbability(t);
            assertEquals(Math.log(phi), Gaussians.logCdf(t), 1e-12 * Math.max(1, Math.abs(Math.log(phi))), "t = " + t);
            assertEquals(N01.density(t) / phi, Gaussians.millsRatio(t), 1e-11 * Math.max(1, -t), "t = " + t);
        }
        for (double t = -1e4; t < -40; t *= 0.9) {
            // the asymptotic series log Phi(t) = log phi(t) - log(-t) + log(1 - 1/t^2 + 3/t^4 - 15/t^6 + 105/t^8 - ...)
            double u = 1 / (t * t);
            double asym = -0.5 * t * t - Gaussians.LOG_SQRT_2PI - Math.log(-t) + Math.log1p(u * (-1 + u * (3 + u * (-15 + u * 105))));
            assertEquals(asym, Gaussians.logCdf(t), 1e-12 * Math.abs(asym), "t = " + t);
        }
    }

    /** {log Z, mean, variance, cdf(probe)} by Simpson's rule between the kink at 0 and the probe. */
    private static double[] quadrature(SeparablePrior prior, double y, double beta, double time, double probe) {
        double shift = -prior.envelope(y, time) / (2 * beta);
        double sigma = Math.sqrt(2 * beta * time);
        double lo = Math.min(y, 0) - 40 * sigma - 5 * Math.abs(y);
        double hi = Math.max(y, 0) + 40 * sigma + 5 * Math.abs(y);
        double[] m = new double[4];
        double[] cuts = {lo, Math.min(0, probe), Math.max(0, probe), hi};
        for (int c = 0; c + 1 < cuts.length; c++) {
            double[] piece = {cuts[c], cuts[c + 1]};
            int panels = 100_000;
            double h = (piece[1] - piece[0]) / panels;
            for (int i = 0; i <= panels; i++) {
                double x = piece[0] + i * h;
                double w = (i == 0 || i == panels ? 1 : i % 2 == 1 ? 4 : 2) * h / 3;
                double f = Math.exp(-(prior.coordinate(x) + (x - y) * (x - y) / (2 * time)) / (2 * beta) - shift) * w;
                m[0] += f;
                m[1] += f * x;
                m[2] += f * x * x;
                m[3] += piece[1] <= probe ? f : 0;
            }
        }
        double mean = m[1] / m[0];
        return new double[] {Math.log(m[0]) + shift, mean, m[2] / m[0] - mean * mean, m[3] / m[0]};
    }

    @Test
    void l1KernelMomentsAgreeWithQuadrature() {
        Random r = new Random(11);
        for (int i = 0; i < INSTANCES; i++) {
            double lambda = 3 * r.nextDouble();
            double beta = Math.pow(10, -2 + 2.5 * r.nextDouble());
            double time = Math.pow(10, -1 + 1.5 * r.nextDouble());
            double y = 4 * r.nextGaussian();
            L1Prior p = Prior.l1(lambda);
            TwoPieceGaussian k = p.kernel(y, beta, time);
            double probe = k.mean() + Math.sqrt(k.variance()) * r.nextGaussian();
            double[] q = quadrature(p, y, beta, time, probe);
            String at = "instance " + i + ": " + k;
            assertEquals(q[0], k.logPartition(), QUADRATURE * Math.max(1, Math.abs(q[0])), at);
            assertEquals(q[1], k.mean(), QUADRATURE * Math.max(1, Math.abs(q[1])), at);
            assertEquals(q[2], k.variance(), 1e-6 * q[2], at);
            assertEquals(q[3], k.cdf(probe), QUADRATURE, at);
        }
    }

    @Test
    void quadraticKernelIsTheGaussianWithShrunkMean() {
        Random r = new Random(12);
        for (int i = 0; i < INSTANCES; i++) {
            double a = 2 * r.nextDouble();
            double beta = Math.pow(10, -1 + r.nextDouble());
            double time = 0.2 + r.nextDouble();
            double y = 3 * r.nextGaussian();
            TwoPieceGaussian k = Prior.quadratic(a).kernel(y, beta, time);
            assertEquals(y / (1 + a * time), k.mean(), 1e-12 * Math.max(1, Math.abs(y)));
            assertEquals(2 * beta * time / (1 + a * time), k.variance(), 1e-10);
            double[] q = quadrature(Prior.quadratic(a), y, beta, time, y);
            assertEquals(q[0], k.logPartition(), QUADRATURE * Math.max(1, Math.abs(q[0])));
        }
    }

    @Test
    void l1WithLambdaZeroIsTheHeatKernel() {
        for (double y : new double[] {-2, 0, 0.5, 7}) {
            TwoPieceGaussian k = Prior.l1(0).kernel(y, 0.3, 0.7);
            TwoPieceGaussian h = Prior.none().kernel(y, 0.3, 0.7);
            assertEquals(h.mean(), k.mean(), 1e-12);
            assertEquals(h.variance(), k.variance(), 1e-12);
            assertEquals(0.5 * Math.log(4 * Math.PI * 0.3 * 0.7), k.logPartition(), 1e-12);
            assertEquals(y, k.mean(), 1e-12);
        }
    }

    @Test
    void proxAndEnvelopeAgreeWithBruteForceMinimisation() {
        Random r = new Random(13);
        for (SeparablePrior p : new SeparablePrior[] {Prior.l1(0.7), Prior.l1(2), Prior.quadratic(1.5)}) {
            for (int i = 0; i < 30; i++) {
                double y = 3 * r.nextGaussian();
                double time = 0.1 + r.nextDouble();
                double best = Double.POSITIVE_INFINITY;
                double arg = 0;
                for (double x = -12; x <= 12; x += 2e-4) {
                    double f = p.coordinate(x) + (x - y) * (x - y) / (2 * time);
                    if (f < best) {
                        best = f;
                        arg = x;
                    }
                }
                assertEquals(arg, p.prox(y, time), 2e-4, p.name());
                assertEquals(best, p.envelope(y, time), 4e-7, p.name());
            }
        }
    }

    @Test
    void kernelMeanTendsToSoftThresholdingAsBetaVanishes() {
        double lambda = 1;
        double time = 1;
        for (double beta : new double[] {1e-2, 1e-3, 1e-4, 1e-5}) {
            for (double y = -3; y <= 3; y += 0.01) {
                double err = Math.abs(Prior.l1(lambda).kernel(y, beta, time).mean() - L1Prior.softThreshold(y, lambda * time));
                assertTrue(err <= 2 * Math.sqrt(beta * time), "y = " + y + ", beta = " + beta + ": " + err);
                if (Math.abs(Math.abs(y) - lambda * time) > 0.25) {
                    // away from the kink the error is O(beta) inside the dead zone and exponentially small outside
                    assertTrue(err <= 4 * beta * time / 0.25, "y = " + y + ", beta = " + beta + ": " + err);
                }
            }
        }
    }

    @Test
    void densityIsTheDerivativeOfTheCdfAndTheCdfIsALaw() {
        Random r = new Random(14);
        for (int i = 0; i < 20; i++) {
            TwoPieceGaussian k = Prior.l1(2 * r.nextDouble()).kernel(2 * r.nextGaussian(), 0.05 + r.nextDouble(), 1);
            double sd = Math.sqrt(k.variance());
            double mean = k.mean();
            assertEquals(0, k.cdf(mean - 40 * sd), 1e-15);
            assertEquals(1, k.cdf(mean + 40 * sd), 1e-15);
            double prev = -1;
            for (double x = mean - 6 * sd; x <= mean + 6 * sd; x += sd / 20) {
                double c = k.cdf(x);
                assertTrue(c >= prev, "cdf decreases at " + x);
                prev = c;
                if (Math.abs(x) > 1e-3 * sd) {
                    double h = 1e-6 * sd;
                    assertEquals((k.cdf(x + h) - k.cdf(x - h)) / (2 * h), k.density(x), 1e-5 / sd, k + " at " + x);
                }
            }
        }
    }

    @Test
    void wassersteinDistanceOfAPointMassToTheStandardGaussianIsMeanAbsoluteValue() {
        TwoPieceGaussian g = TwoPieceGaussian.gaussian(0, 1, 0);
        assertEquals(Math.sqrt(2 / Math.PI), g.wasserstein1(new double[] {0}), 1e-6);
        assertEquals(Math.sqrt(2 / Math.PI) + 0, g.wasserstein1(new double[] {0, 0, 0}), 1e-6);
        // a far point mass: W1 = |c| exactly
        assertEquals(30, g.wasserstein1(new double[] {30}), 1e-5);
        // midpoint quantiles of the law itself: W1 of order 1/N
        int n = 2000;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = N01.inverseCumulativeProbability((i + 0.5) / n);
        }
        assertTrue(g.wasserstein1(q) < 2.0 / n, "W1 = " + g.wasserstein1(q));
    }
}
