package io.github.attnlab.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The task's densities, features, population operator, streaming context and the derived error rate. */
class MixtureContextTest {

    @Test
    void densitiesIntegrateToOneAndHaveTheirMoments() {
        Random r = new Random(51);
        for (int t = 0; t < 20; t++) {
            CircleDensity p = CircleDensity.random(1.5 + 2 * r.nextDouble(), 0.15, 32, r);
            int n = 20_000;
            double mass = 0;
            double[] c = new double[5];
            double[] s = new double[5];
            for (int i = 0; i < n; i++) {
                double z = 2 * Math.PI * i / n;
                double f = p.density(z) * 2 * Math.PI / n;
                assertTrue(p.density(z) > 0 && p.density(z) <= p.envelope());
                mass += f;
                for (int k = 1; k < 5; k++) {
                    c[k] += Math.cos(k * z) * f;
                    s[k] += Math.sin(k * z) * f;
                }
            }
            assertEquals(1, mass, 1e-12);
            for (int k = 1; k < 5; k++) {
                assertEquals(c[k], p.cosineMoment(k), 1e-12);
                assertEquals(s[k], p.sineMoment(k), 1e-12);
            }
        }
    }

    @Test
    void samplesHaveTheMoments() {
        CircleDensity p = CircleDensity.random(2, 0.3, 16, new Random(52));
        Random r = new Random(53);
        int n = 200_000;
        double c1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double z = p.sample(r);
            c1 += Math.cos(z) / n;
            s2 += Math.sin(2 * z) / n;
        }
        // 4 standard errors of a mean of n values of variance at most 1
        assertEquals(p.cosineMoment(1), c1, 4 / Math.sqrt(n));
        assertEquals(p.sineMoment(2), s2, 4 / Math.sqrt(n));
    }

    @Test
    void fourierFeaturesAreTheHarmonics() {
        FourierFeatures f = new FourierFeatures(5, 2, 9);
        for (double z = -3; z < 7; z += 0.7) {
            double[] out = new double[18];
            f.apply(new double[] {9, 9, Math.cos(z), Math.sin(z), 9}, out);
            for (int k = 1; k <= 9; k++) {
                assertEquals(Math.cos(k * z), out[2 * k - 2], 1e-13);
                assertEquals(Math.sin(k * z), out[2 * k - 1], 1e-13);
            }
        }
    }

    @Test
    void recallWeightsOfTheContextAreThePopulationOnesExactly() {
        MixtureContext task = MixtureContext.random(5, 2, 0.3, 16, 54);
        double kappa = 2.5;
        double[] w = task.recallWeights(kappa).apply(task.query(3, 1.0), task.context(40, 7)).value();
        double denominator = Math.exp(kappa) + 4;
        for (int i = 0; i < 5; i++) {
            assertEquals(i == 3 ? Math.exp(kappa) / denominator : 1 / denominator, w[i], 1e-13);
        }
    }

    @Test
    void theStreamedContextConvergesToThePopulationOperator() {
        MixtureContext task = MixtureContext.random(3, 2, 0.3, 16, 55);
        long n = 100_000;
        double[] got = task.recall(4, 3).apply(task.query(1, 0.5), task.context(n, 8)).value();
        double[] want = task.population(1, 4, 3);
        for (int k = 0; k < want.length; k++) {
            // a weighted mean of n per component: 5 standard errors at most sqrt(1/n)
            assertEquals(want[k], got[k], 5 / Math.sqrt(n), "feature " + k);
        }
        double[] again = task.recall(4, 3).apply(task.query(1, 0.5), task.context(n, 8)).value();
        assertArrayEquals(got, again, 0, "a pass regenerates the same atoms");
    }

    @Test
    void theDerivedErrorDecaysAtTheMinimaxExponent() {
        for (double s : new double[] {1.5, 2, 3}) {
            int terms = 4096;
            long n1 = 1_000_000;
            long n2 = 100_000_000;
            double e1 = MixtureContext.expectedError(s, 0.3, terms, n1, MixtureContext.cutoff(s, 0.3, terms, n1));
            double e2 = MixtureContext.expectedError(s, 0.3, terms, n2, MixtureContext.cutoff(s, 0.3, terms, n2));
            double slope = Math.log(e2 / e1) / Math.log((double) n2 / n1);
            assertEquals(-(2 * s - 1) / (2 * s), slope, 0.03, "s = " + s);
        }
    }

    @Test
    void episodesAndPredictionsAreConsistent() {
        MixtureContext task = MixtureContext.random(4, 2, 0.3, 16, 56);
        MixtureContext.Episode e = task.episode(25, new Random(9));
        assertEquals(100, e.context().size());
        assertEquals(1, e.query()[e.component()]);
        assertEquals(task.target(e.component(), e.angle()), e.target());
        // the prediction from the exact moments of all M harmonics is the density itself
        CircleDensity p = task.component(2);
        double[] exact = new double[32];
        for (int k = 1; k <= 16; k++) {
            exact[2 * k - 2] = p.cosineMoment(k);
            exact[2 * k - 1] = p.sineMoment(k);
        }
        assertEquals(p.density(1.3), MixtureContext.predict(exact, 1.3, 16), 1e-14);
    }

    @Test
    void badInputIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CircleDensity.random(2, 0.9, 16, new Random(1)))
                .getMessage().startsWith("amplitude = 0.9 with terms = 16 and s = 2.0 allows a negative density"));
        assertEquals("s = 0.5 must be > 0.5", assertThrows(IllegalArgumentException.class,
                () -> CircleDensity.of(0.5, new double[] {0.1}, new double[] {0.1})).getMessage());
        MixtureContext task = MixtureContext.random(2, 2, 0.3, 8, 1);
        assertEquals("perComponent = 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> task.context(0, 1)).getMessage());
        assertEquals("component = 2 is outside [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> task.query(2, 0)).getMessage());
    }
}
