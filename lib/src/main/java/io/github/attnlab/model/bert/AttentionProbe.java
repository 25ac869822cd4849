package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.Progress;
import io.github.attnlab.model.attention.AttentionHook;
import io.github.attnlab.model.attention.AttentionRun;
import io.github.attnlab.model.attention.Measurement;
import io.github.attnlab.model.text.Encoding;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a model whose attention follows rules ({@link Bert#withAttention}) and measures what the rules did, per
 * layer, head and query ({@link AttentionRun}); with masked passages, also what the model predicts
 * ({@link ProbedEvaluation}), to compare with the dense model ({@link ProbedEvaluation#against}).
 *
 * <pre>{@code
 * Bert sparse = bert.withAttention(AttentionRule.certifiedTopK(0.01));
 * AttentionRun run = AttentionProbe.of(sparse).run(passage);      // keys kept, tau, errors, times
 * run.perLayer().png();
 * ProbedEvaluation e = AttentionProbe.of(sparse).evaluate(masked);
 * PredictionShift s = e.against(AttentionProbe.of(bert).measuring(Measurement.TIME).evaluate(masked));
 * }</pre>
 *
 * <p>Immutable. Each call is one forward pass per passage (the masked-LM distributions come from the same pass as the
 * measurements). Wall times are those of the pass as measured, including the measuring for
 * {@link Measurement#ERRORS}; use {@link Measurement#TIME} to time the rules alone.
 */
public final class AttentionProbe {

    private final Bert model;
    private final Measurement measurement;

    private AttentionProbe(Bert model, Measurement measurement) {
        this.model = model;
        this.measurement = measurement;
    }

    /** Measures {@link Measurement#ERRORS} on runs of {@code model}. */
    public static AttentionProbe of(Bert model) {
        return new AttentionProbe(Check.notNull("model", model), Measurement.ERRORS);
    }

    /** The same probe measuring {@code m} (not {@link Measurement#NONE}). */
    public AttentionProbe measuring(Measurement measurement) {
        Measurement m = Check.notNull("measurement", measurement);
        if (m == Measurement.NONE) {
            throw new IllegalArgumentException("measurement = NONE: a probe measures; use the model itself to compute");
        }
        return new AttentionProbe(model, m);
    }

    /** One forward pass on the text. */
    public AttentionRun run(String text) {
        Check.notNull("text", text);
        if (text.isBlank()) {
            throw new IllegalArgumentException("text is blank: no token to attend");
        }
        return run(model.encode(text));
    }

    /** One forward pass on an encoding. */
    public AttentionRun run(Encoding e) {
        Check.notNull("e", e);
        AttentionHook hook = hook();
        long t0 = System.nanoTime();
        model.encoder(hook).run(model.checked(e).ids(), false);
        return hook.run(model.model().modelName(), System.nanoTime() - t0);
    }

    /** One forward pass per masked passage, with a progress bar. */
    public ProbedEvaluation evaluate(List<MaskedPassage> passages) {
        Check.notNull("passages", passages);
        return evaluate(passages, Progress.start(model.model().modelName() + ", " + model.attentionRules(),
                passages.size()));
    }

    /** One forward pass per masked passage, stepping the caller's progress bar once per passage. */
    public ProbedEvaluation evaluate(List<MaskedPassage> passages, Progress progress) {
        Check.notNull("passages", passages);
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("passages is empty: no passage to evaluate");
        }
        List<AttentionRun> runs = new ArrayList<>();
        List<MaskedLm> lms = new ArrayList<>();
        for (MaskedPassage mp : passages) {
            AttentionHook hook = hook();
            long t0 = System.nanoTime();
            float[] hidden = model.encoder(hook).run(model.checked(mp.masked()).ids(), false).hidden();
            runs.add(hook.run(model.model().modelName(), System.nanoTime() - t0));
            lms.add(model.maskedLm(mp.masked(), mp.positions(), hidden));
            progress.step();
        }
        java.util.Iterator<MaskedLm> next = lms.iterator();
        MaskedLmScore score = MaskedLmScore.of(model.model().modelName(), model.removedHeadCount(), passages,
                mp -> next.next());
        return new ProbedEvaluation(model.model().modelName(), model.attentionRules().toString(), passages, runs, lms,
                score);
    }

    private AttentionHook hook() {
        return AttentionHook.of(model.attentionRules(), model.config().layers(), model.config().heads(), measurement);
    }

    @Override
    public String toString() {
        return "AttentionProbe[" + model + ", measuring " + measurement + "]";
    }
}
