package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.model.bert.PretrainedModel;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EncoderLineTest {

    @Test
    void everyEncoderOpHasALineWhoseLabelNamesItsModelAndLength() {
        long encoders = Arrays.stream(Op.values()).filter(EncoderLine::isEncoder).count();
        assertEquals(5, encoders);
        for (Op op : Op.values()) {
            if (EncoderLine.isEncoder(op)) {
                EncoderLine line = EncoderLine.of(op);
                assertTrue(op.label().startsWith(line.model().modelName() + " forward, " + line.tokens() + " tokens"),
                        op + ": " + op.label());
                assertEquals(Limit.FMA_FP32, op.limit());
            } else {
                assertThrows(IllegalArgumentException.class, () -> EncoderLine.of(op));
            }
        }
    }

    @Test
    void exportDirectoriesAreDistinctAndOrtRunsTheOnnxPackagedModels() {
        Set<String> dirs = Arrays.stream(Op.values()).filter(EncoderLine::isEncoder)
                .map(op -> EncoderLine.of(op).dir()).collect(Collectors.toSet());
        assertEquals(5, dirs.size());
        assertFalse(EncoderLine.of(Op.BERT_FORWARD).ort());
        assertTrue(EncoderLine.of(Op.BGE_FORWARD_512).ort());
        assertEquals(PretrainedModel.BGE_SMALL_EN_V15, EncoderLine.of(Op.BGE_FORWARD).model());
    }

    @Test
    void thePassageTextIsLongEnoughFor512Tokens() {
        // every word is at least one WordPiece token
        assertTrue(OpRun.passageText(512).split("\\s+").length >= 512);
        assertTrue(OpRun.passageText(128).split("\\s+").length >= 128);
    }
}
