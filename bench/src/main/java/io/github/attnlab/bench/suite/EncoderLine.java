package io.github.attnlab.bench.suite;

import io.github.attnlab.model.bert.PretrainedModel;

/**
 * What an encoder operation of the suite runs: the model, the passage length, the directory its weights are
 * exported to for the torch peer ({@code peers.py} knows the same names), and whether ONNX Runtime runs it too
 * (the models LangChain4j packages with their ONNX graph).
 *
 * @param model  the pretrained weights
 * @param dir    the export directory's name under the suite's inputs
 * @param tokens the passage length, [CLS] and [SEP] included
 * @param ort    whether ONNX Runtime is a contender
 */
record EncoderLine(PretrainedModel model, String dir, int tokens, boolean ort) {

    /** The line of an encoder operation. */
    static EncoderLine of(Op op) {
        return switch (op) {
            case MINILM_FORWARD -> new EncoderLine(PretrainedModel.ALL_MINILM_L6_V2, "minilm", 128, true);
            case MINILM_FORWARD_512 -> new EncoderLine(PretrainedModel.ALL_MINILM_L6_V2, "minilm512", 512, true);
            case BGE_FORWARD -> new EncoderLine(PretrainedModel.BGE_SMALL_EN_V15, "bge", 128, true);
            case BGE_FORWARD_512 -> new EncoderLine(PretrainedModel.BGE_SMALL_EN_V15, "bge512", 512, true);
            case BERT_FORWARD -> new EncoderLine(PretrainedModel.BERT_BASE_UNCASED, "bert", 128, false);
            default -> throw new IllegalArgumentException("op = " + op + " is not an encoder operation");
        };
    }

    /** Whether {@code op} is an encoder operation. */
    static boolean isEncoder(Op op) {
        return switch (op) {
            case MINILM_FORWARD, MINILM_FORWARD_512, BGE_FORWARD, BGE_FORWARD_512, BERT_FORWARD -> true;
            default -> false;
        };
    }
}
