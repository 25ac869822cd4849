package io.github.attnlab.haar;

import io.github.attnlab.core.Check;
import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.core.LogitRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic attention heads with known structure: scores $S = Q K^T / \sqrt d$ of low rank built from
 * token features, and $P = \mathrm{softmax}(S)$ row by row. A stand-in for a real network's
 * query $\times$ key $\times$ head tensor (docs/papers/C.md §C) wherever the real tensors are not at hand,
 * always labelled as synthetic.
 *
 * <p>The $n$ tokens form {@code segments} consecutive segments ("sentences") and carry a latent
 * topic (one of {@code segments} random unit vectors, shared by the tokens of a segment, plus noise)
 * and a position $t \in [0, 1]$. Heads come in five kinds, assigned in rotation:
 * <ul>
 *   <li>{@link Kind#POSITIONAL}: $s_{ij} = \beta \cos(2\pi\omega (t_i - t_j))$ plus a small term, rank 2
 *       in $(\cos, \sin)$ features: attends to nearby tokens;</li>
 *   <li>{@link Kind#TOPICAL}: $s_{ij} = \beta \langle u_i, W u_j \rangle$ on the topic vectors: attends
 *       within the segment's topic (block structure);</li>
 *   <li>{@link Kind#FIRST_TOKEN}: $s_{ij} = \beta\, 1[j = 0]$ plus noise: every query attends to the
 *       first token (as BERT heads attend to {@code [CLS]} or {@code [SEP]});</li>
 *   <li>{@link Kind#UNIFORM}: small random low-rank scores: nearly uniform attention;</li>
 *   <li>{@link Kind#MIXED}: half positional, half topical.</li>
 * </ul>
 * The strengths $\beta$ and frequencies $\omega$ vary from head to head. Everything is determined by
 * the seed.
 */
public final class SyntheticHeads {

    /** The largest number of tokens (and of heads) generated: each head is a dense matrix of scores. */
    public static final int MAX_TOKENS = 4096;

    /** The kind of a synthetic head. */
    public enum Kind { POSITIONAL, TOPICAL, FIRST_TOKEN, UNIFORM, MIXED }

    private static final int TOPIC_DIM = 6;

    private final int n;
    private final int[] segment;
    private final List<double[][]> scores;
    private final List<Kind> kinds;

    private SyntheticHeads(int n, int[] segment, List<double[][]> scores, List<Kind> kinds) {
        this.n = n;
        this.segment = segment;
        this.scores = scores;
        this.kinds = kinds;
    }

    /** {@code heads} heads on {@code tokens} tokens in {@code segments} segments, the kinds in rotation, from a seed. */
    public static SyntheticHeads generate(int tokens, int heads, int segments, long seed) {
        Check.range("tokens", tokens, 2, MAX_TOKENS);
        Check.range("heads", heads, 1, MAX_TOKENS);
        List<Kind> kinds = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            kinds.add(Kind.values()[h % Kind.values().length]);
        }
        return generate(tokens, kinds, segments, seed);
    }

    /**
     * Heads of the given kinds on {@code tokens} tokens in {@code segments} segments. The tokens depend on
     * the seed only, so two calls with the same seed and different kinds are two "networks" reading the
     * same text.
     */
    public static SyntheticHeads generate(int tokens, List<Kind> kinds, int segments, long seed) {
        Check.notNull("kinds", kinds);
        Check.range("tokens", tokens, 2, MAX_TOKENS);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds is empty: a network needs at least one head");
        }
        Check.range("segments", segments, 1, tokens);
        Random r = new Random(seed);
        int[] seg = new int[tokens];
        double[] pos = new double[tokens];
        for (int i = 0; i < tokens; i++) {
            seg[i] = (int) ((long) i * segments / tokens);
            pos[i] = (i + 0.5) / tokens;
        }
        double[][] topics = new double[segments][];
        for (int s = 0; s < segments; s++) {
            topics[s] = unit(gaussian(r, TOPIC_DIM));
        }
        double[][] u = new double[tokens][TOPIC_DIM];
        for (int i = 0; i < tokens; i++) {
            for (int d = 0; d < TOPIC_DIM; d++) {
                u[i][d] = topics[seg[i]][d] + 0.25 * r.nextGaussian();
            }
        }
        Random heads = new Random(r.nextLong());
        List<double[][]> sc = new ArrayList<>();
        List<Kind> ks = new ArrayList<>();
        for (Kind k : kinds) {
            ks.add(java.util.Objects.requireNonNull(k, "kind"));
            sc.add(head(k, heads, u, pos));
        }
        return new SyntheticHeads(tokens, seg, sc, ks);
    }

    private static double[][] head(Kind k, Random r, double[][] u, double[] pos) {
        int n = pos.length;
        double[][] s = new double[n][n];
        double beta = 3 + 4 * r.nextDouble();
        double omega = 0.5 + r.nextDouble();
        double[][] w = new double[TOPIC_DIM][TOPIC_DIM];
        for (double[] row : w) {
            for (int d = 0; d < TOPIC_DIM; d++) {
                row[d] = r.nextGaussian() / Math.sqrt(TOPIC_DIM);
            }
        }
        for (int d = 0; d < TOPIC_DIM; d++) {
            w[d][d] += 1; // a positive part: tokens of one topic attend to each other
        }
        double[] a = gaussian(r, n);
        double[] b = gaussian(r, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double positional = Math.cos(2 * Math.PI * omega * (pos[i] - pos[j]));
                double topical = 0;
                for (int x = 0; x < TOPIC_DIM; x++) {
                    for (int y = 0; y < TOPIC_DIM; y++) {
                        topical += u[i][x] * w[x][y] * u[j][y];
                    }
                }
                double noise = 0.3 * a[i] * b[j];
                switch (k) {
                    case POSITIONAL:
                        s[i][j] = beta * positional + noise;
                        break;
                    case TOPICAL:
                        s[i][j] = beta * topical + noise;
                        break;
                    case FIRST_TOKEN:
                        s[i][j] = (j == 0 ? beta : 0) + noise;
                        break;
                    case UNIFORM:
                        s[i][j] = noise;
                        break;
                    default:
                        s[i][j] = 0.5 * beta * (positional + topical) + noise;
                }
            }
        }
        return s;
    }

    private static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double[] unit(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        double inv = 1 / Math.sqrt(s);
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** The number of tokens. */
    public int tokens() {
        return n;
    }

    /** The number of heads. */
    public int heads() {
        return scores.size();
    }

    /** The segment of each token (ground truth for the query and key trees). */
    public int[] segments() {
        return segment.clone();
    }

    /** The kind of head {@code h}. */
    public Kind kind(int h) {
        Check.index("h", h, kinds.size());
        return kinds.get(h);
    }

    /** The kind of every head, as ordinals (ground truth for the head tree). */
    public int[] kindLabels() {
        return kinds.stream().mapToInt(Enum::ordinal).toArray();
    }

    /** A short name of head {@code h}: its index and kind. */
    public String name(int h) {
        Check.index("h", h, kinds.size());
        return String.format(Locale.ROOT, "h%02d-%s", h, kinds.get(h).name().toLowerCase(Locale.ROOT));
    }

    /** The score matrix of head {@code h} (a copy). */
    public double[][] scores(int h) {
        Check.index("h", h, scores.size());
        return copy(scores.get(h));
    }

    /** The attention matrix $\mathrm{softmax}(S)$ of head {@code h}, row by row. */
    public double[][] probabilities(int h) {
        Check.index("h", h, scores.size());
        return softmaxRows(scores.get(h));
    }

    /** Every head's scores. */
    public List<double[][]> scores() {
        List<double[][]> l = new ArrayList<>();
        for (double[][] m : scores) {
            l.add(copy(m));
        }
        return l;
    }

    /** Every head's probabilities. */
    public List<double[][]> probabilities() {
        List<double[][]> l = new ArrayList<>();
        for (double[][] m : scores) {
            l.add(softmaxRows(m));
        }
        return l;
    }

    /**
     * Row-wise softmax ({@link Normalizers#softmax}); every row follows the row contract ({@link LogitRow}:
     * $-\infty$ masks a key; NaN, $+\infty$ and a fully masked row are refused, as {@code "s[3][7] is NaN"}).
     */
    public static double[][] softmaxRows(double[][] s) {
        LogitRow.validateRows("s", s);
        double[][] p = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            p[i] = new double[s[i].length];
            Normalizers.softmax(s[i], p[i], 0, p[i].length);
        }
        return p;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "SyntheticHeads[" + n + " tokens, " + heads() + " heads, kinds in rotation " + java.util.Arrays.toString(Kind.values()) + "]";
    }
}
