package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.Progress;
import io.github.attnlab.model.attention.AttentionHook;
import io.github.attnlab.model.attention.AttentionRule;
import io.github.attnlab.model.attention.AttentionRules;
import io.github.attnlab.model.attention.Measurement;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.plot.Figure;
import io.github.attnlab.plot.XYChart;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * How the error of a sparse attention rule in one layer grows to the model's output, measured one layer at a time:
 * for each layer $l$, the model with {@code rule} in layer $l$ only (every other head as in the model) against the
 * model itself, on the same passages.
 *
 * <p>With $x_l$ the output of layer $l$ (all tokens, $n \times H$) of the model and $x'_l$ that of the model with the
 * rule in layer $l$: the injected error $e_l = \|x'_l - x_l\|_F / \|x_l\|_F$ (everything before layer $l$ is
 * identical, so this is the rule's own effect on that layer's output), the output error
 * $o_l = \|x'_L - x_L\|_F / \|x_L\|_F$ at the last layer, and the measured amplification $a_l = o_l / e_l$ ($a = 1$ for
 * the last layer). Norms are pooled over the passages (sums of squares, then the root).
 *
 * <p><b>This is a measurement, not a bound.</b> No sound bound is stated: each later layer is
 * $x \mapsto \mathrm{LN}(y + \mathrm{FFN}(y))$ with $y = \mathrm{LN}(x + \mathrm{Attn}(x))$, and LayerNorm's Lipschitz
 * constant is $\max|\gamma| / \sigma(x)$, which no global bound controls (it grows without limit as the token's
 * spread $\sigma$ shrinks), while products of the weights' operator norms over 12 layers overestimate real
 * perturbations by many orders of magnitude. The amplification holds for these passages and this rule only.
 *
 * @param model         the model's name
 * @param rule          the rule injected
 * @param passages      how many passages
 * @param keptFraction  mean keys kept / n in the injected layer
 * @param injected      $e_l$ per layer
 * @param output        $o_l$ per layer
 */
public record ErrorPropagation(String model, String rule, int passages, double[] keptFraction, double[] injected,
                               double[] output) implements Figure {

    /** Copies the arrays. */
    public ErrorPropagation {
        keptFraction = Check.notNull("keptFraction", keptFraction).clone();
        injected = Check.notNull("injected", injected).clone();
        output = Check.notNull("output", output).clone();
    }

    /** Measures $e_l$ and $o_l$ for every layer of {@code model}: $L + 1$ forward passes per passage. */
    public static ErrorPropagation of(Bert model, AttentionRule rule, List<Encoding> passages) {
        Check.notNull("model", model);
        Check.notNull("rule", rule);
        Check.notNull("passages", passages);
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("passages is empty: no passage to run");
        }
        int layers = model.config().layers();
        int heads = model.config().heads();
        AttentionRules base = model.attentionRules();
        double[][] sums = new double[4][layers]; // |dx_l|^2, |x_l|^2, |dx_L|^2, |x_L|^2
        double[] kept = new double[layers];
        Progress bar = Progress.start("error propagation of " + rule, passages.size() * (layers + 1));
        for (Encoding e : passages) {
            int[] ids = model.checked(e).ids();
            AttentionHook ref = AttentionHook.keepingHidden(base, layers, heads, Measurement.NONE);
            model.encoder(ref).run(ids, false);
            float[][] x = ref.hidden();
            bar.step();
            for (int l = 0; l < layers; l++) {
                AttentionHook h = AttentionHook.keepingHidden(base.withLayer(l, rule), layers, heads, Measurement.TIME);
                model.encoder(h).run(ids, false);
                float[][] y = h.hidden();
                sums[0][l] += distance2(y[l], x[l]);
                sums[1][l] += norm2(x[l]);
                sums[2][l] += distance2(y[layers - 1], x[layers - 1]);
                sums[3][l] += norm2(x[layers - 1]);
                int[] k = h.run(model.model().modelName(), 1).keysKept();
                int n = ids.length;
                for (int i = l * heads * n; i < (l + 1) * heads * n; i++) {
                    kept[l] += k[i] / (double) n / (heads * n) / passages.size();
                }
                bar.step();
            }
        }
        double[] inj = new double[layers];
        double[] out = new double[layers];
        for (int l = 0; l < layers; l++) {
            inj[l] = Math.sqrt(sums[0][l] / sums[1][l]);
            out[l] = Math.sqrt(sums[2][l] / sums[3][l]);
        }
        return new ErrorPropagation(model.model().modelName(), rule.toString(), passages.size(), kept, inj, out);
    }

    private static double distance2(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static double norm2(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return s;
    }

    /** The number of layers. */
    public int layers() {
        return injected.length;
    }

    /** $a_l = o_l / e_l$ per layer (NaN where nothing was injected). */
    public double[] amplification() {
        double[] a = new double[injected.length];
        for (int l = 0; l < a.length; l++) {
            a[l] = injected[l] > 0 ? output[l] / injected[l] : Double.NaN;
        }
        return a;
    }

    @Override
    public double[] keptFraction() {
        return keptFraction.clone();
    }

    @Override
    public double[] injected() {
        return injected.clone();
    }

    @Override
    public double[] output() {
        return output.clone();
    }

    private double[] axis() {
        double[] x = new double[layers()];
        for (int l = 0; l < x.length; l++) {
            x[l] = l;
        }
        return x;
    }

    /** Injected and output relative errors against the injected layer (log scale). */
    @Override
    public JFreeChart chart() {
        return XYChart.of("error of " + rule + " injected in one layer, " + model, "layer with the rule",
                "relative error ||x' - x||_F / ||x||_F").linePoints("at that layer's output", axis(), injected)
                .linePoints("at the last layer's output", axis(), output).logY().chart();
    }

    /** The measured amplification $o_l / e_l$ per layer (log scale). */
    public Figure amplificationChart() {
        return XYChart.of("measured amplification to the output, " + rule, "layer with the rule",
                "output error / injected error").linePoints("measured (not a bound)", axis(), amplification()).logY();
    }

    /** One line: amplification per layer. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (double a : amplification()) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", a));
        }
        return "ErrorPropagation[" + model + ", " + rule + ", " + passages + " passages; measured amplification by"
                + " layer: " + b + "]";
    }
}
