package io.github.attnlab.model.attention;

import io.github.attnlab.core.Check;
import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;

/**
 * What a transformer's forward pass calls for each attention head to turn its scores into weights under the
 * {@link AttentionRules}, measuring as it goes: the allocation-light surface for loops behind
 * {@code Bert.withAttention}. One hook serves one forward pass (it is mutable and not thread-safe); its result is
 * {@link #run}.
 *
 * <p>The pass calls, per layer $l$: for each head, {@link #needsScores} and then {@link #head} with the head's
 * queries, keys and values (float, in the layout of a $[Q\,K\,V]$ projection buffer) and, when needed, its scores
 * $s = QK^\top/\sqrt d$; then {@link #layerTime} with the wall time of the layer's attention, and
 * {@link #layerOutput} with its output. {@link #head} writes the $n \times n$ weights, which the pass multiplies by
 * $V$ as it does dense softmax.
 *
 * <p>Dense softmax rows go through exactly the operations of the model's own pass ({@link SimdOps#softmax} on the
 * float scores), and a truncation that keeps every key of a row writes the same bits. A truncation masks the
 * discarded keys of the float row with $-\infty$ and runs the same softmax, so its weights are
 * $e^{s_i}/\sum_{j\in H} e^{s_j}$ on $H$ and exactly 0 elsewhere.
 */
public final class AttentionHook {

    private final AttentionRules rules;
    private final int layers;
    private final int heads;
    private final Measurement measurement;
    private final boolean keepHidden;
    private final HeadRules work = new HeadRules();
    private final RowErrors errors = new RowErrors();
    private int n = -1;
    private int[] scored;
    private int[] kept;
    private double[] tv;
    private double[] error;
    private double[] varianceBound;
    private double[] diameterBound;
    private final long[] attentionNanos;
    private float[][] hidden;
    private double[][] values = new double[0][];
    private double[] logits = new double[0];

    private AttentionHook(AttentionRules rules, int layers, int heads, Measurement measurement, boolean keepHidden) {
        this.rules = Check.notNull("rules", rules).checkFits(layers, heads);
        this.layers = Check.positive("layers", layers);
        this.heads = Check.positive("heads", heads);
        this.measurement = Check.notNull("measurement", measurement);
        this.keepHidden = keepHidden;
        this.attentionNanos = new long[layers];
        this.hidden = keepHidden ? new float[layers][] : null;
    }

    /** A hook for one pass of a model of {@code layers} × {@code heads} heads. */
    public static AttentionHook of(AttentionRules rules, int layers, int heads, Measurement measurement) {
        return new AttentionHook(rules, layers, heads, measurement, false);
    }

    /** As {@link #of}, and keeping a copy of every layer's output (for error propagation). */
    public static AttentionHook keepingHidden(AttentionRules rules, int layers, int heads, Measurement measurement) {
        return new AttentionHook(rules, layers, heads, measurement, true);
    }

    /** The rules. */
    public AttentionRules rules() {
        return rules;
    }

    /** What this hook measures. */
    public Measurement measurement() {
        return measurement;
    }

    /** Whether the pass must compute every score of this head before {@link #head}. */
    public boolean needsScores(int layer, int head) {
        // Patterns and blocks are applied to the dense scores (a dense product is faster at these lengths than
        // gathering the allowed keys); only block search scores its keys itself.
        return !(rules.rule(layer, head) instanceof AttentionRule.CertifiedBlockSearch)
                || measurement.compareTo(Measurement.TAU) >= 0;
    }

    /**
     * Writes the $n \times n$ weights of one head into {@code p} (row-major).
     *
     * @param qkv    the projections, token $t$'s query at {@code qkv[t * stride + qOff ..]}, key at {@code kOff},
     *               value at {@code vOff}, each of {@code d} floats
     * @param s      the scaled scores (row-major $n \times n$) when {@link #needsScores}, else ignored
     * @throws IllegalArgumentException when the rule cannot apply (a pattern of another length, a row left with no key)
     */
    public void head(int layer, int head, int n, int d, float[] qkv, int stride, int qOff, int kOff, int vOff,
                     float[] s, float[] p) {
        check(layer, head, n, d, qkv, stride, qOff, kOff, vOff, s, p);
        start(n);
        AttentionRule rule = rules.rule(layer, head);
        boolean measure = measurement.compareTo(Measurement.TAU) >= 0;
        boolean withErrors = measurement.compareTo(Measurement.ERRORS) >= 0;
        work.begin(rule, layer, head, n, d, qkv, stride, qOff, kOff, s);
        double vmax = withErrors ? values(n, d, qkv, stride, vOff) : 0;
        double[][] v = withErrors ? values : null;
        int at = (layer * heads + head) * n;
        for (int q = 0; q < n; q++) {
            try {
                work.row(q, s, p);
            } catch (IllegalArgumentException e) {
                // a rule that scores its own keys computed them from qkv, not from s
                String from = needsScores(layer, head) ? "s, the scores" : "qkv, the projections";
                throw new IllegalArgumentException(from + " of query " + q + ": " + e.getMessage(), e);
            }
            if (measurement != Measurement.NONE) {
                scored[at + q] = work.scored;
                kept[at + q] = work.kept;
            }
            if (measure) {
                double[] ref = work.referenceLogits(q, s, logits);
                boolean diameter = measurement == Measurement.ERRORS_AND_DIAMETER;
                if (rule.truncatesSoftmax()) {
                    errors.truncation(ref, n, v, d, vmax, work.keep, diameter);
                } else {
                    errors.reweighting(ref, n, v, d, vmax, work.weights, diameter);
                }
                tv[at + q] = errors.tv;
                error[at + q] = errors.error;
                varianceBound[at + q] = errors.varianceBound;
                diameterBound[at + q] = errors.diameterBound;
            }
        }
    }

