package io.github.attnlab.spectral.heads;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.plot.Table;
import io.github.attnlab.spectral.cut.Cheeger;
import io.github.attnlab.spectral.cut.SpectralGap;
import io.github.attnlab.spectral.graph.AttentionGraphs;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * One head's spectral gap and Cheeger sweep: for the graph $W = (A + A^\top)/2$ of a row-stochastic head $A$,
 * $\lambda_2$ of $L_{\mathrm{sym}}$ and the conductance $\phi$ of the best sweep cut of its Fiedler vector, which
 * satisfy Cheeger's sandwich $\lambda_2/2 \le \phi \le \sqrt{2\lambda_2}$ (docs/papers/D.md §D item 1).
 *
 * @param model            the model's name
 * @param passage          the passage's id
 * @param layer            the layer
 * @param head             the head
 * @param lambda2          $\lambda_2(L_{\mathrm{sym}})$
 * @param sweepConductance $\phi(S_{\text{sweep}})$
 * @param connected        whether the graph is connected
 */
public record HeadGap(String model, String passage, int layer, int head, double lambda2, double sweepConductance,
                      boolean connected) {

    /** Checks the labels. */
    public HeadGap {
        Check.notNull("model", model);
        Check.notNull("passage", passage);
    }

    /** Every head of {@code t}, layer by layer. */
    public static Table<HeadGap> of(String passage, AttentionTensor t) {
        Check.notNull("passage", passage);
        Check.notNull("t", t);
        List<HeadGap> rows = new ArrayList<>();
        for (int l = 0; l < t.layers(); l++) {
            for (int h = 0; h < t.heads(); h++) {
                WeightedGraph w = AttentionGraphs.symmetrised(t.probabilities(l, h));
                SpectralGap gap = SpectralGap.of(Laplacian.symmetric(w));
                Cheeger c = Cheeger.of(w, gap);
                rows.add(new HeadGap(t.model(), passage, l, h, gap.lambda2(), c.sweepConductance(), gap.connected()));
            }
        }
        return Table.of(rows);
    }

    /**
     * How far the head is from violating the sandwich: $\max(\lambda_2/2 - \phi,\ \phi - \sqrt{2\lambda_2})$, at most 0
     * when it holds.
     */
    public double cheegerViolation() {
        return Math.max(lambda2 / 2 - sweepConductance, sweepConductance - Math.sqrt(2 * lambda2));
    }
}
