package io.github.attnlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.attnlab.model.io.JarEntries;
import io.github.attnlab.model.text.Encoding;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The forward pass of all-MiniLM-L6-v2 and bge-small-en-v1.5 against ONNX Runtime executing the very
 * same ONNX files: the last hidden states agree to float rounding.
 */
class OnnxRuntimeReferenceTest {

    /** Absolute agreement of hidden states of magnitude up to ~6 after 6-12 float32 layers. */
    private static final double HIDDEN_TOL = 2e-5;

    @ParameterizedTest
    @EnumSource(value = PretrainedModel.class, names = {"ALL_MINILM_L6_V2", "BGE_SMALL_EN_V15"})
    void lastHiddenStateEqualsOnnxRuntimes(PretrainedModel model) throws Exception {
        Bert bert = Bert.load(model);
        Encoding e = bert.encode("Call me Ishmael. Some years ago—never mind how long precisely—having little or"
                + " no money in my purse, I thought I would sail about a little and see the watery part of the world.");
        float[] ours = bert.lastHiddenState(e);
        String file = model.modelName().toLowerCase(Locale.ROOT) + ".onnx";
        byte[] onnx = JarEntries.read(model.artifact().require(), null, Set.of(file)).get(file);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int n = e.length();
        long[] ids = Arrays.stream(e.ids()).asLongStream().toArray();
        long[] mask = new long[n];
        Arrays.fill(mask, 1);
        try (OrtSession s = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, new long[][] {ids});
             OnnxTensor am = OnnxTensor.createTensor(env, new long[][] {mask});
             OnnxTensor tt = OnnxTensor.createTensor(env, new long[][] {new long[n]});
             OrtSession.Result r = s.run(Map.of("input_ids", in, "attention_mask", am, "token_type_ids", tt))) {
            float[][] h = ((float[][][]) r.get(0).getValue())[0];
            int hidden = bert.config().hidden();
            double worst = 0;
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < hidden; j++) {
                    worst = Math.max(worst, Math.abs(h[t][j] - ours[t * hidden + j]));
                }
            }
            assertTrue(worst <= HIDDEN_TOL, model + ": max |ours - ONNX Runtime| = " + worst);
        }
    }
}