    private void check(int layer, int head, int len, int d, float[] qkv, int stride, int qOff, int kOff, int vOff,
                       float[] s, float[] p) {
        Check.index("layer", layer, layers);
        Check.index("head", head, heads);
        Check.positive("n", len);
        Check.positive("d", d);
        Check.notNull("qkv", qkv);
        Check.notNull("p", p);
        for (int off : new int[] {qOff, kOff, vOff}) {
            if (off < 0 || off + d > stride || (long) (len - 1) * stride + off + d > qkv.length) {
                throw new IllegalArgumentException("qkv: n = " + len + " tokens of stride " + stride + " with a block of d = "
                        + d + " at offset " + off + " (qOff, kOff, vOff = " + qOff + ", " + kOff + ", " + vOff
                        + ") do not fit in " + qkv.length + " floats");
            }
        }
        long square = (long) len * len;
        if (p.length < square || needsScores(layer, head) && (s == null || s.length < square)) {
            throw new IllegalArgumentException("s (scores) and p (weights) need " + square + " floats each, got "
                    + (s == null ? "no scores" : s.length) + " and " + p.length);
        }
    }

    private void start(int len) {
        if (n == len) {
            return;
        }
        Check.state(n < 0, "one hook serves one forward pass: this one ran on " + n + " tokens, now " + len);
        n = len;
        logits = new double[len];
        if (measurement != Measurement.NONE) {
            int rows = layers * heads * len;
            scored = new int[rows];
            kept = new int[rows];
            tv = new double[rows];
            error = new double[rows];
            varianceBound = new double[rows];
            diameterBound = new double[rows];
            if (measurement == Measurement.TIME || measurement == Measurement.TAU) {
                Arrays.fill(tv, Double.NaN);
                Arrays.fill(error, Double.NaN);
                Arrays.fill(varianceBound, Double.NaN);
                Arrays.fill(diameterBound, Double.NaN);
            }
        }
    }

    /** Widens the head's values into {@link #values}; returns $\max_i \|v_i\|_2$. */
    private double values(int len, int d, float[] qkv, int stride, int vOff) {
        if (values.length < len || values[0].length != d) {
            values = new double[len][d];
        }
        double vmax = 0;
        for (int t = 0; t < len; t++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double x = qkv[t * stride + vOff + j];
                values[t][j] = x;
                sq += x * x;
            }
            vmax = Math.max(vmax, Math.sqrt(sq));
        }
        return vmax;
    }

    /** The wall time of layer {@code layer}'s attention (scores, rules, weighted values; all heads). */
    public void layerTime(int layer, long nanos) {
        attentionNanos[Check.index("layer", layer, layers)] += nanos;
    }

    /**
     * The output of layer {@code layer}, {@code x[0, len)}: copied when this hook keeps hidden states.
     *
     * @throws IllegalArgumentException for a layer outside the model, or a range {@code [0, len)} that is empty or
     *                                  outside {@code x}
     */
    public void layerOutput(int layer, float[] x, int len) {
        Check.index("layer", layer, layers);
        Check.slice("x", Check.notNull("x", x).length, 0, len);
        if (keepHidden) {
            hidden[layer] = Arrays.copyOf(x, len);
        }
    }

    /** Every layer's output, as passed to {@link #layerOutput} (copies), or null unless keeping hidden states. */
    public float[][] hidden() {
        if (hidden == null) {
            return null;
        }
        float[][] out = new float[layers][];
        for (int l = 0; l < layers; l++) {
            out[l] = hidden[l] == null ? null : hidden[l].clone();
        }
        return out;
    }

    /**
     * What the pass did.
     *
     * @param model        the model's name
     * @param forwardNanos the wall time of the whole forward pass
     * @throws IllegalStateException when nothing was measured ({@link Measurement#NONE}) or no head ran
     */
    public AttentionRun run(String model, long forwardNanos) {
        Check.state(measurement != Measurement.NONE, "this hook measured nothing (Measurement.NONE)");
        Check.state(n > 0, "no head ran through this hook");
        String[] names = new String[layers * heads];
        boolean[] truncation = new boolean[layers * heads];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                names[l * heads + h] = rules.rule(l, h).toString();
                truncation[l * heads + h] = rules.rule(l, h).truncatesSoftmax();
            }
        }
        return new AttentionRun(model, rules.toString(), measurement, layers, heads, n, scored, kept, tv, error,
                varianceBound, diameterBound, truncation, attentionNanos, forwardNanos);
    }

    @Override
    public String toString() {
        return "AttentionHook[" + rules + ", " + layers + " x " + heads + " heads, measuring " + measurement + "]";
    }
}
