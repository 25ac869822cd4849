package io.github.attnlab.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The summaries of batch results equal the same numbers computed row by row. */
class ResultSummariesTest {

    @Test
    void keptAndCertifiedSummaries() {
        double[][] m = {{3, 1, 0, -1}, {1, 1, 1, 1}, {5, -5, Double.NEGATIVE_INFINITY, 0}};
        TopKRows rows = TopKRows.of(m);
        TopKRows.Kept kept = rows.keep(2);
        double[] tau = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            tau[i] = TopK.of(m[i]).keep(2).tailMass();
        }
        assertEquals(Arrays.stream(tau).average().getAsDouble(), kept.meanTailMass(), 1e-15);
        assertEquals(Arrays.stream(tau).max().getAsDouble(), kept.maxTailMass(), 0);
        TopKRows.Certified c = rows.certify(0.1);
        double meanK = Arrays.stream(c.k()).average().getAsDouble();
        assertEquals(meanK, c.meanK(), 0);
        assertEquals(meanK / 4, c.meanFraction(), 1e-15);
        Certificate one = TopK.of(m[2]).certify(0.1);
        assertEquals((double) one.k() / 3, one.fraction(), 0, "k over the unmasked keys");
    }
}
