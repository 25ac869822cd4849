package io.github.attnlab.bench.suite;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.attnlab.model.bert.PretrainedModel;
import io.github.attnlab.model.io.JarEntries;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ONNX Runtime (Java) on one thread, executing the very ONNX file AttnLab reads its weights from. The
 * ONNX Runtime jar is not shaded into the benchmark jar (75 MB); {@code ./attnlab perf} puts it on the
 * class path from the local Maven repository, and without it this peer reports itself missing.
 */
final class OrtEncoder implements Workload, AutoCloseable {

    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs;
    private final float[] reference;
    private float[][] last;

    OrtEncoder(PretrainedModel model, int[] ids, float[] reference) throws OrtException {
        String file = model.modelName().toLowerCase(Locale.ROOT) + ".onnx";
        byte[] onnx = JarEntries.read(model.artifact().require(), null, Set.of(file)).get(file);
        if (onnx == null) {
            throw new IllegalArgumentException(model + " has no ONNX graph " + file + " in its artifact");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        o.setInterOpNumThreads(1);
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(onnx, o);
        int n = ids.length;
        long[] mask = new long[n];
        Arrays.fill(mask, 1);
        inputs = Map.of("input_ids", OnnxTensor.createTensor(env, new long[][] {Arrays.stream(ids).asLongStream().toArray()}),
                "attention_mask", OnnxTensor.createTensor(env, new long[][] {mask}),
                "token_type_ids", OnnxTensor.createTensor(env, new long[][] {new long[n]}));
        this.reference = reference.clone();
    }

    @Override
    public double run() {
        try (OrtSession.Result r = session.run(inputs)) {
            last = ((float[][][]) r.get(0).getValue())[0];
            return last[0][0];
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String check() {
        run();
        int h = last[0].length;
        double worst = 0;
        for (int t = 0; t < last.length; t++) {
            for (int j = 0; j < h; j++) {
                worst = Math.max(worst, Math.abs(last[t][j] - reference[t * h + j]));
            }
        }
        return String.format(Locale.ROOT, "max |ORT - AttnLab| = %.1e", worst);
    }

    /** ONNX Runtime's version string. */
    static String version() {
        return OrtEnvironment.getEnvironment().getVersion();
    }

    @Override
    public void close() throws OrtException {
        for (OnnxTensor t : inputs.values()) {
            t.close();
        }
        session.close();
    }
}
