package io.github.attnlab.model.attention;

import io.github.attnlab.core.Check;
import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.patterns.AttentionPattern;
import io.github.attnlab.spectral.partition.Partition;
import java.util.Locale;

/**
 * How one attention head turns its scores $s = QK^\top/\sqrt d$ into the weights of its output: dense softmax
 * (the reference) or one of the sparse rules of the papers, applied inside a pretrained model
 * ({@code Bert.withAttention(rule)}; {@code docs/papers/A.md}, section "Sparse attention inside the model").
 *
 * <p>Every rule is an immutable value; the factories validate their arguments and throw an
 * {@link IllegalArgumentException} naming the bad one. Two families:
 * <ul>
 *   <li><b>Truncations of softmax</b> keep a set $H_q$ of keys per query $q$ and renormalise softmax on it,
 *       $\hat P_i = e^{s_i}/\sum_{j \in H_q} e^{s_j}$ for $i \in H_q$: {@link Dense} ($H_q$ = every key),
 *       {@link FixedTopK}, {@link CertifiedTopK}, {@link CertifiedBlockSearch}, {@link Threshold},
 *       {@link Pattern} and {@link BlockSparse}. For them the discarded mass $\tau_q = P(T_q)$ is the total-variation
 *       distance to dense attention and the output error is exactly $\tau\|\mu_{tail} - \mu_{head}\|$ (docs/papers/A.md §A.1,
 *       §A.4).</li>
 *   <li><b>Other normalisers</b> on the same scores: {@link Entmax} (sparsemax is $\alpha = 2$). These are not
 *       truncations: they also reweight the keys they keep.</li>
 * </ul>
 */
public sealed interface AttentionRule {

    /** Whether the rule renormalises softmax on a subset of the keys (so that $\tau$ and the head–tail bounds apply). */
    boolean truncatesSoftmax();

    /** Whether the rule needs every key's score (false when it scores only some keys itself, or only a pattern). */
    boolean scoresEveryKey();

    /** Dense softmax, the reference: bit-identical to the model's own forward pass. */
    static AttentionRule dense() {
        return new Dense();
    }

    /** The {@code k} largest scores of each row (every key when $k \ge n$). */
    static AttentionRule topK(int k) {
        return new FixedTopK(k);
    }

    /** The smallest $k$ per row whose certified tail mass is at most $\varepsilon$ (docs/papers/A.md §A.8). */
    static AttentionRule certifiedTopK(double eps) {
        return new CertifiedTopK(eps);
    }

    /** Certified top-k at $\varepsilon$ by {@code topk.KeyBlocks} search over contiguous blocks of keys. */
    static AttentionRule blockSearch(double eps, int blockSize) {
        return new CertifiedBlockSearch(eps, blockSize, KeyGrouping.CONTIGUOUS);
    }

    /** Certified top-k at $\varepsilon$ by {@code topk.KeyBlocks} search over blocks grouped as asked. */
    static AttentionRule blockSearch(double eps, int blockSize, KeyGrouping grouping) {
        return new CertifiedBlockSearch(eps, blockSize, grouping);
    }

    /** The keys whose softmax probability is at least $\theta$. */
    static AttentionRule threshold(double theta) {
        return new Threshold(theta);
    }

    /** Sparsemax of $s/T$ ($\alpha = 2$). */
    static AttentionRule sparsemax(double temperature) {
        return new Entmax(2, temperature);
    }

    /** $\alpha$-entmax of $s/T$ (docs/papers/B.md §B.1). */
    static AttentionRule entmax(double alpha, double temperature) {
        return new Entmax(alpha, temperature);
    }

    /** The keys a sparsity pattern allows (paper E; the mask of layer $l$ on $n$ tokens). */
    static AttentionRule pattern(AttentionPattern pattern) {
        return new Pattern(pattern, Check.notNull("pattern", pattern).toString());
    }

    /** The keys one fixed mask allows, in every layer; inputs must have the mask's length. */
    static AttentionRule mask(AttentionMask mask) {
        Check.notNull("mask", mask).requireKeys();
        return new Pattern((n, layer) -> mask, "mask " + mask);
    }

