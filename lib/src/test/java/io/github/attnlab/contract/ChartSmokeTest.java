package io.github.attnlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.compact.nw.NadarayaWatson;
import io.github.attnlab.compact.nw.SmoothingKernel;
import io.github.attnlab.compact.train.LengthSweep;
import io.github.attnlab.compact.train.RecallTask;
import io.github.attnlab.compact.train.Trainer;
import io.github.attnlab.compact.train.TrainingRun;
import io.github.attnlab.diffusion.DiffusionMaps;
import io.github.attnlab.haar.HaarCoefficients;
import io.github.attnlab.haar.TensorHaar;
import io.github.attnlab.model.attention.AttentionRun;
import io.github.attnlab.model.attention.HeadSummary;
import io.github.attnlab.model.attention.LayerSummary;
import io.github.attnlab.model.attention.Measurement;
import io.github.attnlab.model.bert.AttentionChange;
import io.github.attnlab.model.bert.ErrorPropagation;
import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.patterns.ConnectionScaling;
import io.github.attnlab.patterns.HardmaxLimit;
import io.github.attnlab.patterns.MaskFigure;
import io.github.attnlab.patterns.Patterns;
import io.github.attnlab.plot.ErrorBarChart;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.Table;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.spectral.Heatmap;
import io.github.attnlab.spectral.cut.Cheeger;
import io.github.attnlab.spectral.cut.SpectralGap;
import io.github.attnlab.spectral.eigen.LaplacianSpectra;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.topk.TopK;
import io.github.attnlab.topk.TopKRows;
import io.github.attnlab.tree.MatrixFigure;
import io.github.attnlab.tree.PartitionTree;
import io.github.attnlab.tree.TreeFigure;
import io.github.attnlab.wasserstein.Prior;
import io.github.attnlab.wasserstein.WassersteinProximal;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every chart type renders: each class that implements {@link Figure} (found by reflection, so a new one must be
 * added here) and the charts built by methods, drawn to PNG (not a blank image) and to SVG.
 */
class ChartSmokeTest {

    record Row(String group, int x, double y) {
    }

