package io.github.attnlab.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming one-pass evaluation against a two-pass reference, and its invariances and refusals. */
class MeasureAttentionTest {

    /** Relative agreement of the one-pass log-sum-exp with the two-pass reference. */
    private static final double REL = 1e-12;

    private static double[][] random(Random r, int n, int d, double scale) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = scale * r.nextGaussian();
            }
        }
        return x;
    }

    /** The reference: all logits first, then the shifted exponentials. */
    private static double[] twoPass(double[][] wq, double[][] wk, double[][] wv, double[] x, double[][] y, double[] w) {
        int n = y.length;
        double[] a = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < wq.length; r++) {
                double qx = 0;
                double ky = 0;
                for (int k = 0; k < x.length; k++) {
                    qx += wq[r][k] * x[k];
                }
                for (int k = 0; k < y[j].length; k++) {
                    ky += wk[r][k] * y[j][k];
                }
                a[j] += qx * ky;
            }
            max = Math.max(max, a[j]);
        }
        double[] out = new double[wv.length + 1];
        double s = 0;
        for (int j = 0; j < n; j++) {
            double e = w[j] * Math.exp(a[j] - max);
            s += e;
            for (int i = 0; i < wv.length; i++) {
                double v = 0;
                for (int k = 0; k < y[j].length; k++) {
                    v += wv[i][k] * y[j][k];
                }
                out[i] += e * v;
            }
        }
        for (int i = 0; i < wv.length; i++) {
            out[i] /= s;
        }
        out[wv.length] = max + Math.log(s);
        return out;
    }

    @Test
    void onePassEqualsTwoPassesEvenWithHugeLogits() {
        Random r = new Random(41);
        for (int t = 0; t < 60; t++) {
            int n = 1 + r.nextInt(400);
            int d = 1 + r.nextInt(6);
            int dx = 1 + r.nextInt(5);
            int m = 1 + r.nextInt(4);
            double scale = t % 3 == 0 ? 30 : 1;   // logits up to ~10^3: e^a overflows without the running shift
            double[][] wq = random(r, m, dx, scale);
            double[][] wk = random(r, m, d, 1);
            double[][] wv = random(r, 3, d, 1);
            double[][] y = random(r, n, d, 1);
            double[] w = new double[n];
            for (int j = 0; j < n; j++) {
                w[j] = r.nextDouble();
            }
            double[] x = random(r, 1, dx, 1)[0];
            MeasureAttention.Output o = MeasureAttention.of(wq, wk, ValueMap.linear(wv)).apply(x, EmpiricalMeasure.weighted(y, w));
            double[] ref = twoPass(wq, wk, wv, x, y, w);
            for (int i = 0; i < 3; i++) {
                assertEquals(ref[i], o.value()[i], REL * (1 + Math.abs(ref[i])), "case " + t);
            }
            assertEquals(ref[3], o.logPartition(), REL * (1 + Math.abs(ref[3])), "case " + t);
            assertEquals(n, o.atoms());
        }
    }

    @Test
    void duplicatingAnAtomIsDoublingItsWeightAndOrderDoesNotMatter() {
        Random r = new Random(42);
        double[][] y = random(r, 50, 3, 1);
        double[][] dup = new double[51][];
        System.arraycopy(y, 0, dup, 0, 50);
        dup[50] = y[7];
        double[] w = new double[50];
        java.util.Arrays.fill(w, 1);
        w[7] = 2;
        double[][] reversed = new double[50][];
        double[] wr = new double[50];
        for (int j = 0; j < 50; j++) {
            reversed[j] = y[49 - j];
            wr[j] = w[49 - j];
        }
        MeasureAttention att = MeasureAttention.of(random(r, 2, 3, 1), random(r, 2, 3, 1), ValueMap.identity(3));
        double[] x = {0.3, -1, 2};
        double[] a = att.apply(x, EmpiricalMeasure.of(dup)).value();
        double[] b = att.apply(x, EmpiricalMeasure.weighted(y, w)).value();
        double[] c = att.apply(x, EmpiricalMeasure.weighted(reversed, wr)).value();
        assertArrayEquals(a, b, 1e-14);
        assertArrayEquals(b, c, 1e-14);
    }

    @Test
    void manyQueriesInOnePassEqualOneAtATime() {
        Random r = new Random(43);
        double[][] y = random(r, 300, 4, 1);
        MeasureAttention att = MeasureAttention.of(random(r, 3, 2, 2), random(r, 3, 4, 1), ValueMap.coordinates(4, 1, 3));
        double[][] xs = random(r, 7, 2, 1);
        MeasureAttention.Output[] all = att.apply(xs, EmpiricalMeasure.of(y));
        for (int q = 0; q < xs.length; q++) {
            assertArrayEquals(att.apply(xs[q], EmpiricalMeasure.of(y)).value(), all[q].value(), 0);
        }
    }

    @Test
    void equalLogitsGiveTheMeanAndEveryAtomCounts() {
        double[][] y = {{1, 0}, {0, 1}, {1, 1}, {2, 3}};
        MeasureAttention att = MeasureAttention.bilinear(new double[2][1], ValueMap.identity(2));
        MeasureAttention.Output o = att.apply(new double[] {5}, EmpiricalMeasure.of(y));
        assertArrayEquals(new double[] {1, 1.25}, o.value(), 1e-15);
        assertEquals(4, o.effectiveAtoms(), 1e-12);
        assertEquals(0, o.logPartition(), 1e-15);
    }

    @Test
    void badInputIsRefusedByName() {
        MeasureAttention att = MeasureAttention.bilinear(new double[2][2], ValueMap.identity(2));
        assertEquals("points is empty: a measure needs at least one atom",
                assertThrows(IllegalArgumentException.class, () -> EmpiricalMeasure.of(new double[0][])).getMessage());
        Measure empty = new Measure() {
            public int dimension() {
                return 2;
            }

            public long size() {
                return 0;
            }

            public void forEach(Sink sink) {
            }
        };
        assertEquals("nu is empty: a measure needs at least one atom",
                assertThrows(IllegalArgumentException.class, () -> att.apply(new double[] {0, 0}, empty)).getMessage());
        assertEquals("nu's dimension = 3, need 2", assertThrows(IllegalArgumentException.class,
                () -> att.apply(new double[] {0, 0}, EmpiricalMeasure.of(new double[][] {{1, 2, 3}}))).getMessage());
        assertEquals("x.length = 1, need 2", assertThrows(IllegalArgumentException.class,
                () -> att.apply(new double[] {0}, EmpiricalMeasure.of(new double[][] {{1, 2}}))).getMessage());
        assertEquals("weights[1] = -1.0 is negative", assertThrows(IllegalArgumentException.class,
                () -> EmpiricalMeasure.weighted(new double[][] {{1, 2}, {3, 4}}, new double[] {1, -1})).getMessage());
        Measure nan = new Measure() {
            public int dimension() {
                return 2;
            }

            public long size() {
                return 3;
            }

            public void forEach(Sink sink) {
                sink.accept(new double[] {0, 0}, 1);
                sink.accept(new double[] {0, 0}, 1);
                sink.accept(new double[] {0, Double.NaN}, 1);
            }
        };
        assertEquals("nu: atom 2 has NaN at coordinate 1",
                assertThrows(IllegalArgumentException.class, () -> att.apply(new double[] {0, 0}, nan)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EmpiricalMeasure.weighted(new double[][] {{1}},
                new double[] {0})).getMessage().startsWith("weights are all 0"));
    }
}
