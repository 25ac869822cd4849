package io.github.attnlab.benchdjl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import io.github.attnlab.train.Example;
import io.github.attnlab.train.ModelConfig;
import io.github.attnlab.train.Transformer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transformer of attnlab-train (pre-LayerNorm, causal softmax attention, ReLU feed-forward, learned positions,
 * untied output) written in DJL with its PyTorch engine, with the same parameter tensors by name, so the two engines
 * compute the same function from the same weights. Adam as in attnlab-train (clip 1, bias correction).
 */
final class DjlTransformer implements AutoCloseable {

    private final ModelConfig c;
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Map<String, NDArray> m1 = new LinkedHashMap<>();
    private final Map<String, NDArray> m2 = new LinkedHashMap<>();
    private int t;

    DjlTransformer(Transformer model) {
        this.c = model.config();
        this.manager = NDManager.newBaseManager();
        for (String name : model.parameterNames()) {
            double[][] w = model.weights(name);
            float[] flat = new float[w.length * w[0].length];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[0].length; j++) {
                    flat[i * w[0].length + j] = (float) w[i][j];
                }
            }
            NDArray p = manager.create(flat, new Shape(w.length, w[0].length));
            p.setRequiresGradient(true);
            params.put(name, p);
            m1.put(name, manager.zeros(p.getShape()));
            m2.put(name, manager.zeros(p.getShape()));
        }
    }

    Map<String, NDArray> params() {
        return params;
    }

    /** The mean cross-entropy over scored positions (a scalar NDArray). */
    NDArray loss(NDManager mg, List<Example> batch) {
        int b = batch.size();
        int n = batch.get(0).length();
        int d = c.width();
        int h = c.heads();
        int dh = d / h;
        int v = c.vocabulary();
        int o = c.outputs();
        float[] onehot = new float[b * n * v];
        float[] target = new float[b * n * o];
        int count = 0;
        for (int s = 0; s < b; s++) {
            int[] tok = batch.get(s).tokens();
            int[] tg = batch.get(s).targets();
            for (int i = 0; i < n; i++) {
                onehot[(s * n + i) * v + tok[i]] = 1;
                if (tg[i] >= 0) {
                    target[(s * n + i) * o + tg[i]] = 1;
                    count++;
                }
            }
        }
        float[] mask = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                mask[i * n + j] = -1e9f;
            }
        }
        NDArray causal = mg.create(mask, new Shape(n, n));
        NDArray x = mg.create(onehot, new Shape(b, n, v)).matMul(p("embed"));
        x = x.add(p("position").get(new NDIndex("0:" + n)));
        for (int l = 0; l < c.layers(); l++) {
            String pre = "layer" + l + ".";
            NDArray h1 = layerNorm(x, p(pre + "ln1.gain"), p(pre + "ln1.bias"));
            NDArray qkv = h1.matMul(p(pre + "wqkv"));
            NDArray q = heads(qkv.get(new NDIndex(":, :, 0:" + d)), b, n, h, dh);
            NDArray k = heads(qkv.get(new NDIndex(":, :, " + d + ":" + 2 * d)), b, n, h, dh);
            NDArray val = heads(qkv.get(new NDIndex(":, :, " + 2 * d + ":")), b, n, h, dh);
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1 / Math.sqrt(dh)).add(causal);
            NDArray ctx = scores.softmax(-1).matMul(val).transpose(0, 2, 1, 3).reshape(new Shape(b, n, d));
            x = x.add(ctx.matMul(p(pre + "wo")).add(p(pre + "wo.bias")));
            NDArray h2 = layerNorm(x, p(pre + "ln2.gain"), p(pre + "ln2.bias"));
            NDArray u = Activation.relu(h2.matMul(p(pre + "w1")).add(p(pre + "w1.bias")));
            x = x.add(u.matMul(p(pre + "w2")).add(p(pre + "w2.bias")));
        }
        NDArray logits = layerNorm(x, p("final.ln.gain"), p("final.ln.bias")).matMul(p("out")).add(p("out.bias"));
        return logits.logSoftmax(-1).mul(mg.create(target, new Shape(b, n, o))).sum().neg().div(count);
    }

    private static NDArray heads(NDArray x, int b, int n, int h, int dh) {
        return x.reshape(new Shape(b, n, h, dh)).transpose(0, 2, 1, 3);
    }

    private static NDArray layerNorm(NDArray x, NDArray g, NDArray bias) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray xc = x.sub(mean);
        NDArray var = xc.pow(2).mean(new int[] {-1}, true);
        return xc.div(var.add(1e-5).sqrt()).mul(g).add(bias);
    }

    private NDArray p(String name) {
        return params.get(name);
    }

    /** The loss and the gradient of every tensor (as float arrays), by name. */
    double lossAndGradient(List<Example> batch, Map<String, float[]> out) {
        try (NDScope scope = new NDScope(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = loss(manager, batch);
            gc.backward(loss);
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                out.put(e.getKey(), e.getValue().getGradient().toFloatArray());
            }
            return loss.getFloat();
        }
    }

    /** The loss without gradients. */
    double loss(List<Example> batch) {
        try (NDScope scope = new NDScope()) {
            return loss(manager, batch).getFloat();
        }
    }

    /** One Adam step (clip 1) at learning rate {@code rate}; returns the loss before the step. */
    double step(List<Example> batch, double rate) {
        try (NDScope scope = new NDScope()) {
            double loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss(manager, batch);
                gc.backward(l);
                loss = l.getFloat();
            }
            double norm2 = 0;
            for (NDArray p : params.values()) {
                norm2 += p.getGradient().pow(2).sum().getFloat();
            }
            double scale = Math.sqrt(norm2) > 1 ? 1 / Math.sqrt(norm2) : 1;
            t++;
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray g = e.getValue().getGradient().mul(scale);
                NDArray a = m1.get(e.getKey());
                NDArray s = m2.get(e.getKey());
                a.muli(0.9).addi(g.mul(0.1));
                s.muli(0.999).addi(g.pow(2).mul(0.001));
                e.getValue().subi(a.div(c1).div(s.div(c2).sqrt().add(1e-8)).mul(rate));
            }
            return loss;
        }
    }

    /** Adds {@code eps * dir} to one tensor (no gradient tracking). */
    void perturb(String name, float[] dir, double eps) {
        NDArray p = params.get(name);
        try (NDScope scope = new NDScope()) {
            p.addi(manager.create(dir, p.getShape()).mul(eps));
        }
    }

    static DataType type() {
        return DataType.FLOAT32;
    }

    @Override
    public void close() {
        manager.close();
    }
}
