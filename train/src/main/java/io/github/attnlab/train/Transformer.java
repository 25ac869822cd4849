package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small transformer with its weights: immutable (every "with" returns a new model sharing nothing mutable).
 *
 * <p>Built by {@link #init(ModelConfig, long)} or returned by {@link Training#run()}. For experiments it exposes its
 * weights by name ({@link #parameterNames()}, {@link #weights(String)}, {@link #withWeights(String, double[][])}),
 * per-head and per-neuron ablation ({@link #withoutHead}, {@link #withoutNeuron}: the masking of Michel et al. 2019
 * and of circuit pruning, Gao et al.), the non-zero weight count, and evaluation: {@link #evaluate(List)} (loss,
 * token and sequence accuracy), {@link #attention(Example)} (every layer's and head's probabilities) and
 * {@link #predict(Example)}.
 */
public final class Transformer {

    private final Network net;
    private final float[] w;
    private final Gates gates;

    Transformer(Network net, float[] w, Gates gates) {
        this.net = net;
        this.w = w;
        this.gates = gates;
    }

    /**
     * A fresh model: matrices $\mathcal N(0, 1/\text{fan-in})$ (the output projections of each block further scaled
     * by $1/\sqrt{2L}$), embeddings and positions $\mathcal N(0, 1)$, gains 1, biases 0; a learned $\alpha$ starts
     * at the configured $\alpha_0$, a kernel's $\log\beta$ at $\log\beta_0$.
     */
    public static Transformer init(ModelConfig config, long seed) {
        Check.notNull("config", config);
        Network net = new Network(config);
        Layout lay = net.lay;
        float[] w = new float[lay.size];
        Random r = new Random(seed);
        double resid = 1 / Math.sqrt(2.0 * config.layers());
        for (Layout.Slice s : lay.slices()) {
            double std;
            switch (s.kind()) {
                case GAIN:
                    java.util.Arrays.fill(w, s.offset(), s.offset() + s.size(), 1f);
                    continue;
                case BIAS:
                    continue;
                case SCALAR:
                    double v = s.name().endsWith("alpha")
                            ? logit(((AttentionNormalizer.Entmax) config.normalizer()).alpha() - 1)
                            : Math.log(((AttentionNormalizer.CompactKernel) config.normalizer()).initialBeta());
                    java.util.Arrays.fill(w, s.offset(), s.offset() + s.size(), (float) v);
                    continue;
                case POSITION:
                    std = 1;
                    break;
                default:
                    boolean embed = s == lay.embed && config.vocabulary() > 0;
                    std = embed ? 1 : 1 / Math.sqrt(s.rows());
                    if (s.name().endsWith(".wo") || s.name().endsWith(".w2")) {
                        std *= resid;
                    }
            }
            for (int i = 0; i < s.size(); i++) {
                w[s.offset() + i] = (float) (std * r.nextGaussian());
            }
        }
        return new Transformer(net, w, Gates.NONE);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** The configuration. */
    public ModelConfig config() {
        return net.c;
    }

    /** The number of parameters. */
    public int parameterCount() {
        return w.length;
    }

    /** The non-zero entries of the weight matrices (what weight sparsity counts). */
    public long nonZeroWeights() {
        long c = 0;
        for (Layout.Slice s : net.lay.slices()) {
            if (s.kind() == Layout.Kind.MATRIX) {
                c += WeightSparsity.nonZero(w, s.offset(), s.size());
            }
        }
        return c;
    }

    /** The number of entries of the weight matrices. */
    public long matrixWeights() {
        long c = 0;
        for (Layout.Slice s : net.lay.slices()) {
            c += s.kind() == Layout.Kind.MATRIX ? s.size() : 0;
        }
        return c;
    }

    /** The names of the parameter tensors, e.g. {@code embed}, {@code layer0.wqkv}, {@code layer1.alpha}, {@code out}. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (Layout.Slice s : net.lay.slices()) {
            names.add(s.name());
        }
        return names;
    }

    /** A copy of one tensor as {@code rows × cols} ($Y = XW$: inputs index the rows). */
    public double[][] weights(String name) {
        Layout.Slice s = slice(name);
        double[][] m = new double[s.rows()][s.cols()];
        for (int i = 0; i < s.rows(); i++) {
            for (int j = 0; j < s.cols(); j++) {
                m[i][j] = w[s.offset() + i * s.cols() + j];
            }
        }
        return m;
    }

    /** The model with one tensor replaced (e.g. pruned by hand). */
    public Transformer withWeights(String name, double[][] values) {
        Layout.Slice s = slice(name);
        Check.notNull("values", values);
        Check.size("values.length", values.length, s.rows());
        float[] c = w.clone();
        for (int i = 0; i < s.rows(); i++) {
            Check.size("values[" + i + "].length", values[i].length, s.cols());
            for (int j = 0; j < s.cols(); j++) {
                c[s.offset() + i * s.cols() + j] = (float) Check.finite(name + "[" + i + "][" + j + "]", values[i][j]);
            }
        }
        return new Transformer(net, c, gates);
    }

    /** The learned $\alpha$ of every layer and head (learned-entmax models only). */
    public double[][] alphas() {
        if (!(net.c.normalizer() instanceof AttentionNormalizer.Entmax e && e.learned())) {
            throw new IllegalArgumentException("normalizer = " + net.c.normalizer().name() + " has no learned alpha");
        }
        double[][] a = new double[net.c.layers()][net.c.heads()];
        for (int l = 0; l < a.length; l++) {
            for (int h = 0; h < a[l].length; h++) {
                a[l][h] = Attention.alpha(w[net.lay.layers[l].alpha().offset() + h]);
            }
        }
        return a;
    }

    /** The model with head {@code head} of layer {@code layer} removed (its context vector zeroed). */
    public Transformer withoutHead(int layer, int head) {
        Check.index("layer", layer, net.c.layers());
        Check.index("head", head, net.c.heads());
        return new Transformer(net, w, gates.withHead(net.c, layer, head, 0f));
    }

    /** The model with feed-forward neuron {@code neuron} of layer {@code layer} removed (its activation zeroed). */
    public Transformer withoutNeuron(int layer, int neuron) {
        Check.index("layer", layer, net.c.layers());
        Check.index("neuron", neuron, net.c.hidden());
        return new Transformer(net, w, gates.withNeuron(net.c, layer, neuron, 0f));
    }

    /** The number of ablated heads and neurons. */
    public int ablated() {
        return gates.ablatedHeads() + gates.ablatedNeurons();
    }

    /** Loss, token accuracy and sequence accuracy over the scored positions of {@code examples}. */
    public Evaluation evaluate(List<Example> examples) {
        return Evaluator.evaluate(this, examples);
    }

    /** The outputs at every position: logits (or predicted vectors) $n \times$ outputs. */
    public double[][] predict(Example e) {
        return Evaluator.outputs(this, e);
    }

    /** The attention probabilities $[layer][head][query][key]$ on one example (0 where a key is not visible). */
    public double[][][][] attention(Example e) {
        return Evaluator.attention(this, e);
    }

    /**
     * The mean loss over the scored positions of {@code batch} (sequences of one length) and its exact gradient with
     * respect to every tensor, by name (the layout of {@link #weights(String)}).
     */
    public Gradient gradient(List<Example> batch) {
        Check.notNull("batch", batch);
        Check.positive("batch.size()", batch.size());
        net.check(batch);
        long count = 0;
        for (Example e : batch) {
            count += e.scoredCount();
        }
        Cache k = net.cache(null, batch.size(), batch.get(0).length());
        float[] g = new float[w.length];
        double loss = net.forward(w, gates, batch, 0, k, 1.0 / count) / count;
        net.backward(w, gates, batch, 0, k, g);
        java.util.Map<String, double[][]> by = new java.util.LinkedHashMap<>();
        for (Layout.Slice s : net.lay.slices()) {
            double[][] m = new double[s.rows()][s.cols()];
            for (int i = 0; i < s.rows(); i++) {
                for (int j = 0; j < s.cols(); j++) {
                    m[i][j] = g[s.offset() + i * s.cols() + j];
                }
            }
            by.put(s.name(), m);
        }
        return new Gradient(loss, by);
    }

    Network network() {
        return net;
    }

    float[] weightsView() {
        return w;
    }

    Gates gates() {
        return gates;
    }

    private Layout.Slice slice(String name) {
        Check.notNull("name", name);
        Layout.Slice s = net.lay.byName().get(name);
        if (s == null) {
            throw new IllegalArgumentException("name = " + name + " is not a parameter; one of " + parameterNames());
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Transformer[%s, %d parameters, %d of %d matrix weights non-zero%s]", net.c,
                w.length, nonZeroWeights(), matrixWeights(), ablated() > 0 ? ", " + ablated() + " ablated" : "");
    }
}
