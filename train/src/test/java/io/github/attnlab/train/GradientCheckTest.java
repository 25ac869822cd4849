package io.github.attnlab.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.compact.nw.SmoothingKernel;
import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.patterns.AttentionPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's reverse-mode gradient against central finite differences of the loss, tensor by tensor (a random
 * direction inside each tensor, so every parameter group, including the learned $\alpha$ and $\log\beta$, is checked
 * on its own), for every normaliser under every mask: dense encoder, causal decoder, and a strided pattern.
 */
class GradientCheckTest {

    /**
     * Central-difference step along a unit direction. Small enough that, on these seeded instances, no support
     * boundary of a sparse normaliser and no ReLU kink is crossed (at 2e-3 five of the 32 cases cross one and the
     * quotient is off by 3-10%); large enough that float rounding of the loss (~1e-7) stays below 1e-3 of it.
     */
    static final double EPS = 5e-4;
    /** Relative tolerance of float forward passes (loss rounding ~1e-7 over a step of 2e-3, plus O(eps^2)). */
    static final double REL_TOL = 2e-2;
    /** Absolute floor for tensors with a tiny directional derivative. */
    static final double ABS_TOL = 2e-4;

    static List<AttentionNormalizer> normalizers() {
        return List.of(AttentionNormalizer.softmax(), AttentionNormalizer.sparsemax(), AttentionNormalizer.entmax(1.5),
                AttentionNormalizer.entmax(1.3), AttentionNormalizer.learnedEntmax(1.4),
                AttentionNormalizer.normalizedRelu(0.0), AttentionNormalizer.compactKernel(SmoothingKernel.biweight(), 4),
                AttentionNormalizer.compactKernel(SmoothingKernel.epanechnikov(), 3));
    }

    /** A strided pattern (Child et al.): query i sees i itself, keys within distance 2, and every key j with j % 3 == 0. */
    static AttentionPattern strided() {
        return (n, layer) -> {
            boolean[][] a = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = Math.abs(i - j) <= 2 || j % 3 == 0;
                }
            }
            return AttentionMask.of(a);
        };
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (AttentionNormalizer nz : normalizers()) {
            PositionEncoding[] pos = PositionEncoding.values();
            out.add(Arguments.of(nz, "dense encoder", false, AttentionPattern.dense(), pos[i++ % 3]));
            out.add(Arguments.of(nz, "causal decoder", true, AttentionPattern.dense(), pos[i++ % 3]));
            out.add(Arguments.of(nz, "strided decoder", true, strided(), pos[i++ % 3]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, {4} positions")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(AttentionNormalizer nz, String label, boolean causal, AttentionPattern pattern,
                                           PositionEncoding positions) {
        ModelConfig c = new ModelConfig(7, 0, 7, false, 2, 2, 8, 12, 16, causal, nz, pattern, positions);
        Transformer m = Transformer.init(c, 11);
        Random r = new Random(5);
        List<Example> batch = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int[] x = new int[9];
            int[] y = new int[9];
            for (int i = 0; i < 9; i++) {
                x[i] = r.nextInt(7);
                y[i] = i % 4 == 0 ? -1 : r.nextInt(7);
            }
            batch.add(Example.tokens(x, y));
        }
        check(m, batch, label);
    }

    @ParameterizedTest(name = "regression with {0}")
    @MethodSource("normalizers")
    void regressionGradient(AttentionNormalizer nz) {
        ModelConfig c = ModelConfig.regression(3, 2).withWidth(8, 12).withHeads(2).withNormalizer(nz);
        Transformer m = Transformer.init(c, 3);
        Random r = new Random(8);
        List<Example> batch = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            double[][] x = new double[7][3];
            double[][] y = new double[7][];
            for (int i = 0; i < 7; i++) {
                for (int e = 0; e < 3; e++) {
                    x[i][e] = r.nextGaussian();
                }
                y[i] = i == 6 ? new double[] {r.nextGaussian(), r.nextGaussian()} : null;
            }
            batch.add(Example.vectors(x, y));
        }
        check(m, batch, "regression");
    }

    static void check(Transformer m, List<Example> batch, String label) {
        Network net = m.network();
        float[] w = m.weightsView().clone();
        long count = batch.stream().mapToLong(Example::scoredCount).sum();
        Cache k = net.cache(null, batch.size(), batch.get(0).length());
        float[] grad = new float[w.length];
        net.forward(w, Gates.NONE, batch, 0, k, 1.0 / count);
        net.backward(w, Gates.NONE, batch, 0, k, grad);
        Random r = new Random(99);
        StringBuilder fails = new StringBuilder();
        for (Layout.Slice s : net.lay.slices()) {
            double[] v = new double[s.size()];
            double norm = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextGaussian();
                norm += v[i] * v[i];
            }
            double analytic = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] /= Math.sqrt(norm);
                analytic += v[i] * grad[s.offset() + i];
            }
            double plus = lossAt(net, w, s, v, EPS, batch, count);
            double minus = lossAt(net, w, s, v, -EPS, batch, count);
            double numeric = (plus - minus) / (2 * EPS);
            double err = Math.abs(numeric - analytic);
            if (err > ABS_TOL + REL_TOL * Math.max(Math.abs(numeric), Math.abs(analytic))) {
                fails.append(String.format("%n  %s: analytic %.6g, numeric %.6g", s.name(), analytic, numeric));
            }
        }
        assertTrue(fails.length() == 0, net.c.normalizer().name() + ", " + label + ":" + fails);
    }

    private static double lossAt(Network net, float[] w, Layout.Slice s, double[] v, double eps, List<Example> batch,
                                 long count) {
        float[] x = w.clone();
        for (int i = 0; i < v.length; i++) {
            x[s.offset() + i] = (float) (w[s.offset() + i] + eps * v[i]);
        }
        Cache k = net.cache(null, batch.size(), batch.get(0).length());
        return net.forward(x, Gates.NONE, batch, 0, k, 0) / count;
    }
}