    private static double[][] matrix() {
        double[][] m = new double[8][8];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                m[i][j] = Math.exp(-Math.abs(i - j)) / 3;
            }
        }
        return m;
    }

    private static Map<String, Supplier<Figure>> figures() {
        double[] row = {2, 1, 0.5, -1, 0, 3, -2, 1.5};
        Map<String, Supplier<Figure>> f = new LinkedHashMap<>();
        f.put("XYChart", () -> XYChart.of("t", "x", "y").line("a", new double[] {1, 2, 3}, new double[] {1, 4, 9})
                .points("b", new double[] {1, 2}, new double[] {2, 3}).logY());
        f.put("ErrorBarChart", () -> ErrorBarChart.of("t", "x", "y").series("a", new double[] {1, 2, 3},
                new double[] {1, 2, 3}, new double[] {0.1, 0.2, 0.3}));
        f.put("TailCurve", () -> TopK.of(row).curve());
        f.put("Certified", () -> TopKRows.of(new double[][] {row, row}).certify(0.05));
        f.put("Normalized", () -> Normalizer.entmax(1.5).apply(row));
        f.put("Estimate", () -> NadarayaWatson.adaptive(SmoothingKernel.biweight(), 0.5)
                .apply(new double[] {1, 0}, new double[][] {{1, 0}, {0, 1}, {0.6, 0.8}}, new double[][] {{1}, {2}, {3}}));
        f.put("Spectrum", () -> LaplacianSpectra.smallest(Laplacian.combinatorial(StandardGraphs.cycle(12)), 4));
        f.put("Cheeger", () -> {
            var g = StandardGraphs.path(10);
            return Cheeger.of(g, SpectralGap.of(Laplacian.symmetric(g)));
        });
        f.put("Heatmap", () -> Heatmap.of("m", matrix()).logScale());
        f.put("MatrixFigure", () -> MatrixFigure.of("m", matrix()).organisedBy(PartitionTree.dyadic(8),
                PartitionTree.dyadic(8)));
        f.put("TreeFigure", () -> TreeFigure.of(PartitionTree.dyadic(8)).groups(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, "a", "b"));
        f.put("HolderEstimate", () -> coefficients().holder());
        f.put("TrainingRun", ChartSmokeTest::run);
        f.put("LengthSweep", () -> LengthSweep.of(new RecallTask(2, 1, 1, 0.1), List.of(run(), run()), new int[] {4, 8}, 3, 1));
        f.put("AssumptionReport", () -> Patterns.window(2).at(8).conditions());
        f.put("Reach", () -> Patterns.window(2).at(8).reach());
        f.put("ScalingCurve", () -> HardmaxLimit.of(Normalizer.softmax(), 0, 2.5, 3).curve(10, 60, 11));
        f.put("ConnectionScaling", () -> ConnectionScaling.of(Patterns.window(4), 32, 64, 128));
        f.put("MaskFigure", () -> MaskFigure.of("causal", AttentionMask.causal(8)));
        f.put("ProximalWeights", () -> WassersteinProximal.of(Prior.l1(1), 0.2, 0.5).weights(new double[] {0.3},
                new double[][] {{-1}, {0}, {0.5}, {1}}));
        f.put("AttentionChange", () -> new AttentionChange("dense", "pruned", matrix()));
        f.put("ErrorPropagation", () -> new ErrorPropagation("m", "top-2", 1, new double[] {0.5, 0.4},
                new double[] {0.01, 0.02}, new double[] {0.01, 0.03}));
        f.put("HeadSummary", () -> HeadSummary.of(List.of(attentionRun())));
        f.put("LayerSummary", () -> LayerSummary.of(List.of(attentionRun())));
        f.put("SparsificationStudy", () -> io.github.attnlab.spectral.heads.SparsificationStudy.of(tensor(),
                new int[][] {{0, 0}}, 0.5, new int[] {50, 200}, new int[] {2, 4}, 1));
        // charts built by methods rather than by a Figure class of their own
        f.put("TopKGapSweep.gapRatioChart", () -> io.github.attnlab.spectral.heads.TopKGapSweep.of(
                Map.of("p", tensor()), 1, 2, 4).gapRatioChart("g"));
        f.put("TopKGapSweep.gapBoundChart", () -> io.github.attnlab.spectral.heads.TopKGapSweep.of(
                Map.of("p", tensor()), 1, 2, 4).gapBoundChart("g", 2));
        f.put("DiffusionMap.scatter", () -> DiffusionMaps.fromPoints(new double[][] {{0}, {1}, {3}, {7}, {8}}).compute()
                .scatter(1, 2, 1));
        f.put("HaarCoefficients.decayChart", () -> coefficients().decayChart("c"));
        f.put("Table.meanChart", () -> Table.of(List.of(new Row("a", 1, 2), new Row("a", 2, 3), new Row("b", 1, 1)))
                .meanChart("t", "x", Row::x, "y", Row::y, Row::group));
        return f;
    }

    /** One layer, one head of 8 tokens: a local band of attention with a little everywhere else. */
    private static io.github.attnlab.model.AttentionTensor tensor() {
        int n = 8;
        float[] p = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i * n + j] = Math.abs(i - j) <= 1 ? 0.3f : 0.1f / (n - (i == 0 || i == n - 1 ? 2 : 3));
            }
        }
        return io.github.attnlab.model.AttentionTensor.of("band", java.util.Collections.nCopies(n, "t"), 1, 1, p, p);
    }

    private static HaarCoefficients coefficients() {
        return TensorHaar.bi(PartitionTree.dyadic(8), PartitionTree.dyadic(8)).forward(matrix());
    }

    private static AttentionRun attentionRun() {
        Object[] a = Samples.attentionRunArguments();
        return new AttentionRun((String) a[0], (String) a[1], (Measurement) a[2], 1, 1, 2, (int[]) a[6], (int[]) a[7],
                (double[]) a[8], (double[]) a[9], (double[]) a[10], (double[]) a[11], (boolean[]) a[12],
                (long[]) a[13], 2000L);
    }

    private static TrainingRun run() {
        return Trainer.on(new RecallTask(2, 1, 1, 0.1)).steps(3).batch(2).contextLength(4).run();
    }

    @Test
    void everyFigureClassHasASample() {
        Map<String, Supplier<Figure>> f = figures();
        for (Class<?> c : Samples.publicClasses()) {
            if (Figure.class.isAssignableFrom(c) && !c.isInterface() && !f.containsKey(c.getSimpleName())) {
                fail(c.getName() + " implements Figure but has no sample in ChartSmokeTest");
            }
        }
    }

    @Test
    void everyChartRendersToPngAndSvg() {
        for (Map.Entry<String, Supplier<Figure>> e : figures().entrySet()) {
            Figure fig = e.getValue().get();
            BufferedImage img = fig.png(320, 240);
            assertEquals(320, img.getWidth(), e.getKey());
            assertTrue(distinctColours(img) > 2, e.getKey() + ": the image is blank");
            String svg = fig.svg(320, 240);
            assertTrue(svg.startsWith("<svg") || svg.contains("<svg"), e.getKey() + ": not an SVG document");
        }
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
