package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How well a (possibly pruned) model predicts the masked tokens of some passages, token by token:
 * top-1 accuracy $\frac1N\sum_i [\arg\max_v p_i(v) = y_i]$ and mean log-likelihood
 * $\frac1N\sum_i \log p_i(y_i)$ of the true tokens $y_i$, each with its standard error
 * $s/\sqrt N$ ($s$ the sample standard deviation over the $N$ masked tokens). Two scores on the same
 * masked tokens compare token by token with {@link #minus}.
 *
 * @param model          the model's name
 * @param removedHeads   how many attention heads the model had removed
 * @param passages       how many passages were scored
 * @param targets        the true token id at each masked position, passage by passage
 * @param predictions    the top-1 token id there
 * @param logLikelihoods $\log p_i(y_i)$ there
 */
public record MaskedLmScore(String model, int removedHeads, int passages, int[] targets, int[] predictions,
                            double[] logLikelihoods) {

    /**
     * A paired difference {@code this - other} over the same masked tokens: the mean of the per-token
     * differences and its standard error $s_d/\sqrt N$.
     *
     * @param tokens                     $N$
     * @param accuracy                   difference of top-1 accuracies
     * @param accuracyStandardError      its standard error
     * @param logLikelihood              difference of mean log-likelihoods
     * @param logLikelihoodStandardError its standard error
     */
    public record PairedDifference(int tokens, double accuracy, double accuracyStandardError, double logLikelihood,
                                   double logLikelihoodStandardError) {
        /** One line. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "PairedDifference[top-1 %+.4f ± %.4f, log p %+.4f ± %.4f over %d tokens]",
                    accuracy, accuracyStandardError, logLikelihood, logLikelihoodStandardError, tokens);
        }
    }

    /** Checks the lengths and copies the arrays. */
    public MaskedLmScore {
        Check.notNull("targets", targets);
        Check.notNull("predictions", predictions);
        Check.notNull("logLikelihoods", logLikelihoods);
        if (targets.length == 0) {
            throw new IllegalArgumentException("targets is empty: a score needs at least one masked token");
        }
        Check.size("predictions.length", predictions.length, targets.length);
        Check.size("logLikelihoods.length", logLikelihoods.length, targets.length);
        targets = targets.clone();
        predictions = predictions.clone();
        logLikelihoods = logLikelihoods.clone();
    }

    /**
     * Scores masked passages, each through the distributions {@code lm} gives at its masked positions
     * (in the passage's order).
     */
    static MaskedLmScore of(String model, int removedHeads, List<MaskedPassage> passages,
                            Function<MaskedPassage, MaskedLm> lm) {
        int total = passages.stream().mapToInt(MaskedPassage::size).sum();
        int[] targets = new int[total];
        int[] predictions = new int[total];
        double[] logLikelihoods = new double[total];
        int at = 0;
        for (MaskedPassage mp : passages) {
            MaskedLm d = lm.apply(mp);
            int[] y = mp.targets();
            for (int i = 0; i < y.length; i++, at++) {
                targets[at] = y[i];
                predictions[at] = d.argmax(i);
                logLikelihoods[at] = d.logProbability(i, y[i]);
            }
        }
        return new MaskedLmScore(model, removedHeads, passages.size(), targets, predictions, logLikelihoods);
    }

    /** The number of masked tokens $N$. */
    public int tokens() {
        return targets.length;
    }

    /** Per masked token, 1 when the top-1 prediction is the true token, else 0. */
    public double[] correct() {
        double[] c = new double[targets.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = predictions[i] == targets[i] ? 1 : 0;
        }
        return c;
    }

    /** Top-1 accuracy. */
    public double accuracy() {
        return mean(correct());
    }

    /** Standard error of the top-1 accuracy. */
    public double accuracyStandardError() {
        return standardError(correct());
    }

    /** Mean log-likelihood of the true tokens (natural log). */
    public double meanLogLikelihood() {
        return mean(logLikelihoods);
    }

    /** Standard error of the mean log-likelihood. */
    public double logLikelihoodStandardError() {
        return standardError(logLikelihoods);
    }

    /** A copy of the targets. */
    @Override
    public int[] targets() {
        return targets.clone();
    }

    /** A copy of the predictions. */
    @Override
    public int[] predictions() {
        return predictions.clone();
    }

    /** A copy of the log-likelihoods. */
    @Override
    public double[] logLikelihoods() {
        return logLikelihoods.clone();
    }

    /** {@code this - other}, token by token; both must score the same masked tokens. */
    public PairedDifference minus(MaskedLmScore other) {
        Check.notNull("other", other);
        if (!Arrays.equals(targets, other.targets)) {
            throw new IllegalArgumentException("the two scores are not on the same masked tokens (" + tokens() + " and "
                    + other.tokens() + " targets, not equal)");
        }
        double[] a = correct();
        double[] b = other.correct();
        double[] da = new double[a.length];
        double[] dl = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            da[i] = a[i] - b[i];
            dl[i] = logLikelihoods[i] - other.logLikelihoods[i];
        }
        return new PairedDifference(a.length, mean(da), standardError(da), mean(dl), standardError(dl));
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** $s/\sqrt N$ with the sample standard deviation $s$ (divisor $N - 1$); NaN for one value. */
    static double standardError(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1) / x.length);
    }

    /** One line: model, removed heads, accuracy and log-likelihood with standard errors. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MaskedLmScore[%s without %d heads: top-1 %.4f ± %.4f, log p %.4f ± %.4f,"
                + " %d masked tokens in %d passages]", model, removedHeads, accuracy(), accuracyStandardError(),
                meanLogLikelihood(), logLikelihoodStandardError(), tokens(), passages);
    }
}
