package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.attention.AttentionRun;
import io.github.attnlab.model.attention.HeadSummary;
import io.github.attnlab.model.attention.LayerSummary;
import java.util.List;
import java.util.Locale;

/**
 * A model with attention rules run on masked passages: what the rules did in each pass and what the model
 * predicted at the masks, from the same passes ({@link AttentionProbe#evaluate}).
 *
 * @param model       the model's name
 * @param rules       its attention rules, as text
 * @param passages    the masked passages
 * @param runs        one {@link AttentionRun} per passage
 * @param predictions one {@link MaskedLm} per passage, at its masked positions
 * @param score       top-1 accuracy and log-likelihood of the true tokens
 */
public record ProbedEvaluation(String model, String rules, List<MaskedPassage> passages, List<AttentionRun> runs,
                               List<MaskedLm> predictions, MaskedLmScore score) {

    /** Copies the lists and checks they match. */
    public ProbedEvaluation {
        passages = List.copyOf(Check.notNull("passages", passages));
        runs = List.copyOf(Check.notNull("runs", runs));
        predictions = List.copyOf(Check.notNull("predictions", predictions));
        if (runs.size() != passages.size() || predictions.size() != passages.size()) {
            throw new IllegalArgumentException(passages.size() + " passages but " + runs.size() + " runs and "
                    + predictions.size() + " predictions");
        }
    }

    /**
     * Evaluations run in parts (for example one passage at a time, each with its own partition of the tokens) joined
     * in order, under the first one's model name and the rules of each listed.
     */
    public static ProbedEvaluation concat(List<ProbedEvaluation> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("parts is null or empty: no evaluation to join");
        }
        List<MaskedPassage> passages = new java.util.ArrayList<>();
        List<AttentionRun> runs = new java.util.ArrayList<>();
        List<MaskedLm> predictions = new java.util.ArrayList<>();
        java.util.Set<String> rules = new java.util.LinkedHashSet<>();
        for (ProbedEvaluation p : parts) {
            passages.addAll(p.passages);
            runs.addAll(p.runs);
            predictions.addAll(p.predictions);
            rules.add(p.rules);
        }
        java.util.Iterator<MaskedLm> next = predictions.iterator();
        MaskedLmScore first = parts.get(0).score;
        MaskedLmScore score = MaskedLmScore.of(first.model(), first.removedHeads(), passages, mp -> next.next());
        return new ProbedEvaluation(parts.get(0).model, String.join(" | ", rules), passages, runs, predictions, score);
    }

    /** The predictions against a reference model's on the same passages (usually the dense model). */
    public PredictionShift against(ProbedEvaluation reference) {
        Check.notNull("reference", reference);
        if (!reference.passages.equals(passages)) {
            throw new IllegalArgumentException("the reference was run on other passages");
        }
        return PredictionShift.of(rules, reference.rules, reference.predictions, predictions, reference.score, score);
    }

    /** Mean keys kept per query over all passes (every query weighing the same). */
    public double meanKeysKept() {
        double s = 0;
        double rows = 0;
        for (AttentionRun r : runs) {
            s += r.meanKeysKept() * r.keysKept().length;
            rows += r.keysKept().length;
        }
        return s / rows;
    }

    /** Mean keys kept per query as a fraction of the passage's length. */
    public double meanKeptFraction() {
        double s = 0;
        double rows = 0;
        for (AttentionRun r : runs) {
            s += r.meanKeysKept() / r.n() * r.keysKept().length;
            rows += r.keysKept().length;
        }
        return s / rows;
    }

    /** The largest $\tau$ of any query of a truncating head over all passes (NaN when not measured). */
    public double maxTailMass() {
        double m = Double.NaN;
        for (AttentionRun r : runs) {
            double t = r.maxTailMass();
            m = Double.isNaN(m) || t > m ? t : m;
        }
        return m;
    }

    /** Per-layer summary of every pass. */
    public LayerSummary perLayer() {
        return LayerSummary.of(runs);
    }

    /** Per-head summary of every pass. */
    public HeadSummary perHead() {
        return HeadSummary.of(runs);
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ProbedEvaluation[%s, %s: %d passages, keys kept %.1f per query (%.3f of n)"
                + "%s; %s]", model, rules, passages.size(), meanKeysKept(), meanKeptFraction(),
                Double.isNaN(maxTailMass()) ? "" : String.format(Locale.ROOT, ", max tau %.3e", maxTailMass()), score);
    }
}
