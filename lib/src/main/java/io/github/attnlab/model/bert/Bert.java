package io.github.attnlab.model.bert;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.Progress;
import io.github.attnlab.model.text.BertTokenizer;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.simd.SimdOps;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A pretrained BERT-family encoder in pure Java: tokenizer, forward pass, attention and fill-mask.
 *
 * <pre>{@code
 * Bert bert = Bert.load();                                  // bert-base-uncased, from ~/.m2
 * AttentionTensor att = bert.attention("The whale surfaced.");
 * double[] logits = att.scores(8, 3, 1);                    // layer 8, head 3, query 1
 * FillMask fm = bert.fillMask("Hello I'm a [MASK] model."); // fashion 0.1073, role 0.0877, ...
 * }</pre>
 *
 * <p>Immutable and safe to share. Loaded weights are cached per JVM (softly), so re-running a
 * notebook cell does not read the jar again. Inputs longer than the model's positions (512) are
 * refused; {@link #passages} splits a long text into encodings that fit.
 */
public final class Bert {

    private static final Map<String, SoftReference<Bert>> CACHE = new ConcurrentHashMap<>();

    private final PretrainedModel model;
    private final BertWeights weights;
    private final BertTokenizer tokenizer;
    private final SimdOps ops;

    private Bert(PretrainedModel model, BertWeights weights, BertTokenizer tokenizer, SimdOps ops) {
        this.model = model;
        this.weights = weights;
        this.tokenizer = tokenizer;
        this.ops = ops;
    }

    /** bert-base-uncased with its masked-LM head. */
    public static Bert load() {
        return load(PretrainedModel.BERT_BASE_UNCASED);
    }

    /**
     * A pretrained model from the local Maven repository; when its jar is absent the exception says
     * exactly which command fetches it.
     */
    public static Bert load(PretrainedModel model) {
        return load(model, model.artifact().require());
    }

    /** A pretrained model read from the given jar (a copy of the Maven artifact). */
    public static Bert load(PretrainedModel model, Path jar) {
        String key = model + "@" + jar.toAbsolutePath();
        SoftReference<Bert> ref = CACHE.get(key);
        Bert b = ref == null ? null : ref.get();
        if (b == null) {
            WeightLoader.Loaded l = WeightLoader.load(model, jar);
            b = new Bert(model, l.weights(), BertTokenizer.of(l.vocabulary()), SimdOps.get());
            CACHE.put(key, new SoftReference<>(b));
        }
        return b;
    }

    /** The same model computing through the given SIMD path (the results are the same bits). */
    public Bert withSimd(SimdOps simd) {
        return new Bert(model, weights, tokenizer, simd);
    }

    /** Which pretrained model this is. */
    public PretrainedModel model() {
        return model;
    }

    /** The model's shape. */
    public BertConfig config() {
        return weights.config;
    }

    /** The model's tokenizer. */
    public BertTokenizer tokenizer() {
        return tokenizer;
    }

    /** {@code [CLS]} + the text's tokens + {@code [SEP]}, refused when longer than the model's positions. */
    public Encoding encode(String text) {
        return checked(tokenizer.encode(text));
    }

    /**
     * The text's tokens cut into consecutive encodings of at most {@code maxTokens} tokens each
     * ({@code [CLS]} and {@code [SEP]} included), never cutting inside a word: a cut moves back to the
     * nearest piece that does not start with {@code ##} (unless a single word is longer than a window).
     */
    public List<Encoding> passages(String text, int maxTokens) {
        if (maxTokens < 3 || maxTokens > config().maxPositions()) {
            throw new IllegalArgumentException("maxTokens = " + maxTokens + " is outside [3, "
                    + config().maxPositions() + "]");
        }
        List<String> t = tokenizer.tokenize(text);
        List<Encoding> out = new ArrayList<>();
        int from = 0;
        while (from < t.size()) {
            int to = Math.min(t.size(), from + maxTokens - 2);
            int cut = to;
            while (cut < t.size() && cut > from + 1 && t.get(cut).startsWith("##")) {
                cut--;
            }
            to = cut > from + 1 ? cut : to;
            List<String> w = new ArrayList<>();
            w.add("[CLS]");
            w.addAll(t.subList(from, to));
            w.add("[SEP]");
            out.add(tokenizer.of(w));
            from = to;
        }
        return out;
    }

    /** The attention of every layer and head on the text ({@code [CLS]} text {@code [SEP]}). */
    public AttentionTensor attention(String text) {
        return attention(encode(text));
    }

    /** The attention of every layer and head on an encoding. */
    public AttentionTensor attention(Encoding e) {
        Encoder.Output o = new Encoder(weights, ops).run(checked(e).ids(), true);
        return AttentionTensor.wrap(model.modelName(), e.tokens(), config().layers(), config().heads(), o.scores(),
                o.probabilities());
    }

    /** The attention on many encodings, with a progress bar. */
    public List<AttentionTensor> attention(List<Encoding> encodings) {
        Progress p = Progress.start(model.modelName() + " attention", encodings.size());
        List<AttentionTensor> out = new ArrayList<>();
        for (Encoding e : encodings) {
            out.add(attention(e));
            p.step();
        }
        return out;
    }

    /** The queries and keys of every layer and head on an encoding (for searches over the keys). */
    public QueryKeys queryKeys(Encoding e) {
        Encoder.Output o = new Encoder(weights, ops).run(checked(e).ids(), false, true);
        return new QueryKeys(config(), e.tokens(), o.projections());
    }

    /** The last layer's hidden states, flat $n \times H$ row-major. */
    public float[] lastHiddenState(Encoding e) {
        return new Encoder(weights, ops).run(checked(e).ids(), false).hidden();
    }

    /** The five most probable tokens for the text's {@code [MASK]}. */
    public FillMask fillMask(String text) {
        return fillMask(text, 5);
    }

    /** The {@code top} most probable tokens for the text's single {@code [MASK]}. */
    public FillMask fillMask(String text, int top) {
        if (weights.mlm == null) {
            throw new IllegalStateException(model.modelName() + " has no masked-LM head; fill-mask needs bert-base-uncased");
        }
        Encoding e = encode(text);
        List<Integer> masks = IntStream.range(0, e.length()).filter(i -> e.tokens().get(i).equals("[MASK]")).boxed().toList();
        if (masks.size() != 1) {
            throw new IllegalArgumentException("fill-mask needs exactly one [MASK] in the text, found " + masks.size()
                    + ": " + text);
        }
        if (top < 1 || top > config().vocabulary()) {
            throw new IllegalArgumentException("top = " + top + " is outside [1, " + config().vocabulary() + "]");
        }
        float[] hidden = new Encoder(weights, ops).run(e.ids(), false).hidden();
        double[] p = MaskedLmHead.probabilities(weights, ops, hidden, masks.get(0));
        List<FillMask.Prediction> best = IntStream.range(0, p.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -p[i]).thenComparing(i -> i)).limit(top)
                .map(i -> new FillMask.Prediction(tokenizer.vocabulary().token(i), i, p[i])).toList();
        return new FillMask(text, best);
    }

    private Encoding checked(Encoding e) {
        int max = config().maxPositions();
        if (e.length() > max) {
            throw new IllegalArgumentException("the input has " + e.length() + " tokens ([CLS] and [SEP] included) but "
                    + model.modelName() + " takes at most " + max + " positions; split it with passages(text, "
                    + max + ")");
        }
        if (e.length() == 0) {
            throw new IllegalArgumentException("the input has no tokens");
        }
        int[] ids = e.ids();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= config().vocabulary()) {
                throw new IllegalArgumentException("token id " + ids[i] + " at position " + i + " is outside the "
                        + config().vocabulary() + "-token vocabulary");
            }
        }
        return e;
    }

    /** One line: the model and its shape. */
    @Override
    public String toString() {
        return "Bert[" + config() + (weights.mlm != null ? ", masked-LM head" : "") + ", simd " + ops.name() + "]";
    }
}
