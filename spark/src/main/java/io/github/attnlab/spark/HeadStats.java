package io.github.attnlab.spark;

import io.github.attnlab.core.Check;
import java.util.Arrays;

/**
 * The statistics of one attention head on one passage: one row of the job's Parquet output ({@code rows/}).
 *
 * @param passageId     the passage's id
 * @param layer         the layer, from 0
 * @param head          the head, from 0
 * @param tokens        $n$, the passage's tokens ({@code [CLS]} and {@code [SEP]} included)
 * @param epsilons      the TV budgets $\varepsilon$
 * @param kFraction     per $\varepsilon$: the mean over the $n$ queries of the certified $k_\varepsilon / n$ (paper A, A.8)
 * @param sigma         the Gaussian-rule fit: mean over queries of the logits' sample standard deviation (A.7)
 * @param lambda2       $\lambda_2$ of the symmetric normalised Laplacian of the symmetrised head (paper D, D.1)
 * @param cheeger       the conductance of the Fiedler sweep cut, $\lambda_2/2 \le \phi \le \sqrt{2\lambda_2}$ (D.1)
 * @param haarL1        the $\ell_1$ norm of the head's coefficients in the bi-Haar basis of dyadic trees on queries
 *                      and keys (paper C, C.5)
 * @param entmaxSupport the mean over queries of the 1.5-entmax support size of the logits, divided by $n$ (paper B)
 */
public record HeadStats(String passageId, int layer, int head, int tokens, double[] epsilons, double[] kFraction,
                        double sigma, double lambda2, double cheeger, double haarL1, double entmaxSupport) {

    /** Validates and copies the arrays. */
    public HeadStats {
        Check.notNull("passageId", passageId);
        Check.notNull("epsilons", epsilons);
        Check.notNull("kFraction", kFraction);
        if (epsilons.length != kFraction.length) {
            throw new IllegalArgumentException("kFraction has " + kFraction.length + " values for " + epsilons.length
                    + " epsilons (passage '" + passageId + "')");
        }
        epsilons = epsilons.clone();
        kFraction = kFraction.clone();
    }

    /** The budgets (a copy). */
    @Override
    public double[] epsilons() {
        return epsilons.clone();
    }

    /** Mean certified $k_\varepsilon/n$ per budget (a copy). */
    @Override
    public double[] kFraction() {
        return kFraction.clone();
    }

    /** Value equality, arrays by content (so a distributed row equals the single-process row bit for bit). */
    @Override
    public boolean equals(Object o) {
        return o instanceof HeadStats s && passageId.equals(s.passageId) && layer == s.layer && head == s.head
                && tokens == s.tokens && Arrays.equals(epsilons, s.epsilons) && Arrays.equals(kFraction, s.kFraction)
                && Double.compare(sigma, s.sigma) == 0 && Double.compare(lambda2, s.lambda2) == 0
                && Double.compare(cheeger, s.cheeger) == 0 && Double.compare(haarL1, s.haarL1) == 0
                && Double.compare(entmaxSupport, s.entmaxSupport) == 0;
    }

    @Override
    public int hashCode() {
        return passageId.hashCode() * 31 * 31 + layer * 31 + head;
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format("HeadStats[%s L%d H%d n=%d k/n=%s sigma=%.3f lambda2=%.4f cheeger=%.4f haarL1=%.2f entmax=%.3f]",
                passageId, layer, head, tokens, Arrays.toString(kFraction), sigma, lambda2, cheeger, haarL1, entmaxSupport);
    }
}
