package io.github.attnlab.model.bert;

import io.github.attnlab.core.ArgSort;
import io.github.attnlab.core.Check;
import io.github.attnlab.model.text.Encoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A small circuit of a pretrained model's attention for one fill-mask prediction: the heads that must stay, then
 * how few of their attention weights must stay, for the model's top-1 token at the mask to stay top-1 (paper F.2:
 * Gao et al. 2025 prune models to task circuits; here the model is dense and pretrained; {@code docs/papers/F.md}).
 *
 * <p>The search, with "keeps" meaning "the dense model's top-1 token is still top-1" ({@link Search#WEIGHTS_ONLY}
 * runs step 4 alone, on every head):
 * <ol>
 *   <li>each head is removed alone ({@link Bert#withoutHeads(int...)}) and scored by the margin
 *       $\log p(t^*) - \max_{v \ne t^*}\log p(v)$ that remains; heads are ordered by that margin, largest first
 *       (least needed first);</li>
 *   <li>a bisection finds the largest $k$ such that removing the first $k$ heads of that order keeps the prediction;</li>
 *   <li>with {@link Search#ORDERED_THEN_GREEDY}, every head still kept is then tried once more, in the same order, and
 *       removed when the prediction survives;</li>
 *   <li>with the heads fixed, a bisection on $\log\rho$ finds the smallest density $\rho \ge$ {@code minDensity} at
 *       which magnitude pruning of each kept head's slices of $W_q, W_k, W_v, W_o$
 *       ({@link PruningGranularity#HEAD}) keeps the prediction.</li>
 * </ol>
 * Greedy and ordered, the result is small, not provably minimal; every step's final model is verified to keep the
 * prediction. Embeddings, feed-forward blocks, LayerNorms, biases and the masked-LM head stay dense.
 *
 * @param text             the input, with one {@code [MASK]}
 * @param token            the dense model's top-1 token $t^*$
 * @param denseProbability $p(t^*)$ under the dense model
 * @param heads            the kept heads, flat {@code layer * heads + head}, ascending
 * @param headsPerLayer    heads per layer of the model (to name the heads)
 * @param density          the per-head density $\rho$ of the kept heads' attention weights
 * @param weights          the non-zero attention weights left in the circuit
 * @param denseWeights     the attention weights of the dense model (all heads)
 * @param probability      $p(t^*)$ under the circuit
 * @param forwardPasses    how many forward passes the search used
 */
public record FillMaskCircuit(String text, String token, double denseProbability, int[] heads, int headsPerLayer,
                              double density, long weights, long denseWeights, double probability, int forwardPasses) {

    /** How thoroughly the heads are searched. */
    public enum Search {
        /** Step 4 only: every head is kept and only the weights are pruned (one density for all heads). */
        WEIGHTS_ONLY,
        /** Steps 1, 2 and 4: one pass per head, then bisections. */
        ORDERED,
        /** Steps 1 to 4: also one more pass per head still kept after the bisection. */
        ORDERED_THEN_GREEDY
    }

    /** Copies {@code heads}. */
    public FillMaskCircuit {
        heads = Check.notNull("heads", heads).clone();
    }

    @Override
    public int[] heads() {
        return heads.clone();
    }

    /** The kept heads' names, {@code L9H6} (0-based layer and head). */
    public List<String> headNames() {
        return Arrays.stream(heads).mapToObj(i -> "L" + i / headsPerLayer + "H" + i % headsPerLayer).toList();
    }

    /** The circuit as a model: {@code dense} without the other heads, pruned to {@link #density} per head. */
    public Bert model(Bert dense) {
        Check.notNull("dense", dense);
        int total = dense.config().layers() * dense.config().heads();
        boolean[] keep = new boolean[total];
        for (int h : heads) {
            keep[h] = true;
        }
        int[] removed = IntStream.range(0, total).filter(i -> !keep[i]).toArray();
        Bert m = removed.length == 0 ? dense : dense.withoutHeads(removed);
        return density < 1 ? m.withPrunedAttentionWeights(density, PruningGranularity.HEAD) : m;
    }

    /**
     * Searches the circuit of the dense model's prediction at the single {@code [MASK]} of {@code text}.
     *
     * @param minDensity the smallest per-head density the weight bisection tries, in $(0, 1]$
     * @throws IllegalArgumentException for a text without exactly one mask, or a bad density
     */
    public static FillMaskCircuit find(Bert dense, String text, Search search, double minDensity) {
        Check.notNull("dense", dense);
        Check.notNull("search", search);
        Check.openClosed("minDensity", minDensity, 0, 1);
        Encoding e = dense.encode(Check.notNull("text", text));
        long masks = e.tokens().stream().filter("[MASK]"::equals).count();
        if (masks != 1) {
            throw new IllegalArgumentException("text needs exactly one [MASK], found " + masks + ": " + text);
        }
        Bert base = dense.withAllHeads();
        Counter c = new Counter(e);
        MaskedLm d = c.run(base);
        int target = d.argmax(0);
        int total = base.config().layers() * base.config().heads();
        List<Integer> removed = search == Search.WEIGHTS_ONLY ? new ArrayList<>() : removableHeads(c, base, target,
                search == Search.ORDERED_THEN_GREEDY);
        int[] removedHeads = removed.stream().mapToInt(Integer::intValue).toArray();
        Bert circuitHeads = removedHeads.length == 0 ? base : base.withoutHeads(removedHeads);
        double density = 1;
        if (removedHeads.length < total) {
            double a = Math.log(minDensity);
            if (keeps(c, circuitHeads.withPrunedAttentionWeights(minDensity, PruningGranularity.HEAD), target)) {
                density = minDensity;
            } else {
                double b = 0;
                for (int it = 0; it < 12 && b - a > 0.02; it++) {
                    double mid = 0.5 * (a + b);
                    if (keeps(c, circuitHeads.withPrunedAttentionWeights(Math.exp(mid), PruningGranularity.HEAD),
                            target)) {
                        b = mid;
                    } else {
                        a = mid;
                    }
                }
                density = Math.min(1, Math.exp(b));
            }
        }
        Bert circuit = density < 1 ? circuitHeads.withPrunedAttentionWeights(density, PruningGranularity.HEAD)
                : circuitHeads;
        MaskedLm final0 = c.run(circuit);
        if (final0.argmax(0) != target) {
            throw new IllegalStateException("the circuit lost the prediction: a search defect");
        }
        boolean[] gone = new boolean[total];
        for (int h : removedHeads) {
            gone[h] = true;
        }
        int[] kept = IntStream.range(0, total).filter(h -> !gone[h]).toArray();
        return new FillMaskCircuit(text, d.vocabulary().token(target), d.probability(0, target), kept,
                base.config().heads(), density, circuit.attentionWeights(), base.attentionWeights(),
                final0.probability(0, target), c.passes);
    }

    /** Steps 1 to 3: the heads that can go, in the order they were removed. */
    private static List<Integer> removableHeads(Counter c, Bert base, int target, boolean greedy) {
        int total = base.config().layers() * base.config().heads();
        double[] margin = new double[total];
        for (int h = 0; h < total; h++) {
            margin[h] = margin(c.run(base.withoutHeads(h)), target);
        }
        int[] order = ArgSort.descending(margin); // largest margin first, ties by head index
        int lo = 0;
        int hi = total;
        if (!keeps(c, base, prefix(order, hi), target)) {
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (keeps(c, base, prefix(order, mid), target)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        } else {
            lo = total;
        }
        List<Integer> removed = new ArrayList<>();
        for (int r = 0; r < lo; r++) {
            removed.add(order[r]);
        }
        if (greedy) {
            for (int r = lo; r < total; r++) {
                removed.add(order[r]);
                if (!keeps(c, base, removed.stream().mapToInt(Integer::intValue).toArray(), target)) {
                    removed.remove(removed.size() - 1);
                }
            }
        }
        return removed;
    }

    /** Counts forward passes. */
    private static final class Counter {
        final Encoding e;
        int passes;

        Counter(Encoding e) {
            this.e = e;
        }

        MaskedLm run(Bert b) {
            passes++;
            return b.maskedLm(e);
        }
    }

    private static int[] prefix(int[] order, int k) {
        return Arrays.copyOf(order, k);
    }

    private static boolean keeps(Counter c, Bert base, int[] removed, int target) {
        return keeps(c, removed.length == 0 ? base : base.withoutHeads(removed), target);
    }

    private static boolean keeps(Counter c, Bert model, int target) {
        return c.run(model).argmax(0) == target;
    }

    private static double margin(MaskedLm m, int target) {
        double[] lp = m.logProbabilities()[0];
        double best = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < lp.length; v++) {
            if (v != target) {
                best = Math.max(best, lp[v]);
            }
        }
        return lp[target] - best;
    }

    /** One line: the prediction, the heads and the weights kept. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FillMaskCircuit[%s -> %s (p %.3f dense, %.3f circuit): %d heads %s, density"
                + " %.4g per head, %d of %d attention weights (%.4f%%), %d forward passes]", text, token,
                denseProbability, probability, heads.length,
                headNames().stream().limit(12).collect(Collectors.joining(" ")) + (heads.length > 12 ? " …" : ""),
                density, weights, denseWeights, 100.0 * weights / denseWeights, forwardPasses);
    }
}
