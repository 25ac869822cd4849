package io.github.attnlab.bench;

import io.github.attnlab.model.attention.AttentionHook;
import io.github.attnlab.model.attention.AttentionRule;
import io.github.attnlab.model.attention.AttentionRules;
import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.QueryKeys;
import io.github.attnlab.model.data.AttentionDatasets;
import io.github.attnlab.model.data.Corpus;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.patterns.AttentionPattern;
import io.github.attnlab.simd.SimdOps;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One layer's attention (12 heads: scores, weights, weighted values) of bert-base-uncased under each attention rule,
 * against the model's own dense loop, on the real queries and keys of a Moby-Dick passage (chapter 1) at $n = 128$
 * and $512$; each call takes the next of the 12 layers, so the average is over all of them.
 *
 * <p>{@code SOFTMAX_LOOP} is exactly the forward pass's attention ({@code Encoder}); every other parameter is the same
 * loop with {@link AttentionHook#head} writing the weights (the hook measures nothing, as in {@code Bert.withAttention}). The
 * difference is the rule's bookkeeping: ranking each row (top-k, certified top-k), the search and its index (block
 * search), the mask (patterns). The weighted values are always one dense product $PV$, zeros included: at these
 * lengths a gather over the kept keys is not faster than the blocked product.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g"})
public class AttentionRuleBench {

    @Param({"128", "512"})
    int n;

    @Param({"SOFTMAX_LOOP", "DENSE", "TOP_K_32", "CERTIFIED_0.01", "CERTIFIED_0.1", "BLOCK_SEARCH_0.01", "THRESHOLD_0.001",
        "SPARSEMAX", "ENTMAX_1.5", "CAUSAL", "BLOCK_SPARSE_32"})
    String rule;

    static final int LAYERS = 12;
    static final int HEADS = 12;
    static final int D = 64;
    static final int H = HEADS * D;

    /** [layer][token * 3H + ...]: real Q and K of bert-base-uncased, random V. */
    float[][] qkv;
    float[] kt;
    float[] s;
    float[] p;
    float[] ctx;
    AttentionRules rules;
    SimdOps ops;
    int layer;

    @Setup(Level.Trial)
    public void setup() {
        Bert bert = Bert.load();
        ops = SimdOps.get();
        String text = Corpus.find(AttentionDatasets.open().corpus("moby-dick"), "moby-dick/chapter_1").text();
        Encoding e = bert.passages(text, n).get(0);
        if (e.length() != n) {
            throw new IllegalStateException("the passage has " + e.length() + " tokens, not " + n);
        }
        QueryKeys qk = bert.queryKeys(e);
        Random r = new Random(1);
        qkv = new float[LAYERS][n * 3 * H];
        for (int l = 0; l < LAYERS; l++) {
            for (int a = 0; a < HEADS; a++) {
                double[][] q = qk.queries(l, a);
                double[][] k = qk.keys(l, a);
                for (int t = 0; t < n; t++) {
                    for (int j = 0; j < D; j++) {
                        qkv[l][t * 3 * H + a * D + j] = (float) q[t][j];
                        qkv[l][t * 3 * H + H + a * D + j] = (float) k[t][j];
                        qkv[l][t * 3 * H + 2 * H + a * D + j] = (float) r.nextGaussian();
                    }
                }
            }
        }
        kt = new float[D * n];
        s = new float[n * n];
        p = new float[n * n];
        ctx = new float[n * H];
        rules = rule.equals("SOFTMAX_LOOP") ? null : AttentionRules.all(of(rule));
    }

    static AttentionRule of(String name) {
        return switch (name) {
            case "DENSE" -> AttentionRule.dense();
            case "TOP_K_32" -> AttentionRule.topK(32);
            case "CERTIFIED_0.01" -> AttentionRule.certifiedTopK(0.01);
            case "CERTIFIED_0.1" -> AttentionRule.certifiedTopK(0.1);
            case "BLOCK_SEARCH_0.01" -> AttentionRule.blockSearch(0.01, 16);
            case "THRESHOLD_0.001" -> AttentionRule.threshold(0.001);
            case "SPARSEMAX" -> AttentionRule.sparsemax(1);
            case "ENTMAX_1.5" -> AttentionRule.entmax(1.5, 1);
            case "CAUSAL" -> AttentionRule.pattern(AttentionPattern.causal());
            case "BLOCK_SPARSE_32" -> AttentionRule.blockSparse(32);
            default -> throw new IllegalArgumentException("unknown rule " + name);
        };
    }

    private void scores(float[] x, int a) {
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < D; j++) {
                kt[j * n + t] = x[t * 3 * H + H + a * D + j];
            }
        }
        ops.gemm(n, n, D, x, a * D, 3 * H, kt, 0, n, s, 0, n);
        float sqrtD = (float) Math.sqrt(D);
        for (int i = 0; i < n * n; i++) {
            s[i] = s[i] / sqrtD;
        }
    }

    /** One layer's attention: the forward pass's own loop for {@code SOFTMAX_LOOP}, else the rule's. */
    @Benchmark
    public float[] attention() {
        return rules == null ? softmaxLoop() : rule();
    }

    /** The forward pass's own attention loop (dense softmax), one layer. */
    float[] softmaxLoop() {
        float[] x = qkv[layer];
        layer = (layer + 1) % LAYERS;
        for (int a = 0; a < HEADS; a++) {
            scores(x, a);
            for (int q = 0; q < n; q++) {
                ops.softmax(s, q * n, n, p, q * n);
            }
            ops.gemm(n, D, n, p, 0, n, x, 2 * H + a * D, 3 * H, ctx, a * D, H);
        }
        return ctx;
    }

    /** The same layer with the weights from the rule (a fresh hook per layer, as per forward pass). */
    float[] rule() {
        int l = layer;
        float[] x = qkv[l];
        layer = (layer + 1) % LAYERS;
        AttentionHook hook = AttentionHook.of(rules, LAYERS, HEADS, io.github.attnlab.model.attention.Measurement.NONE);
        for (int a = 0; a < HEADS; a++) {
            if (hook.needsScores(l, a)) {
                scores(x, a);
            }
            hook.head(l, a, n, D, x, 3 * H, a * D, H + a * D, 2 * H + a * D, s, p);
            ops.gemm(n, D, n, p, 0, n, x, 2 * H + a * D, 3 * H, ctx, a * D, H);
        }
        return ctx;
    }
}
