package io.github.attnlab.model.attention;

import io.github.attnlab.core.Check;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which {@link AttentionRule} each layer and head of a model follows: one rule for every head, overridden per layer,
 * overridden per head. Immutable; every {@code with} method returns a new assignment.
 *
 * <pre>{@code
 * AttentionRules r = AttentionRules.all(AttentionRule.certifiedTopK(0.01))
 *         .withLayer(0, AttentionRule.dense())            // layer 0 dense
 *         .withHead(11, 3, AttentionRule.topK(8));        // layer 11, head 3: top-8
 * }</pre>
 */
public final class AttentionRules {

    private final AttentionRule all;
    private final Map<Integer, AttentionRule> layers;
    private final Map<Long, AttentionRule> heads;

    private AttentionRules(AttentionRule all, Map<Integer, AttentionRule> layers, Map<Long, AttentionRule> heads) {
        this.all = all;
        this.layers = layers;
        this.heads = heads;
    }

    /** Every head follows {@code rule}. */
    public static AttentionRules all(AttentionRule rule) {
        return new AttentionRules(Check.notNull("rule", rule), Map.of(), Map.of());
    }

    /** Every head dense: the model's own attention. */
    public static AttentionRules dense() {
        return all(AttentionRule.dense());
    }

    /** The same, with every head of layer {@code layer} (0-based) following {@code rule}, per-head overrides of that layer dropped. */
    public AttentionRules withLayer(int layer, AttentionRule rule) {
        Check.range("layer", layer, 0, Integer.MAX_VALUE);
        Check.notNull("rule", rule);
        TreeMap<Integer, AttentionRule> l = new TreeMap<>(layers);
        l.put(layer, rule);
        TreeMap<Long, AttentionRule> h = new TreeMap<>(heads);
        h.keySet().removeIf(k -> (int) (k >>> 32) == layer);
        return new AttentionRules(all, Map.copyOf(l), Map.copyOf(h));
    }

    /** The same, with head {@code head} of layer {@code layer} (0-based) following {@code rule}. */
    public AttentionRules withHead(int layer, int head, AttentionRule rule) {
        Check.range("layer", layer, 0, Integer.MAX_VALUE);
        Check.range("head", head, 0, Integer.MAX_VALUE);
        Check.notNull("rule", rule);
        TreeMap<Long, AttentionRule> h = new TreeMap<>(heads);
        h.put(key(layer, head), rule);
        return new AttentionRules(all, layers, Map.copyOf(h));
    }

    /** The rule of one head. */
    public AttentionRule rule(int layer, int head) {
        AttentionRule r = heads.get(key(layer, head));
        if (r != null) {
            return r;
        }
        r = layers.get(layer);
        return r != null ? r : all;
    }

    /** Checks that every layer and head named fits a model of {@code layerCount} layers of {@code headCount} heads. */
    public AttentionRules checkFits(int layerCount, int headCount) {
        for (int l : layers.keySet()) {
            Check.index("layer", l, layerCount);
        }
        for (long k : heads.keySet()) {
            Check.index("layer", (int) (k >>> 32), layerCount);
            Check.index("head", (int) k, headCount);
        }
        return this;
    }

    /** Whether every head is dense. */
    public boolean allDense() {
        return all instanceof AttentionRule.Dense && layers.values().stream().allMatch(r -> r instanceof AttentionRule.Dense)
                && heads.values().stream().allMatch(r -> r instanceof AttentionRule.Dense);
    }

    private static long key(int layer, int head) {
        return ((long) layer << 32) | head;
    }

    /** One line: the default rule and the overrides. */
    @Override
    public String toString() {
        String s = all.toString();
        if (!layers.isEmpty()) {
            s += "; " + new TreeMap<>(layers).entrySet().stream().map(e -> "L" + e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
        if (!heads.isEmpty()) {
            s += "; " + new TreeMap<>(heads).entrySet().stream()
                    .map(e -> "L" + (e.getKey() >>> 32) + "H" + (int) (long) e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
        return s;
    }
}
