package io.github.attnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.patterns.AttentionPattern;
import io.github.attnlab.train.task.AlgorithmicTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets an IllegalArgumentException naming it; a diverging run stops naming the step and the layer. */
class BadInputTest {

    private static final AlgorithmicTask COPY = AlgorithmicTask.copy(4);

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void maskLeavingAQueryWithoutKeys() {
        // keys only at or after position 2: in a decoder, queries 0 and 1 see nothing
        AttentionPattern late = (n, layer) -> {
            boolean[][] a = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 2; j < n; j++) {
                    a[i][j] = true;
                }
            }
            return AttentionMask.of(a);
        };
        Transformer m = Transformer.init(ModelConfig.decoder(COPY.vocabulary()).withPattern(late), 1);
        String msg = message(() -> m.evaluate(List.of(COPY.example(new int[] {1, 2, 3}))));
        assertTrue(msg.contains("query 0") && msg.contains("no key"), msg);
        AttentionPattern holes = (n, layer) -> new AttentionMask() {
            public int size() {
                return n;
            }

            public boolean allows(int q, int k) {
                return q != 3;
            }
        };
        Transformer e = Transformer.init(ModelConfig.encoder(COPY.vocabulary()).withPattern(holes), 1);
        String msg2 = message(() -> e.evaluate(List.of(COPY.example(new int[] {1, 2, 3}))));
        assertTrue(msg2.contains("query 3"), msg2);
    }

    @Test
    void alphaBelowOne() {
        assertTrue(message(() -> AttentionNormalizer.entmax(0.9)).contains("alpha = 0.9"));
        assertTrue(message(() -> AttentionNormalizer.learnedEntmax(0.5)).contains("alpha = 0.5"));
        assertTrue(message(() -> AttentionNormalizer.entmax(Double.NaN)).contains("alpha = NaN"));
    }

    @Test
    void weightFractionOutsideUnitInterval() {
        assertTrue(message(() -> WeightSparsity.keep(0)).contains("outside (0, 1]"));
        assertTrue(message(() -> WeightSparsity.keep(1.5)).contains("1.5"));
        assertTrue(message(() -> WeightSparsity.anneal(Double.NaN, 10)).contains("NaN"));
    }

    @Test
    void sequenceLongerThanThePositions() {
        Transformer m = Transformer.init(ModelConfig.decoder(COPY.vocabulary()).withMaxLength(8), 1);
        String msg = message(() -> m.evaluate(List.of(COPY.example(new int[] {1, 2, 3, 0, 1}))));
        assertTrue(msg.contains("n = 10") && msg.contains("maxLength = 8"), msg);
        assertThrows(IllegalArgumentException.class,
                () -> Training.of(ModelConfig.decoder(COPY.vocabulary()).withMaxLength(8), COPY, 5));
    }

    @Test
    void nanInInputs() {
        double[][] x = {{0, 1}, {Double.NaN, 2}};
        double[][] y = {null, {1}};
        assertEquals("inputs[1][0] is NaN", message(() -> Example.vectors(x, y)));
        double[][] x2 = {{0, 1}, {1, 2}};
        double[][] y2 = {null, {Double.NaN}};
        assertEquals("targets[1][0] is NaN", message(() -> Example.vectors(x2, y2)));
    }

    @Test
    void tokensOutsideTheVocabulary() {
        Transformer m = Transformer.init(ModelConfig.decoder(3), 1);
        String msg = message(() -> m.evaluate(List.of(Example.tokens(new int[] {0, 5}, new int[] {1, 2}))));
        assertTrue(msg.contains("token[1] = 5"), msg);
    }

    @Test
    void divergingLossNamesTheStepAndTheLayer() {
        Transformer m = Transformer.init(ModelConfig.decoder(COPY.vocabulary()), 1);
        double[][] wqkv = m.weights("layer1.wqkv");
        wqkv[0][0] = 1e38;
        wqkv[1][0] = 1e38;
        Transformer bad = m.withWeights("layer1.wqkv", wqkv);
        TrainingDiverged d = assertThrows(TrainingDiverged.class,
                () -> Training.of(m.config(), COPY, 4).steps(3).run(bad));
        assertEquals(0, d.step());
        assertEquals("layer 1 (attention)", d.layer(), d.getMessage());
        assertTrue(d.getMessage().startsWith("step 0"), d.getMessage());
    }
}
