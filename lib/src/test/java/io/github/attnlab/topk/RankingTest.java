package io.github.attnlab.topk;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ranking of a row gives a certificate that is monotone in k. */
class RankingTest {

    @Test
    void certifiedTailMassIsMonotoneInK() {
        Random r = new Random(12);
        RankedRow row = new RankedRow();
        for (int t = 0; t < 300; t++) {
            row.rank(Instances.row(r, 600));
            for (int k = 2; k <= row.size(); k++) {
                if (row.tailMassUpper(k) > row.tailMassUpper(k - 1)) {
                    throw new AssertionError("instance " + t + ": tailMassUpper increases at k = " + k);
                }
            }
        }
    }
}
