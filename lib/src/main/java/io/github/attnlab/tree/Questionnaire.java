package io.github.attnlab.tree;

import io.github.attnlab.core.Check;
import io.github.attnlab.diffusion.DiffusionMap;
import io.github.attnlab.diffusion.DiffusionMaps;
import io.github.attnlab.simd.SimdOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The questionnaire: co-organisation of the axes of a 3-tensor (or a matrix) by partition trees
 * (Coifman and Gavish 2011; Ankenman 2014; Mishne et al. 2016; docs/papers/C.md §C.2). An immutable
 * configuration; {@link #run()} computes.
 *
 * <p>Start: each axis gets a flexible tree from a diffusion map of its slices with Gaussian
 * affinities (median bandwidth). Then, for a number of iterations, each axis in turn: slice $i$ of
 * the axis (a matrix over the other two axes, with trees $T_b$, $T_c$) is described by its weighted
 * averages on all pairs of folders, $w_X w_Y \,\mathrm{avg}_{X \times Y}$, with
 * $w_X = 2^{-a\,\mathrm{depth}(X)} (|X| / n)^{b}$; the $\ell_1$ distance of two such descriptions is a
 * tree earth mover's distance between the slices; the affinity is
 * $\exp(-d / (\varepsilon\, \mathrm{median}\, d))$; a diffusion map of it (largest eigenpairs) gives the
 * axis's new flexible tree. Each axis is thus organised through the organisation of the others.
 */
public final class Questionnaire {

    private final Tensor3 data;
    private final int iterations;
    private final double levelWeight;
    private final double sizeWeight;
    private final double epsilon;
    private final double diffusionAlpha;
    private final int components;
    private final double penalty;

    private Questionnaire(Tensor3 data, int iterations, double levelWeight, double sizeWeight, double epsilon,
                          double diffusionAlpha, int components, double penalty) {
        this.data = data;
        this.iterations = iterations;
        this.levelWeight = levelWeight;
        this.sizeWeight = sizeWeight;
        this.epsilon = epsilon;
        this.diffusionAlpha = diffusionAlpha;
        this.components = components;
        this.penalty = penalty;
    }

    /** The questionnaire of a 3-tensor: 2 iterations, a = 1, b = 0, epsilon = 1, alpha = 0, 8 components, penalty 1. */
    public static Questionnaire of(Tensor3 t) {
        Check.notNull("t", t);
        return new Questionnaire(java.util.Objects.requireNonNull(t, "tensor"), 2, 1, 0, 1, 0, 8, 1);
    }

    /** The questionnaire of a matrix (rows, columns; the third axis has one point). */
    public static Questionnaire of(double[][] m) {
        return of(Tensor3.ofMatrix(m));
    }

    /** How many rounds over the axes after the start (0: the start trees only). */
    public Questionnaire iterations(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations = " + iterations + " must be >= 0");
        }
        return new Questionnaire(data, iterations, levelWeight, sizeWeight, epsilon, diffusionAlpha, components, penalty);
    }

    /** The folder weights' exponents: $2^{-a\,\mathrm{depth}}$ and $(|X|/n)^b$. */
    public Questionnaire folderWeights(double a, double b) {
        Check.finite("a", a);
        Check.finite("b", b);
        return new Questionnaire(data, iterations, a, b, epsilon, diffusionAlpha, components, penalty);
    }

    /** The affinity scale: a multiple of the median tree distance (default 1). */
    public Questionnaire epsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon = " + epsilon + " must be positive and finite");
        }
        return new Questionnaire(data, iterations, levelWeight, sizeWeight, epsilon, diffusionAlpha, components, penalty);
    }

    /** The diffusion maps' density normalisation (default 0). */
    public Questionnaire diffusionAlpha(double diffusionAlpha) {
        if (!(diffusionAlpha >= 0 && diffusionAlpha <= 1)) {
            throw new IllegalArgumentException("diffusionAlpha = " + diffusionAlpha + " is outside [0, 1]");
        }
        return new Questionnaire(data, iterations, levelWeight, sizeWeight, epsilon, diffusionAlpha, components, penalty);
    }

    /** How many diffusion coordinates the flexible trees use (default 8). */
    public Questionnaire components(int components) {
        if (components < 1) {
            throw new IllegalArgumentException("components = " + components + " must be at least 1");
        }
        return new Questionnaire(data, iterations, levelWeight, sizeWeight, epsilon, diffusionAlpha, components, penalty);
    }

    /** The flexible trees' penalty (see {@link FlexibleTree#penalty(double)}; default 1). */
    public Questionnaire penalty(double penalty) {
        if (!(penalty > 0) || Double.isInfinite(penalty)) {
            throw new IllegalArgumentException("penalty = " + penalty + " must be positive and finite");
        }
        return new Questionnaire(data, iterations, levelWeight, sizeWeight, epsilon, diffusionAlpha, components, penalty);
    }

    /** Runs the start and the iterations. */
    public QuestionnaireResult run() {
        PartitionTree[] trees = new PartitionTree[3];
        DiffusionMap[] maps = new DiffusionMap[3];
        List<List<PartitionTree>> history = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            history.add(new ArrayList<>());
            double[][] slices = new double[data.dim(a)][];
            for (int i = 0; i < slices.length; i++) {
                slices[i] = flatten(data.slice(a, i));
            }
            organise(a, DiffusionMaps.squaredDistances(slices), trees, maps);
            history.get(a).add(trees[a]);
        }
        for (int it = 0; it < iterations; it++) {
            for (int a = 0; a < 3; a++) {
                int b = a == 0 ? 1 : 0;
                int c = a == 2 ? 1 : 2;
                double[][] d = treeDistances(data, a, trees[b], trees[c], levelWeight, sizeWeight);
                organise(a, d, trees, maps);
                history.get(a).add(trees[a]);
            }
        }
        return new QuestionnaireResult(Arrays.asList(trees), Arrays.asList(maps), history);
    }

    /** A tree for axis a from distances (squared Euclidean at the start, tree EMD afterwards). */
    private void organise(int axis, double[][] d, PartitionTree[] trees, DiffusionMap[] maps) {
        int n = d.length;
        if (n == 1) {
            trees[axis] = PartitionTree.dyadic(1);
            maps[axis] = null;
            return;
        }
        double med = offDiagonalMedian(d);
        double scale = epsilon * (med > 0 ? med : 1);
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = Math.exp(-d[i][j] / scale);
            }
        }
        DiffusionMap dm = DiffusionMaps.fromAffinity(w).alpha(diffusionAlpha).components(Math.min(components, n - 1)).compute();
        maps[axis] = dm;
        trees[axis] = FlexibleTree.of(dm).penalty(penalty).build();
    }

    /**
     * The tree earth mover's distances between the slices of {@code axis}: the $\ell_1$ distances of
     * their weighted bi-folder averages on the trees of the other two axes.
     */
    public static double[][] treeDistances(Tensor3 t, int axis, PartitionTree rows, PartitionTree cols,
                                           double levelWeight, double sizeWeight) {
        Check.notNull("t", t);
        Check.notNull("rows", rows);
        Check.notNull("cols", cols);
        Check.finite("levelWeight", levelWeight);
        Check.finite("sizeWeight", sizeWeight);
        int n = t.dim(axis);
        int fr = rows.nodeCount();
        int fc = cols.nodeCount();
        double[] wr = weights(rows, levelWeight, sizeWeight);
        double[] wc = weights(cols, levelWeight, sizeWeight);
        int nr = rows.size();
        int nc = cols.size();
        double[][] feat = new double[n][fr * fc];
        double[] s1 = new double[fr * nc];
        double[] s1t = new double[nc * fr];
        double[] s2 = new double[fc * fr];
        for (int i = 0; i < n; i++) {
            double[] m = flatten(t.slice(axis, i));
            if (m.length != nr * nc) {
                throw new IllegalArgumentException("slices are " + m.length + " entries, the trees cover " + nr + "x" + nc);
            }
            TreeSums.folderSums(rows, m, 0, nc, nc, s1);
            for (int x = 0; x < fr; x++) {
                for (int y = 0; y < nc; y++) {
                    s1t[y * fr + x] = s1[x * nc + y];
                }
            }
            TreeSums.folderSums(cols, s1t, 0, fr, fr, s2);
            double[] f = feat[i];
            for (int y = 0; y < fc; y++) {
                double cy = wc[y] / cols.folderSize(y);
                for (int x = 0; x < fr; x++) {
                    f[y * fr + x] = s2[y * fr + x] * cy * wr[x] / rows.folderSize(x);
                }
            }
        }
        SimdOps ops = SimdOps.get();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = ops.l1Distance(feat[i], 0, feat[j], 0, feat[i].length);
                d[i][j] = v;
                d[j][i] = v;
            }
        }
        return d;
    }

    private static double[] weights(PartitionTree t, double a, double b) {
        double[] w = new double[t.nodeCount()];
        for (int v = 0; v < w.length; v++) {
            w[v] = Math.pow(2, -a * t.depth(v)) * Math.pow((double) t.folderSize(v) / t.size(), b);
        }
        return w;
    }

    static double[] flatten(double[][] m) {
        double[] f = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * m[0].length, m[0].length);
        }
        return f;
    }

    private static double offDiagonalMedian(double[][] d) {
        int n = d.length;
        double[] v = new double[n * (n - 1) / 2];
        int c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                v[c++] = d[i][j];
            }
        }
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "Questionnaire[%s, %d iterations, weights 2^-%.2g depth (|X|/n)^%.2g, eps=%.3g, alpha=%.2g, %d components, penalty %.3g]",
                data, iterations, levelWeight, sizeWeight, epsilon, diffusionAlpha, components, penalty);
    }
}