    /** Block-diagonal attention on a fixed partition of the tokens (inputs must have its length). */
    static AttentionRule blockSparse(Partition partition) {
        return new BlockSparse(Check.notNull("partition", partition), 0, 0);
    }

    /** Block-diagonal attention on contiguous blocks of {@code blockSize} positions. */
    static AttentionRule blockSparse(int blockSize) {
        return new BlockSparse(null, Check.positive("blockSize", blockSize), 0);
    }

    /**
     * Block-diagonal attention on a partition of each head's own dense attention graph $W = (P + P^\top)/2$
     * into {@code parts} blocks by the multilevel partitioner ({@code spectral.partition}, docs/papers/D.md §D.5): an
     * oracle, since it needs the dense attention first.
     */
    static AttentionRule blockSparseByAttention(int parts) {
        return new BlockSparse(null, 0, Check.positive("parts", parts));
    }

    /** How {@link CertifiedBlockSearch} groups the keys into blocks. */
    enum KeyGrouping {
        /** Consecutive positions ({@code KeyBlocks.contiguous}). */
        CONTIGUOUS,
        /** Nearby keys by recursive median bisection ({@code KeyBlocks.clustered}). */
        CLUSTERED
    }

    /** Dense softmax. */
    record Dense() implements AttentionRule {
        @Override
        public boolean truncatesSoftmax() {
            return true;
        }

        @Override
        public boolean scoresEveryKey() {
            return true;
        }

        @Override
        public String toString() {
            return "dense softmax";
        }
    }

    /** The $k$ largest scores of each row, ties to the lower key index; every key when $k \ge n$. */
    record FixedTopK(int k) implements AttentionRule {
        /** Checks $k \ge 1$. */
        public FixedTopK {
            Check.positive("k", k);
        }

        @Override
        public boolean truncatesSoftmax() {
            return true;
        }

        @Override
        public boolean scoresEveryKey() {
            return true;
        }

        @Override
        public String toString() {
            return "top-" + k;
        }
    }

    /**
     * Per row, the smallest $k$ whose certified tail mass ({@code topk.RankedRow#tailMassUpper}) is at most $\varepsilon$,
     * so the exact $\tau_q \le \varepsilon$ on every row.
     */
    record CertifiedTopK(double eps) implements AttentionRule {
        /** Checks $0 &lt; \varepsilon &lt; 1$. */
        public CertifiedTopK {
            Check.open("eps", eps, 0, 1);
        }

        @Override
        public boolean truncatesSoftmax() {
            return true;
        }

