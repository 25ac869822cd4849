package io.github.attnlab.compact.nw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attnlab.compact.Normalizer;
import org.junit.jupiter.api.Test;

/** The normaliser of a kernel's adaptive weights: entmax with alpha = 1 + 1/n, softmax for the Gaussian. */
class AdaptiveNormalizerTest {

    @Test
    void kernelOrderGivesTheEntmaxAlpha() {
        assertEquals(Normalizer.sparsemax(), Correspondence.adaptiveNormalizer(SmoothingKernel.epanechnikov()));
        assertEquals(Normalizer.entmax(1.5), Correspondence.adaptiveNormalizer(SmoothingKernel.biweight()));
        assertEquals(Normalizer.softmax(), Correspondence.adaptiveNormalizer(SmoothingKernel.gaussian()));
    }
}
