package io.github.attnlab.haar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.tree.PartitionTree;
import org.junit.jupiter.api.Test;

/** Both bin summaries of the coefficient decay see a smooth function's decay, the typical one below the largest. */
class DecayEnvelopeTest {

    @Test
    void rmsAndMaxEnvelopesOfASmoothFunction() {
        int n = 256;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = Math.sin(3.0 * i / n);
        }
        HaarCoefficients c = TensorHaar.of(PartitionTree.dyadic(n)).forward(f);
        HolderEstimate max = c.decay(HolderEstimate.Envelope.MAX, 0, 1);
        HolderEstimate rms = c.decay(HolderEstimate.Envelope.RMS, 0, 1);
        assertEquals(c.holder().alpha(), max.alpha(), 0, "holder() is the MAX envelope on every folder size");
        // a smooth function is Hölder of order 1 at fine scales; on all folder sizes the fit lands between 1/2 and 1
        assertTrue(max.alpha() > 0.5 && max.alpha() < 1.2 && rms.alpha() > 0.5 && rms.alpha() < 1.2, max + " / " + rms);
        assertTrue(rms.bins() == max.bins(), "the same folder sizes");
    }
}
