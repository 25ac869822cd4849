package io.github.attnlab.jupyter;

import java.util.ArrayList;
import java.util.List;

/**
 * The imports a notebook of AttnLab starts with: every public package of the library that is on the classpath (a
 * package is probed through one of its classes, so a kernel with an older or partial library still starts).
 */
public final class Imports {

    /** Each package with one public class of it, the probe. */
    private static final String[][] PACKAGES = {
        {"core", "Check"}, {"topk", "TopK"}, {"compact", "Normalizer"}, {"compact.nw", "NadarayaWatson"},
        {"compact.train", "Trainer"}, {"diffusion", "DiffusionMaps"}, {"tree", "PartitionTree"},
        {"haar", "HaarBasis"}, {"spectral", "Heatmap"}, {"spectral.graph", "AttentionGraphs"}, {"spectral.heads", "HeadGap"},
        {"spectral.eigen", "LaplacianSpectra"}, {"spectral.cut", "Cheeger"},
        {"spectral.resistance", "EffectiveResistance"}, {"spectral.sparsify", "SpectralSparsifier"},
        {"spectral.partition", "Partition"}, {"patterns", "AttentionMask"}, {"model", "AttentionTensor"},
        {"model.view", "AttentionView"}, {"model.bert", "Bert"}, {"model.data", "AttentionDatasets"},
        {"plot", "Figure"}, {"repro", "Claims"}, {"measure", "EmpiricalMeasure"},
        {"model.attention", "AttentionRule"}, {"model.io", "Half"}, {"model.text", "BertTokenizer"},
        {"simd", "SimdOps"}, {"stats", "Correlation"}, {"wasserstein", "L1Prior"},
    };

    private Imports() {
    }

    /** The packages found, as {@code io.github.attnlab.x} names. */
    public static List<String> packages() {
        List<String> out = new ArrayList<>();
        ClassLoader loader = Imports.class.getClassLoader();
        for (String[] p : PACKAGES) {
            String name = "io.github.attnlab." + p[0];
            try {
                Class.forName(name + "." + p[1], false, loader);
                out.add(name);
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this version of the library: no import
            }
        }
        return out;
    }

    /** The start-up script: one {@code import p.*;} line per package found. */
    public static String script() {
        StringBuilder b = new StringBuilder();
        for (String p : packages()) {
            b.append("import ").append(p).append(".*;\n");
        }
        return b.toString();
    }
}
