package io.github.attnlab.model.bert;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.attention.AttentionHook;
import io.github.attnlab.model.attention.AttentionRule;
import io.github.attnlab.model.attention.AttentionRules;
import io.github.attnlab.model.attention.Measurement;
import io.github.attnlab.model.Progress;
import io.github.attnlab.model.text.BertTokenizer;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.simd.SimdOps;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A pretrained BERT-family encoder in pure Java: tokenizer, forward pass, attention, fill-mask, the
 * masked-LM distributions and their evaluation, and models with attention heads removed.
 *
 * <pre>{@code
 * Bert bert = Bert.load();                                  // bert-base-uncased, from ~/.m2
 * AttentionTensor att = bert.attention("The whale surfaced.");
 * double[] logits = att.scores(8, 3, 1);                    // layer 8, head 3, query 1
 * FillMask fm = bert.fillMask("Hello I'm a [MASK] model."); // fashion 0.1073, role 0.0877, ...
 * MaskedLm m = bert.maskedLm("Paris is the [MASK] of [MASK].");    // every mask, one forward pass
 * Bert pruned = bert.withoutHeads(11 * 12 + 0, 0 * 12 + 4);  // heads L11H0 and L0H4 removed
 * List<MaskedPassage> test = bert.mask(bert.passages(text, 128), 0.15, 1);
 * MaskedLmScore s = pruned.evaluate(test);                  // top-1 accuracy, mean log p(true token)
 * }</pre>
 *
 * <p>Immutable and safe to share; {@link #withoutHeads}, {@link #withAttention}, {@link #withSimd} and
 * {@link #withThreads} return new models sharing the weights. Loaded weights are cached per JVM (softly), so
 * re-running a notebook cell does not read the jar again. Inputs longer than the model's positions (512) are
 * refused; {@link #passages} splits a long text into encodings that fit.
 */
public final class Bert {

    private static final Map<String, SoftReference<Bert>> CACHE = new ConcurrentHashMap<>();

    private final PretrainedModel model;
    private final BertWeights weights;
    private final BertTokenizer tokenizer;
    private final SimdOps ops;
    /** Removed heads, flat {@code [layer * heads + head]}; null when every head is kept. */
    private final boolean[] removed;
    /** The attention rule of every head; null for the model's own softmax. */
    private final AttentionRules rules;
    /** The most threads one forward pass uses (1: the calling thread only). */
    private final int threads;

    private Bert(PretrainedModel model, BertWeights weights, BertTokenizer tokenizer, SimdOps ops, boolean[] removed,
                 AttentionRules rules, int threads) {
        this.model = model;
        this.weights = weights;
        this.tokenizer = tokenizer;
        this.ops = ops;
        this.removed = removed;
        this.rules = rules;
        this.threads = threads;
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
        Check.notNull("model", model);
        Check.notNull("jar", jar);
        String key = model + "@" + jar.toAbsolutePath();
        SoftReference<Bert> ref = CACHE.get(key);
        Bert b = ref == null ? null : ref.get();
        if (b == null) {
            WeightLoader.Loaded l = WeightLoader.load(model, jar);
            b = new Bert(model, l.weights(), BertTokenizer.of(l.vocabulary()), SimdOps.get(), null, null, 1);
            CACHE.put(key, new SoftReference<>(b));
        }
        return b;
    }

    /** The same model computing through the given SIMD path (the results are the same bits). */
    public Bert withSimd(SimdOps simd) {
        return new Bert(model, weights, tokenizer, simd, removed, rules, threads);
    }

    /**
     * The same model computing each forward pass on up to {@code threads} threads (1, the default: the calling
     * thread only). The matrix products of every layer ($[Q\,K\,V]$, the attention output, the intermediate and
     * output projections) are split by columns of the result over the library's shared daemon threads
     * ({@link io.github.attnlab.simd.ParallelGemm}), the GELU by rows, and the heads of a layer are shared out over
     * the threads; every output element is computed by the same float operations as on one thread, so hidden
     * states, attention and predictions are <b>bit-identical</b> for any number of threads. With attention rules
     * ({@link #withAttention}) the heads stay on the calling thread (their hooks are not thread-safe); the products
     * are still split. More threads than cores add nothing (the pool has one thread fewer than the available
     * processors). The speed-up measured on 2 cores is in the README's performance section.
     *
     * @throws IllegalArgumentException for {@code threads < 1}
     */
    public Bert withThreads(int threads) {
        Check.positive("threads", threads);
        return new Bert(model, weights, tokenizer, ops, removed, rules, threads);
    }

    /** The most threads one forward pass uses (1 unless {@link #withThreads} said otherwise). */
    public int threads() {
        return threads;
    }

    /**
     * The same model with more attention heads removed: {@code removed[layer][head]} (0-based) marks
     * the heads to remove, in addition to any this model already lacks. A removed head's context
     * vector $C_h = P_h V_h$ is replaced by 0 before the attention output projection, so the layer
     * computes $\sum_{h \notin R} C_h W_o^{(h)} + b_o$: the head masking of Michel, Levy and Neubig
     * (2019), "Are sixteen heads really better than one?" (docs/papers/C.md §C.5 prunes by it). Every other
     * weight is kept, and shared with this model. Removing all heads of a layer leaves its residual
     * path, $\mathrm{LN}(x + b_o)$, and its feed-forward block.
     *
     * @throws IllegalArgumentException when the matrix is not {@code layers × heads}
     */
    public Bert withoutHeads(boolean[][] removed) {
        return new Bert(model, weights, tokenizer, ops, HeadMask.union(this.removed, HeadMask.of(removed, config())),
                rules, threads);
    }

    /**
     * The same model with more heads removed, given by flat index {@code layer * heads + head} (the
     * order of {@link AttentionTensor}'s heads), each listed at most once; see {@link #withoutHeads(boolean[][])}.
     *
     * @throws IllegalArgumentException for an index outside $[0, L A)$ or one listed twice
     */
    public Bert withoutHeads(int... heads) {
        return new Bert(model, weights, tokenizer, ops, HeadMask.union(this.removed, HeadMask.of(heads, config())),
                rules, threads);
    }

    /**
     * The same model with its attention weights $W_q, W_k, W_v, W_o$ magnitude-pruned to {@code density} per matrix
     * (paper F.2); see {@link #withPrunedAttentionWeights(double, PruningGranularity)}.
     */
    public Bert withPrunedAttentionWeights(double density) {
        return withPrunedAttentionWeights(density, PruningGranularity.MATRIX);
    }

    /**
     * The same model with its attention weights magnitude-pruned: each block ({@link PruningGranularity}) keeps its
     * $\lceil \rho B\rceil$ largest-magnitude weights and the rest become 0; biases and all other weights are kept
     * and shared, and so are the removed heads.
     *
     * @throws IllegalArgumentException for a density outside $(0, 1]$
     */
    public Bert withPrunedAttentionWeights(double density, PruningGranularity granularity) {
        return new Bert(model, WeightPruning.attention(weights, density, granularity), tokenizer, ops, removed, rules,
                threads);
    }

    /** The number of non-zero attention weights ($W_q, W_k, W_v, W_o$) of the heads this model keeps. */
    public long attentionWeights() {
        boolean[] kept = new boolean[config().layers() * config().heads()];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = removed == null || !removed[i];
        }
        return WeightPruning.nonZeros(weights, kept);
    }

    /** The same model with every head. */
    public Bert withAllHeads() {
        return new Bert(model, weights, tokenizer, ops, null, rules, threads);
    }

    /**
     * The same model with every attention row computed by {@code rule} instead of softmax, sharing the weights
     * (docs/papers/A.md §A.8, §B, §E; see {@link AttentionRule} for the rules and {@link AttentionProbe} to measure them).
     */
    public Bert withAttention(AttentionRule rule) {
        return withAttention(AttentionRules.all(rule));
    }

    /** The same model with each layer's and head's rule from {@code rules}. */
    public Bert withAttention(AttentionRules rules) {
        Check.notNull("rules", rules).checkFits(config().layers(), config().heads());
        return new Bert(model, weights, tokenizer, ops, removed, rules, threads);
    }

    /** The same model with layer {@code layer}'s heads following {@code rule} (the others keep theirs). */
    public Bert withAttention(int layer, AttentionRule rule) {
        return withAttention(attentionRules().withLayer(Check.index("layer", layer, config().layers()), rule));
    }

    /** The same model with one head following {@code rule} (the others keep theirs). */
    public Bert withAttention(int layer, int head, AttentionRule rule) {
        return withAttention(attentionRules().withHead(Check.index("layer", layer, config().layers()),
                Check.index("head", head, config().heads()), rule));
    }

    /** The rule of every head ({@link AttentionRules#dense()} for the model's own attention). */
    public AttentionRules attentionRules() {
        return rules == null ? AttentionRules.dense() : rules;
    }

    /** The removed heads, a fresh {@code [layer][head]} matrix. */
    public boolean[][] removedHeads() {
        return HeadMask.matrix(removed, config());
    }

    /** How many heads are removed. */
    public int removedHeadCount() {
        return HeadMask.count(removed);
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
        Check.notNull("text", text);
        return checked(tokenizer.encode(text));
    }

    /**
     * The text's tokens cut into consecutive encodings of at most {@code maxTokens} tokens each
     * ({@code [CLS]} and {@code [SEP]} included), never cutting inside a word: a cut moves back to the
     * nearest piece that does not start with {@code ##} (unless a single word is longer than a window).
     */
    public List<Encoding> passages(String text, int maxTokens) {
        Check.notNull("text", text);
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
        Check.notNull("text", text);
        return attention(encode(text));
    }

    /** The attention of every layer and head on an encoding. */
    public AttentionTensor attention(Encoding e) {
        Check.notNull("e", e);
        Encoder.Output o = encoder().run(checked(e).ids(), true);
        return AttentionTensor.wrap(model.modelName(), e.tokens(), config().layers(), config().heads(), o.scores(),
                o.probabilities());
    }

    /** The attention on many encodings, with a progress bar. */
    public List<AttentionTensor> attention(List<Encoding> encodings) {
        Check.notNull("encodings", encodings);
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
        Check.notNull("e", e);
        Encoder.Output o = encoder().run(checked(e).ids(), false, true);
        return new QueryKeys(config(), e.tokens(), o.projections());
    }

    /** The last layer's hidden states, flat $n \times H$ row-major. */
    public float[] lastHiddenState(Encoding e) {
        Check.notNull("e", e);
        return encoder().run(checked(e).ids(), false).hidden();
    }

    private Encoder encoder() {
        return new Encoder(weights, ops, removed, rules == null ? null
                : AttentionHook.of(rules, config().layers(), config().heads(), Measurement.NONE), threads);
    }

    /** The encoder with the caller's hook (its rules replace this model's), for {@link AttentionProbe}. */
    Encoder encoder(AttentionHook hook) {
        return new Encoder(weights, ops, removed, hook, threads);
    }

    /** The masked-LM distributions at {@code positions} from the last hidden state of a pass. */
    MaskedLm maskedLm(Encoding e, int[] positions, float[] hidden) {
        requireMlm("the masked LM");
        return new MaskedLm(e, positions, MaskedLmHead.logProbabilities(weights, ops, hidden, positions),
                tokenizer.vocabulary());
    }

    /** The five most probable tokens for the text's {@code [MASK]}. */
    public FillMask fillMask(String text) {
        return fillMask(text, 5);
    }

    /** The {@code top} most probable tokens for the text's single {@code [MASK]}. */
    public FillMask fillMask(String text, int top) {
        requireMlm("fill-mask");
        Encoding e = encode(text);
        int[] masks = maskPositions(e);
        if (masks.length != 1) {
            throw new IllegalArgumentException("fill-mask needs exactly one [MASK] in the text, found " + masks.length
                    + ": " + text);
        }
        if (top < 1 || top > config().vocabulary()) {
            throw new IllegalArgumentException("top = " + top + " is outside [1, " + config().vocabulary() + "]");
        }
        return new FillMask(text, maskedLm(e).top(0, top));
    }

    /** The vocabulary distribution at every {@code [MASK]} of the text, from one forward pass. */
    public MaskedLm maskedLm(String text) {
        Check.notNull("text", text);
        return maskedLm(encode(text));
    }

    /**
     * The vocabulary distribution at every {@code [MASK]} of an encoding, from one forward pass of this
     * model (with its removed heads, if any).
     *
     * @throws IllegalArgumentException when the encoding has no {@code [MASK]}
     * @throws IllegalStateException    when the model has no masked-LM head
     */
    public MaskedLm maskedLm(Encoding e) {
        requireMlm("the masked LM");
        int[] masks = maskPositions(checked(e));
        if (masks.length == 0) {
            throw new IllegalArgumentException("the input has no [MASK] to predict: " + e);
        }
        return maskedLm(e, masks);
    }

    private MaskedLm maskedLm(Encoding e, int[] positions) {
        float[] hidden = encoder().run(checked(e).ids(), false).hidden();
        return new MaskedLm(e, positions, MaskedLmHead.logProbabilities(weights, ops, hidden, positions),
                tokenizer.vocabulary());
    }

    /**
     * The passage with the given positions (0-based, {@code [CLS]} is 0) replaced by {@code [MASK]}.
     *
     * @throws IllegalArgumentException for no position, a position outside the passage, out of order,
     *                                  repeated, or on a special token ({@code [CLS]}, {@code [SEP]}, …)
     */
    public MaskedPassage mask(Encoding passage, int... positions) {
        Check.notNull("passage", passage);
        Check.notNull("positions", positions);
        return MaskedPassage.of(passage, positions, tokenizer);
    }

    /**
     * Masks each passage for a masked-LM evaluation, reproducibly: in passage order, one
     * {@code new Random(seed)} draws, uniformly without replacement, $m = \max(1, \mathrm{round}(rate \cdot c))$
     * of the passage's $c$ non-special tokens (special: {@code [CLS] [SEP] [PAD] [UNK] [MASK]}), and
     * every drawn position becomes {@code [MASK]} (BERT's pre-training also leaves 10% unchanged and
     * replaces 10% by random tokens; an evaluation does not). WordPieces are masked one by one, as in
     * the original BERT.
     *
     * @throws IllegalArgumentException for a rate outside $(0, 1]$ or a passage with nothing to mask
     */
    public List<MaskedPassage> mask(List<Encoding> passages, double rate, long seed) {
        Check.notNull("passages", passages);
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("mask rate = " + rate + " is outside (0, 1]");
        }
        Random rnd = new Random(seed);
        List<MaskedPassage> out = new ArrayList<>();
        for (Encoding e : passages) {
            out.add(MaskedPassage.draw(checked(e), rate, rnd, tokenizer));
        }
        return out;
    }

    /**
     * Top-1 accuracy and mean log-likelihood of the true tokens over masked passages: one forward pass
     * per passage (all its masks at once), with a progress bar.
     *
     * @throws IllegalArgumentException for an empty list
     * @throws IllegalStateException    when the model has no masked-LM head
     */
    public MaskedLmScore evaluate(List<MaskedPassage> passages) {
        Check.notNull("passages", passages);
        return evaluate(passages, Progress.start(model.modelName() + " masked LM" + (removed == null ? ""
                : " without " + removedHeadCount() + " heads") + (rules == null ? "" : ", " + rules), passages.size()));
    }

    /**
     * {@link #evaluate(List)} stepping the caller's progress bar once per passage (one bar for a whole
     * experiment of many evaluations).
     */
    public MaskedLmScore evaluate(List<MaskedPassage> passages, Progress progress) {
        requireMlm("a masked-LM evaluation");
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("no passage to evaluate");
        }
        return MaskedLmScore.of(model.modelName(), removedHeadCount(), passages, mp -> {
            MaskedLm lm = maskedLm(mp.masked(), mp.positions());
            progress.step();
            return lm;
        });
    }

    private void requireMlm(String what) {
        if (weights.mlm == null) {
            throw new IllegalStateException(model.modelName() + " has no masked-LM head; " + what
                    + " needs bert-base-uncased");
        }
    }

    static int[] maskPositions(Encoding e) {
        return IntStream.range(0, e.length()).filter(i -> e.tokens().get(i).equals("[MASK]")).toArray();
    }

    Encoding checked(Encoding e) {
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
        return "Bert[" + config() + (weights.mlm != null ? ", masked-LM head" : "")
                + (removed == null ? "" : ", " + removedHeadCount() + " of " + config().layers() * config().heads()
                + " heads removed " + HeadMask.names(removed, config())) + (rules == null ? "" : ", attention " + rules)
                + ", simd " + ops.name() + (threads == 1 ? "" : ", " + threads + " threads") + "]";
    }
}
