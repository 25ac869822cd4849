package io.github.attnlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.diffusion.Bandwidth;
import io.github.attnlab.diffusion.DiffusionMap;
import io.github.attnlab.diffusion.DiffusionMaps;
import io.github.attnlab.haar.HaarBasis;
import io.github.attnlab.haar.HaarCoefficients;
import io.github.attnlab.haar.Paraproduct;
import io.github.attnlab.haar.SmoothFunction;
import io.github.attnlab.haar.SyntheticHeads;
import io.github.attnlab.haar.TensorHaar;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.spectral.partition.MultilevelPartitioner;
import io.github.attnlab.spectral.partition.SpectralBisection;
import io.github.attnlab.topk.GaussianRule;
import io.github.attnlab.topk.KeyBlocks;
import io.github.attnlab.tree.PartitionTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The inputs a review of the library found silently accepted or answered with nonsense (NaN, null, a degenerate
 * result, a message naming the wrong thing), one by one; {@link BadInputTest} covers the rest of the API generically.
 */
class ReportedBadInputTest {

    private static String refused(Class<? extends RuntimeException> type, Executable e) {
        return assertThrows(type, e).getMessage();
    }

    @Test
    void bisectionsRefuseAFractionOutsideTheOpenUnitInterval() {
        for (double f : new double[] {0, 1, 1.5, Double.NaN}) {
            assertTrue(refused(IllegalArgumentException.class,
                    () -> MultilevelPartitioner.DEFAULT.bisect(StandardGraphs.path(8), f)).startsWith("fraction = "));
            assertTrue(refused(IllegalArgumentException.class,
                    () -> SpectralBisection.INSTANCE.bisect(StandardGraphs.path(8), f)).startsWith("fraction = "));
        }
    }

    @Test
    void aBandwidthThatMakesTheKernelTheIdentityIsRefused() {
        DiffusionMaps narrow = DiffusionMaps.fromPoints(new double[][] {{0}, {1}, {2}, {4}}).bandwidth(Bandwidth.fixed(1e-300));
        assertTrue(refused(IllegalStateException.class, narrow::compute).contains("the kernel is the identity"));
    }

    @Test
    void diffusionMapExtensionRefusesANonFinitePoint() {
        DiffusionMap m = DiffusionMaps.fromPoints(new double[][] {{0}, {1}, {2}, {4}}).compute();
        assertEquals("point[0] is NaN", refused(IllegalArgumentException.class, () -> m.extend(new double[] {Double.NaN}, 1)));
        assertEquals("x = 9 is outside [0, 3]", refused(IllegalArgumentException.class, () -> m.distance(9, 0, 1)));
    }

    @Test
    void fitSigmaDoesNotOverflowOnHugeLogits() {
        double sigma = GaussianRule.fitSigma(new double[] {1e308, -1e308});
        assertEquals(Math.sqrt(2) * 1e308, sigma, 1e293);
    }

    @Test
    void theBackwardPassRefusesANaNDirection() {
        var r = Normalizer.entmax(1.5).apply(1, 2, 3);
        assertEquals("g[1] is NaN", refused(IllegalArgumentException.class, () -> r.vjp(0, Double.NaN, 1)));
    }

    @Test
    void allZeroHaarCoefficientsHaveNoRatioAndNoDecay() {
        HaarCoefficients zero = TensorHaar.bi(PartitionTree.dyadic(4), PartitionTree.dyadic(4)).forward(new double[4][4]);
        assertTrue(refused(IllegalStateException.class, zero::l1Ratio).contains("every coefficient is 0"));
        assertTrue(refused(IllegalStateException.class, zero::holder).contains("no decay to fit"));
    }

    @Test
    void syntheticSoftmaxRefusesANaNRow() {
        assertEquals("s[1][0] is NaN", refused(IllegalArgumentException.class,
                () -> SyntheticHeads.softmaxRows(new double[][] {{0, 1}, {Double.NaN, 1}})));
    }

    @Test
    void anOverflowingLogitInCertifiedSearchNamesItsKey() {
        KeyBlocks index = KeyBlocks.contiguous(new double[][] {{1e200, 0}, {0, 1}}, 1);
        String m = refused(IllegalArgumentException.class, () -> index.search(new double[] {1e200, 0}, 1, 0.1));
        assertTrue(m.contains("keys[0]") && m.contains("overflows"), m);
    }

    @Test
    void nullTreesAndFunctionsAreNamed() {
        assertEquals("tree is null", refused(IllegalArgumentException.class, () -> HaarBasis.on(null)));
        assertEquals("a is null", refused(IllegalArgumentException.class, () -> Paraproduct.of(null, PartitionTree.dyadic(4))));
        assertEquals("tree is null", refused(IllegalArgumentException.class, () -> Paraproduct.of(SmoothFunction.EXP, null)));
    }
}
