package io.github.attnlab.spark;

import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.core.Check;
import io.github.attnlab.haar.TensorHaar;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.spectral.cut.Cheeger;
import io.github.attnlab.spectral.cut.SpectralGap;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.WeightedGraph;
import io.github.attnlab.topk.GaussianRule;
import io.github.attnlab.topk.TopK;
import io.github.attnlab.tree.PartitionTree;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-process path: one passage through the encoder, then the statistics of every layer and head
 * ({@link HeadStats}). The Spark job calls exactly this per passage, so the two agree bit for bit.
 *
 * <p>Per head, with $s_q$ the logits and $P$ the probabilities: certified $k_\varepsilon$ of every query by
 * {@code TopK.of(s_q).certify(eps)} (paper A, A.8); $\sigma$ by {@code GaussianRule.fitSigma(s_q)} (A.7);
 * $\lambda_2$ and the sweep conductance of {@code AttentionGraphs.symmetrised(P)} (paper D, D.1); the bi-Haar
 * $\ell_1$ entropy of $P$ on dyadic trees (paper C, C.5); the 1.5-entmax support of $s_q$ (paper B).
 */
public final class PassageAnalysis {

    /** The entmax order whose support size is reported. */
    public static final double ENTMAX_ALPHA = 1.5;

    private PassageAnalysis() {
    }

    /**
     * The statistics of every head of {@code bert} on the passage, its first {@code maxTokens} tokens
     * ({@code [CLS]} and {@code [SEP]} included). Bad input (an empty text) throws an
     * {@code IllegalArgumentException} naming the passage.
     */
    public static List<HeadStats> analyse(Bert bert, CorpusPassage passage, double[] epsilons, int maxTokens) {
        Check.notNull("bert", bert);
        Check.notNull("passage", passage);
        double[] eps = checkedEpsilons(epsilons);
        Encoding e = encode(bert, passage, maxTokens);
        return analyse(passage.id(), bert.attention(e), eps);
    }

    /** The statistics of every head of an attention tensor (the part after the encoder). */
    public static List<HeadStats> analyse(String passageId, AttentionTensor att, double[] epsilons) {
        Check.notNull("passageId", passageId);
        Check.notNull("att", att);
        double[] eps = checkedEpsilons(epsilons);
        int n = att.length();
        TensorHaar haar = TensorHaar.bi(PartitionTree.dyadic(n), PartitionTree.dyadic(n));
        Normalizer entmax = Normalizer.entmax(ENTMAX_ALPHA);
        List<HeadStats> out = new ArrayList<>(att.layers() * att.heads());
        for (int l = 0; l < att.layers(); l++) {
            for (int h = 0; h < att.heads(); h++) {
                double[] k = new double[eps.length];
                double sigma = 0;
                double support = 0;
                for (int q = 0; q < n; q++) {
                    double[] s = att.scores(l, h, q);
                    TopK row = TopK.of(s);
                    for (int i = 0; i < eps.length; i++) {
                        k[i] += row.certify(eps[i]).k() / (double) n / n;
                    }
                    sigma += GaussianRule.fitSigma(s) / n;
                    support += entmax.apply(s).supportSize() / (double) n / n;
                }
                double[][] p = att.probabilities(l, h);
                WeightedGraph w = AttentionGraphs.symmetrised(p);
                SpectralGap gap = SpectralGap.of(Laplacian.symmetric(w));
                double cheeger = Cheeger.of(w, gap).sweepConductance();
                double l1 = haar.forward(p).l1();
                out.add(new HeadStats(passageId, l, h, n, eps, k, sigma, gap.lambda2(), cheeger, l1, support));
            }
        }
        return out;
    }

    /** The passage's encoding: its first window of at most {@code maxTokens} tokens; an empty text is refused. */
    static Encoding encode(Bert bert, CorpusPassage passage, int maxTokens) {
        if (passage.text().isBlank()) {
            throw new IllegalArgumentException("passage '" + passage.id() + "': text is empty");
        }
        List<Encoding> windows = bert.passages(passage.text(), maxTokens);
        if (windows.isEmpty() || windows.get(0).length() < 3) {
            throw new IllegalArgumentException("passage '" + passage.id() + "': text has no tokens");
        }
        return windows.get(0);
    }

    /** The budgets, each in (0, 1), at least one (a copy). */
    static double[] checkedEpsilons(double[] epsilons) {
        Check.notNull("epsilons", epsilons);
        if (epsilons.length == 0) {
            throw new IllegalArgumentException("epsilons is empty");
        }
        for (int i = 0; i < epsilons.length; i++) {
            if (!(epsilons[i] > 0 && epsilons[i] < 1)) {
                throw new IllegalArgumentException("epsilons[" + i + "] = " + epsilons[i] + " is outside (0, 1)");
            }
        }
        return epsilons.clone();
    }
}
