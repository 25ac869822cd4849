package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The weights-only circuit search on bert-base-uncased (a dozen forward passes of a short sentence; the head search,
 * about 160 passes, runs in notebook F02) and the refusals.
 */
class FillMaskCircuitTest {

    private static final String TEXT = "paris is the capital of [MASK].";

    @Test
    void theWeightsOnlyCircuitKeepsThePredictionAndCountsItsWeights() {
        Bert bert = Bert.load();
        FillMaskCircuit c = FillMaskCircuit.find(bert, TEXT, FillMaskCircuit.Search.WEIGHTS_ONLY, 1e-3);
        assertEquals("france", c.token(), c.toString());
        assertEquals(144, c.heads().length);
        assertTrue(c.density() >= 1e-3 && c.density() <= 1, c.toString());
        Bert circuit = c.model(bert);
        MaskedLm m = circuit.maskedLm(TEXT);
        assertEquals("france", m.top(0, 1).get(0).token(), "the circuit's model keeps the prediction");
        assertEquals(c.probability(), m.probability(0, m.argmax(0)), 1e-12);
        long perBlock = (long) Math.ceil(c.density() * 768 * 64 - 1e-9);
        assertEquals(144L * 4 * perBlock, c.weights());
        assertEquals(144L * 4 * 768 * 64, c.denseWeights());
    }

    @Test
    void badInputIsRefused() {
        Bert bert = Bert.load();
        assertEquals("minDensity = 0.0 is outside (0, 1]", assertThrows(IllegalArgumentException.class,
                () -> FillMaskCircuit.find(bert, TEXT, FillMaskCircuit.Search.ORDERED, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FillMaskCircuit.find(bert, "no mask here.", FillMaskCircuit.Search.ORDERED, 0.01))
                .getMessage().startsWith("text needs exactly one [MASK], found 0"));
        assertEquals("search is null", assertThrows(IllegalArgumentException.class,
                () -> FillMaskCircuit.find(bert, TEXT, null, 0.01)).getMessage());
    }
}
