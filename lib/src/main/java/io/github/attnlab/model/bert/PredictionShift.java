package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import java.util.List;
import java.util.Locale;

/**
 * How far a model's masked-LM predictions moved from a reference model's on the same masked tokens: per token the
 * divergence $\mathrm{KL}(p_{ref} \| p) = \sum_v p_{ref}(v)\,(\log p_{ref}(v) - \log p(v))$ of the vocabulary
 * distributions and whether the top-1 predictions agree, with both models' accuracy and log-likelihood of the true
 * tokens ({@link MaskedLmScore}).
 *
 * @param model          the model's rules (or name)
 * @param reference      the reference's
 * @param kl             $\mathrm{KL}(p_{ref}\|p)$ per masked token (nats)
 * @param agreement      1 where the top-1 predictions agree, else 0
 * @param score          the model's score
 * @param referenceScore the reference's score
 */
public record PredictionShift(String model, String reference, double[] kl, double[] agreement, MaskedLmScore score,
                              MaskedLmScore referenceScore) {

    /** Copies the arrays. */
    public PredictionShift {
        Check.notNull("kl", kl);
        Check.notNull("agreement", agreement);
        Check.notNull("score", score);
        if (kl.length != agreement.length || kl.length != score.tokens()) {
            throw new IllegalArgumentException("kl has " + kl.length + " divergences, agreement " + agreement.length
                    + " entries, for " + score.tokens() + " scored tokens");
        }
        kl = kl.clone();
        agreement = agreement.clone();
    }

    static PredictionShift of(String model, String reference, List<MaskedLm> ref, List<MaskedLm> lm,
                              MaskedLmScore referenceScore, MaskedLmScore score) {
        int tokens = ref.stream().mapToInt(MaskedLm::size).sum();
        double[] kl = new double[tokens];
        double[] agree = new double[tokens];
        int at = 0;
        for (int p = 0; p < ref.size(); p++) {
            double[][] a = ref.get(p).logProbabilities();
            double[][] b = lm.get(p).logProbabilities();
            for (int i = 0; i < a.length; i++, at++) {
                kl[at] = divergence(a[i], b[i]);
                agree[at] = ref.get(p).argmax(i) == lm.get(p).argmax(i) ? 1 : 0;
            }
        }
        return new PredictionShift(model, reference, kl, agree, score, referenceScore);
    }

    /** $\mathrm{KL}(a \| b)$ of two log-probability vectors; never negative (rounding clipped at 0). */
    static double divergence(double[] logA, double[] logB) {
        double s = 0;
        for (int v = 0; v < logA.length; v++) {
            if (logA[v] > Double.NEGATIVE_INFINITY) {
                s += Math.exp(logA[v]) * (logA[v] - logB[v]);
            }
        }
        return Math.max(0, s);
    }

    /** The number of masked tokens. */
    public int tokens() {
        return kl.length;
    }

    /** Mean KL over the masked tokens. */
    public double meanKl() {
        return MaskedLmScore.mean(kl);
    }

    /** Standard error of the mean KL. */
    public double klStandardError() {
        return MaskedLmScore.standardError(kl);
    }

    /** The largest KL of a token. */
    public double maxKl() {
        double m = 0;
        for (double k : kl) {
            m = Math.max(m, k);
        }
        return m;
    }

    /** Fraction of masked tokens whose top-1 prediction is the reference's. */
    public double topOneAgreement() {
        return MaskedLmScore.mean(agreement);
    }

    /** Paired difference of accuracy and log-likelihood, model minus reference. */
    public MaskedLmScore.PairedDifference difference() {
        return score.minus(referenceScore);
    }

    @Override
    public double[] kl() {
        return kl.clone();
    }

    @Override
    public double[] agreement() {
        return agreement.clone();
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PredictionShift[%s against %s on %d masked tokens: mean KL %.3e ± %.1e, "
                + "top-1 agreement %.4f; top-1 accuracy %.4f vs %.4f, log p %.4f vs %.4f]", model, reference, tokens(),
                meanKl(), klStandardError(), topOneAgreement(), score.accuracy(), referenceScore.accuracy(),
                score.meanLogLikelihood(), referenceScore.meanLogLikelihood());
    }
}