        @Override
        public boolean scoresEveryKey() {
            return true;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "certified top-k (eps = %s)", eps);
        }
    }

    /**
     * Certified top-k by block search ({@code topk.KeyBlocks#search}): the head's keys in blocks with an upper bound
     * on their logits, scored from the most promising block down until the unscored ones provably hold at most
     * $\varepsilon$; only the scored keys are ever computed (in double, from the model's float $q$ and $k$).
     */
    record CertifiedBlockSearch(double eps, int blockSize, KeyGrouping grouping) implements AttentionRule {
        /** Checks $0 &lt; \varepsilon &lt; 1$, a positive block size and a grouping. */
        public CertifiedBlockSearch {
            Check.open("eps", eps, 0, 1);
            Check.positive("blockSize", blockSize);
            Check.notNull("grouping", grouping);
        }

        @Override
        public boolean truncatesSoftmax() {
            return true;
        }

        @Override
        public boolean scoresEveryKey() {
            return false;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "certified block search (eps = %s, %s blocks of %d)", eps,
                    grouping.name().toLowerCase(Locale.ROOT), blockSize);
        }
    }

    /**
     * The keys with softmax probability $P_i \ge \theta$. A row whose largest probability is below $\theta$ would
     * keep no key and is refused at run time; $\theta \le 1/n$ never empties a row.
     */
    record Threshold(double theta) implements AttentionRule {
        /** Checks $0 &lt; \theta &lt; 1$. */
        public Threshold {
            Check.open("theta", theta, 0, 1);
        }

        @Override
        public boolean truncatesSoftmax() {
            return true;
        }

        @Override
        public boolean scoresEveryKey() {
            return true;
        }

        @Override
        public String toString() {
            return "probability threshold " + theta;
        }
    }

    /**
     * $p = \alpha\text{-entmax}(s/T)$, computed in double by {@code compact.Normalizers#entmax} ($\alpha = 2$ is
     * sparsemax, $\alpha = 1$ softmax).
     *
     * <p>Applied to a model trained with softmax, this is a change of normaliser without retraining: with
     * $\alpha &gt; 1$ the weights are a compact-kernel regression instead of the Gaussian one the model learned
     * (docs/papers/B.md §B.2–3), so even on the keys it keeps the weights differ from softmax's, and the temperature
     * $T$ only sets how many keys it keeps (a lower $T$ keeps fewer). The measured error is therefore not a
     * truncation error and no head–tail bound applies; the paper's models were trained with their normaliser.
     */
    record Entmax(double alpha, double temperature) implements AttentionRule {
        /** Checks $\alpha \ge 1$ (finite) and $T &gt; 0$. */
        public Entmax {
            if (!(alpha >= 1) || alpha == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("alpha = " + alpha + " is outside [1, Infinity): alpha-entmax needs"
                        + " alpha >= 1 (1 is softmax, 2 sparsemax)");
            }
            Check.positive("temperature", temperature);
        }

        @Override
        public boolean truncatesSoftmax() {
            return false;
        }

        @Override
        public boolean scoresEveryKey() {
            return true;
        }

        @Override
        public String toString() {
            return (alpha == 2 ? "sparsemax" : alpha + "-entmax") + " (T = " + temperature + ")";
        }
    }

    /**
     * The keys a pattern allows: query $i$ of layer $l$ attends to $A_i^l$ of {@code pattern.mask(n, l)}. The
     * mask must have the input's length and give every query a key, else the run is refused.
     *
     * @param pattern the pattern
     * @param name    how it prints
     */
    record Pattern(AttentionPattern pattern, String name) implements AttentionRule {
        /** Checks both are present. */
        public Pattern {
            Check.notNull("pattern", pattern);
            Check.notNull("name", name);
        }

        @Override
        public boolean truncatesSoftmax() {
            return true;
        }

        @Override
        public boolean scoresEveryKey() {
            return false;
        }

        @Override
        public String toString() {
            return "pattern " + name;
        }
    }

    /**
     * Block-diagonal attention: query $i$ attends to the keys of its own block. The blocks are a fixed
     * {@code partition}, or contiguous runs of {@code blockSize} positions, or ({@code parts} &gt; 0) a partition of
     * each head's dense attention graph; exactly one of the three is set.
     *
     * @param partition a fixed partition, or null
     * @param blockSize contiguous block length, or 0
     * @param parts     blocks of the attention-graph partition, or 0
     */
    record BlockSparse(Partition partition, int blockSize, int parts) implements AttentionRule {
        /** Checks that exactly one source of blocks is given. */
        public BlockSparse {
            int given = (partition != null ? 1 : 0) + (blockSize > 0 ? 1 : 0) + (parts > 0 ? 1 : 0);
            if (given != 1 || blockSize < 0 || parts < 0) {
                throw new IllegalArgumentException("block-sparse attention needs exactly one of a partition, a block"
                        + " size >= 1 or a number of parts >= 1 (got partition = " + partition + ", blockSize = " + blockSize
                        + ", parts = " + parts + ")");
            }
        }

        @Override
        public boolean truncatesSoftmax() {
            return true;
        }

        @Override
        public boolean scoresEveryKey() {
            return parts > 0;
        }

        @Override
        public String toString() {
            return partition != null ? "block-sparse " + partition : blockSize > 0
                    ? "block-sparse (contiguous blocks of " + blockSize + ")"
                    : "block-sparse (" + parts + " blocks of each head's attention graph)";
        }
    }
}
