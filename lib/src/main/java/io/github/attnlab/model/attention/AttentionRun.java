package io.github.attnlab.model.attention;

import io.github.attnlab.core.Check;
import java.util.List;
import java.util.Locale;

/**
 * What the attention rules did in one forward pass, per layer, head and query (flat index
 * $(l \cdot A + h)\,n + q$), with the wall times: the record an {@link AttentionHook} returns.
 *
 * <p>Per query: the keys the rule scores (every key, except for block search and the patterns, whose keys a sparse
 * kernel would score alone) and keeps; with {@link Measurement#ERRORS}, the discarded mass $\tau$ of a truncation
 * (or the total-variation distance to dense softmax of any other rule), the exact output error
 * $\|\mathrm{Attn} - \mathrm{Attn}_H\|_2$ and the head–tail bounds (NaN where not measured or not applicable);
 * see {@code RowErrors} for the formulas. Errors are measured on the inputs the layer receives in this pass.
 *
 * @param model          the model's name
 * @param rules          the rules, as text
 * @param measurement    what was measured
 * @param layers         layers $L$
 * @param heads          heads per layer $A$
 * @param n              tokens
 * @param keysScored     keys scored per query
 * @param keysKept       keys kept per query
 * @param tailMass       $\tau$ (truncations) or TV (other rules) per query
 * @param error          exact output error per query
 * @param varianceBound  $\sqrt{\tau/(1-\tau)\,\mathrm{Var}_P(V)}$ per query (truncations)
 * @param diameterBound  $\tau\,\mathrm{diam}_{H,T}$ (truncations) or $\mathrm{TV}\cdot\mathrm{diam}(V)$ per query
 * @param truncation     per head ($l \cdot A + h$), whether its rule truncates softmax
 * @param attentionNanos wall time of each layer's attention
 * @param forwardNanos   wall time of the whole forward pass
 */
public record AttentionRun(String model, String rules, Measurement measurement, int layers, int heads, int n,
                           int[] keysScored, int[] keysKept, double[] tailMass, double[] error, double[] varianceBound,
                           double[] diameterBound, boolean[] truncation, long[] attentionNanos, long forwardNanos) {

    /** Copies the arrays and checks their lengths. */
    public AttentionRun {
        Check.positive("layers", layers);
        Check.positive("heads", heads);
        Check.positive("n", n);
        long rows = (long) layers * heads * n;
        keysScored = Check.notNull("keysScored", keysScored).clone();
        keysKept = Check.notNull("keysKept", keysKept).clone();
        tailMass = Check.notNull("tailMass", tailMass).clone();
        error = Check.notNull("error", error).clone();
        varianceBound = Check.notNull("varianceBound", varianceBound).clone();
        diameterBound = Check.notNull("diameterBound", diameterBound).clone();
        truncation = Check.notNull("truncation", truncation).clone();
        attentionNanos = Check.notNull("attentionNanos", attentionNanos).clone();
        Object[] perQuery = {keysScored, keysKept, tailMass, error, varianceBound, diameterBound};
        String[] names = {"keysScored", "keysKept", "tailMass", "error", "varianceBound", "diameterBound"};
        for (int a = 0; a < perQuery.length; a++) {
            int len = perQuery[a] instanceof int[] i ? i.length : ((double[]) perQuery[a]).length;
            if (len != rows) {
                throw new IllegalArgumentException(names[a] + ": per-query arrays need layers x heads x n = " + layers + " x " + heads
                        + " x " + n + " = " + rows + " entries, got " + len);
            }
        }
        if (truncation.length != layers * heads || attentionNanos.length != layers) {
            throw new IllegalArgumentException("truncation has " + truncation.length + " flags for layers x heads = "
                    + layers + " x " + heads + " heads; attentionNanos has " + attentionNanos.length + " times for "
                    + "layers = " + layers);
        }
    }

    /** Flat index of a query. */
    public int index(int layer, int head, int query) {
        io.github.attnlab.core.Check.index("layer", layer, layers);
        io.github.attnlab.core.Check.index("head", head, heads);
        io.github.attnlab.core.Check.index("query", query, n);
        return (layer * heads + head) * n + query;
    }

    /** Mean keys kept per query. */
    public double meanKeysKept() {
        return mean(keysKept);
    }

    /** Mean keys scored per query. */
    public double meanKeysScored() {
        return mean(keysScored);
    }

    /** The largest $\tau$ over the queries of truncating heads (NaN when not measured). */
    public double maxTailMass() {
        double m = Double.NaN;
        for (int i = 0; i < tailMass.length; i++) {
            if (truncation[i / n] && !Double.isNaN(tailMass[i])) {
                m = Double.isNaN(m) ? tailMass[i] : Math.max(m, tailMass[i]);
            }
        }
        return m;
    }

    /** Queries whose measured error exceeds a measured bound (variance or diameter); 0 when the bounds hold. */
    public int boundViolations() {
        int v = 0;
        for (int i = 0; i < error.length; i++) {
            v += error[i] > varianceBound[i] || error[i] > diameterBound[i] ? 1 : 0;
        }
        return v;
    }

    /** Seconds of attention (all layers). */
    public double attentionSeconds() {
        long s = 0;
        for (long t : attentionNanos) {
            s += t;
        }
        return s / 1e9;
    }

    /** Seconds of the whole forward pass. */
    public double forwardSeconds() {
        return forwardNanos / 1e9;
    }

    /** Attention's share of the forward pass time. */
    public double attentionShare() {
        return attentionSeconds() / forwardSeconds();
    }

    /** Means and maxima per layer. */
    public LayerSummary perLayer() {
        return LayerSummary.of(List.of(this));
    }

    /** Means and maxima per head. */
    public HeadSummary perHead() {
        return HeadSummary.of(List.of(this));
    }

    @Override
    public int[] keysScored() {
        return keysScored.clone();
    }

    @Override
    public int[] keysKept() {
        return keysKept.clone();
    }

    @Override
    public double[] tailMass() {
        return tailMass.clone();
    }

    @Override
    public double[] error() {
        return error.clone();
    }

    @Override
    public double[] varianceBound() {
        return varianceBound.clone();
    }

    @Override
    public double[] diameterBound() {
        return diameterBound.clone();
    }

    @Override
    public boolean[] truncation() {
        return truncation.clone();
    }

    @Override
    public long[] attentionNanos() {
        return attentionNanos.clone();
    }

    static double mean(int[] x) {
        double s = 0;
        for (int v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** One line: the rules, the keys, the largest tail mass, and the times. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AttentionRun[%s, %s on %d tokens: keys scored %.1f, kept %.1f of %d per query"
                + "%s; attention %.3f s of %.3f s (%.0f%%)]", model, rules, n, meanKeysScored(), meanKeysKept(), n,
                Double.isNaN(maxTailMass()) ? "" : String.format(Locale.ROOT, ", max tau %.3e, bound violations %d",
                        maxTailMass(), boundViolations()),
                attentionSeconds(), forwardSeconds(), 100 * attentionShare());
    }
}
