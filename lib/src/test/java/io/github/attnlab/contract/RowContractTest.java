package io.github.attnlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.compact.Jacobians;
import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.compact.ThresholdMethod;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.haar.SyntheticHeads;
import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.topk.GaussianRule;
import io.github.attnlab.topk.RankedRow;
import io.github.attnlab.topk.TopK;
import io.github.attnlab.topk.TopKRows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row contract ({@link LogitRow}, docs/row-contract.md) is the same in every package that takes a row of
 * logits: -Infinity masks a key (probability exactly 0, never kept); NaN, +Infinity, an empty row and a row with no
 * unmasked key are refused with an IllegalArgumentException naming the position, in one message format.
 */
class RowContractTest {

    private static final double NEG = Double.NEGATIVE_INFINITY;
    private static final double POS = Double.POSITIVE_INFINITY;

    /** A consumer of one row; returns the probabilities it assigns (masked keys must get 0), or null. */
    private record Consumer(String name, Function<double[], double[]> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Consumer> consumers() {
        List<Consumer> c = new ArrayList<>();
        c.add(new Consumer("LogitRow.validate", s -> {
            LogitRow.validate("logits", s);
            return null;
        }));
        c.add(new Consumer("TopK.of", s -> TopK.of(s).probabilities()));
        c.add(new Consumer("TopK.of(float[])", s -> TopK.of(toFloat(s)).probabilities()));
        c.add(new Consumer("RankedRow.rank", s -> {
            RankedRow r = new RankedRow().rank(s);
            for (int t = 0; t < r.unmasked(); t++) {
                assertTrue(s[r.keyAt(t)] != NEG, "a masked key ranked among the unmasked ones");
            }
            return null;
        }));
        c.add(new Consumer("TopKRows.of", s -> TopKRows.of(new double[][] {s, s}).row(1).probabilities()));
        c.add(new Consumer("GaussianRule.fitSigma", s -> {
            GaussianRule.fitSigma(s);
            return null;
        }));
        for (Normalizer nz : List.of(Normalizer.softmax(), Normalizer.sparsemax(), Normalizer.sparsemax(ThresholdMethod.PIVOT),
                Normalizer.entmax(1.5), Normalizer.entmax(1.25), Normalizer.normalizedRelu(-5))) {
            c.add(new Consumer("Normalizer " + nz.name(), s -> nz.apply(s).probabilities()));
        }
        c.add(new Consumer("Normalizers.entmax15 (offset row)", s -> {
            double[] padded = new double[s.length + 2];
            System.arraycopy(s, 0, padded, 2, s.length);
            double[] out = new double[padded.length];
            Normalizers.entmax15(padded, out, 2, s.length);
            return java.util.Arrays.copyOfRange(out, 2, out.length);
        }));
        c.add(new Consumer("Normalizer.applyRows", s -> {
            double[] out = new double[s.length];
            Normalizer.softmax().applyRows(s, out, 1, s.length, null);
            return out;
        }));
        c.add(new Consumer("Jacobians.softmax", s -> {
            double[] p = new double[s.length];
            double[] out = new double[s.length];
            Jacobians.softmax(s, p, new double[s.length], out, 0, s.length);
            return null;
        }));
        c.add(new Consumer("Normalizers.softmax(float[]) (offset row)", s -> {
            float[] f = new float[s.length + 1];
            System.arraycopy(toFloat(s), 0, f, 1, s.length);
            float[] out = new float[f.length];
            Normalizers.softmax(f, out, 1, s.length);
            double[] p = new double[s.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = out[i + 1];
            }
            return p;
        }));
        c.add(new Consumer("Normalizers.entmaxBisect(float[])", s -> {
            float[] out = new float[s.length];
            Normalizers.entmaxBisect(4.0 / 3, toFloat(s), out, 0, s.length);
            double[] p = new double[s.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = out[i];
            }
            return p;
        }));
        c.add(new Consumer("Normalizers.logSumExp(float[])", s -> {
            Normalizers.logSumExp(toFloat(s), 0, s.length);
            return null;
        }));
        c.add(new Consumer("KSelect.certifiedK(float[])", s -> {
            new io.github.attnlab.topk.KSelect().certifiedK(toFloat(s), 0.01);
            return null;
        }));
        c.add(new Consumer("TopKRows.certifiedK(float[])", s -> {
            TopKRows.certifiedK(toFloat(s), 1, s.length, 0.01, new int[1], new io.github.attnlab.topk.KSelect());
            return null;
        }));
        c.add(new Consumer("SyntheticHeads.softmaxRows", s -> SyntheticHeads.softmaxRows(new double[][] {s})[0]));
        List<SimdOps> paths = new ArrayList<>();
        paths.add(SimdOps.scalar());
        SimdOps.vector().ifPresent(paths::add);
        for (SimdOps ops : paths) {
            c.add(new Consumer("SimdOps.softmax(float) " + ops.name(), s -> {
                float[] f = toFloat(s);
                float[] out = new float[f.length];
                ops.softmax(f, 0, f.length, out, 0);
                double[] p = new double[f.length];
                for (int i = 0; i < p.length; i++) {
                    p[i] = out[i];
                }
                return p;
            }));
        }
        return c;
    }

    private static float[] toFloat(double[] s) {
        float[] f = new float[s.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) s[i];
        }
        return f;
    }

    static Stream<Arguments> cases() {
        return consumers().stream().map(Arguments::of);
    }

    /** A row long enough for every vector loop (40 entries), key 3 masked. */
    private static double[] row() {
        double[] s = new double[40];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sin(i) * 3;
        }
        s[3] = NEG;
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void maskedKeysGetProbabilityZero(Consumer c) {
        double[] p = c.apply.apply(row());
        if (p != null) {
            assertEquals(0.0, p[3], 0.0, c.name + ": the masked key");
            double sum = 0;
            for (double x : p) {
                sum += x;
            }
            assertEquals(1, sum, 1e-6, c.name + ": the probabilities sum to 1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nanIsRefusedWithItsPosition(Consumer c) {
        double[] s = row();
        s[17] = Double.NaN;
        assertTrue(refusal(c, s).endsWith("[17] is NaN"), c.name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void positiveInfinityIsRefusedWithItsPosition(Consumer c) {
        double[] s = row();
        s[21] = POS;
        assertTrue(refusal(c, s).endsWith("[21] is +Infinity (a logit is finite, or -Infinity to mask a key)"), c.name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fullyMaskedRowIsRefused(Consumer c) {
        double[] s = new double[40];
        java.util.Arrays.fill(s, NEG);
        assertTrue(refusal(c, s).endsWith("all 40 logits are -Infinity; a row needs at least one unmasked key (drop the"
                + " row, or unmask a key)"), c.name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void emptyRowIsRefused(Consumer c) {
        String m = refusal(c, new double[0]);
        assertTrue(m.endsWith("= 0 must be at least 1") || m.endsWith("has no columns"), c.name + ": " + m);
    }

    private static String refusal(Consumer c, double[] s) {
        String m = assertThrows(IllegalArgumentException.class, () -> c.apply.apply(s), c.name).getMessage();
        assertTrue(m != null && !m.isEmpty(), c.name + ": a message");
        return m;
    }
}
