package io.github.attnlab.spectral.cut;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sweep profile holds the conductance of every prefix of the Fiedler order; the sweep cut is its minimum. */
class SweepProfileTest {

    @Test
    void theSweepCutIsTheSmallestPrefix() {
        WeightedGraph g = StandardGraphs.grid(4, 6);
        Cheeger c = Cheeger.of(g, SpectralGap.of(Laplacian.symmetric(g)));
        double[] profile = c.sweepProfile();
        assertEquals(g.n() - 1, profile.length);
        assertEquals(Arrays.stream(profile).min().getAsDouble(), c.sweepConductance(), 1e-15);
    }
}
