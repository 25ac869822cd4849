package io.github.attnlab.model.attention;

import io.github.attnlab.compact.Normalizers;
import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.topk.KeyBlocks;
import io.github.attnlab.topk.RankedRow;
import io.github.attnlab.topk.SearchResult;
import java.util.Arrays;

/**
 * The rows of one head under one rule: a reusable workspace of {@link AttentionHook}. {@link #begin} prepares the
 * head (a pattern's mask, a key index); {@link #row} writes one query's weights and leaves what it kept in
 * {@link #keep}, the rule's own weights in {@link #weights} (entmax), and the counts in {@link #scored} and
 * {@link #kept}.
 */
final class HeadRules {

    int scored;
    int kept;
    boolean[] keep = new boolean[0];
    double[] weights = new double[0];

    private final SimdOps ops = SimdOps.get();
    private final RankedRow ranked = new RankedRow();
    private final KeyMasks masks = new KeyMasks();
    private AttentionRule rule;
    private int layer;
    private int head;
    private int n;
    private double[] row = new double[0];
    private float[] masked = new float[0];
    private boolean[] allowed;
    private KeyBlocks index;
    private double[][] queries;
    private double[][] keys;
    private double scale;

    void begin(AttentionRule r, int l, int h, int len, int d, float[] qkv, int stride, int qOff, int kOff, float[] s) {
        rule = r;
        layer = l;
        head = h;
        n = len;
        if (keep.length < len) {
            keep = new boolean[len];
            weights = new double[len];
            row = new double[len];
            masked = new float[len];
        }
        allowed = null;
        index = null;
        if (r instanceof AttentionRule.Pattern pt) {
            allowed = masks.pattern(pt, l, len);
        } else if (r instanceof AttentionRule.BlockSparse b) {
            allowed = masks.blocks(b, len, s);
        } else if (r instanceof AttentionRule.CertifiedBlockSearch b) {
            queries = block(qkv, len, d, stride, qOff);
            keys = block(qkv, len, d, stride, kOff);
            index = b.grouping() == AttentionRule.KeyGrouping.CONTIGUOUS ? KeyBlocks.contiguous(keys, b.blockSize())
                    : KeyBlocks.clustered(keys, b.blockSize());
            scale = 1 / Math.sqrt(d);
        }
    }

    private static double[][] block(float[] qkv, int len, int d, int stride, int off) {
        double[][] out = new double[len][d];
        for (int t = 0; t < len; t++) {
            for (int j = 0; j < d; j++) {
                out[t][j] = qkv[t * stride + off + j];
            }
        }
        return out;
    }

    /** Writes query {@code q}'s weights into {@code p[q n, q n + n)}. */
    void row(int q, float[] s, float[] p) {
        int o = q * n;
        scored = n;
        if (rule instanceof AttentionRule.Dense) {
            ops.softmax(s, o, n, p, o);
            Arrays.fill(keep, 0, n, true);
            kept = n;
        } else if (rule instanceof AttentionRule.FixedTopK t) {
            rank(s, o);
            keepTop(Math.min(t.k(), ranked.unmasked()));
            maskedSoftmax(s, o, p);
        } else if (rule instanceof AttentionRule.CertifiedTopK c) {
            rank(s, o);
            keepTop(ranked.certifiedK(c.eps()));
            maskedSoftmax(s, o, p);
        } else if (rule instanceof AttentionRule.Threshold t) {
            threshold(t.theta(), q, s, o, p);
        } else if (rule instanceof AttentionRule.Entmax e) {
            for (int j = 0; j < n; j++) {
                row[j] = s[o + j] / e.temperature();
            }
            Normalizers.entmax(e.alpha(), row, weights, 0, n);
            kept = 0;
            for (int j = 0; j < n; j++) {
                p[o + j] = (float) weights[j];
                keep[j] = weights[j] > 0;
                kept += keep[j] ? 1 : 0;
            }
        } else if (rule instanceof AttentionRule.CertifiedBlockSearch b) {
            search(b, q, o, p);
        } else {
            kept = 0;
            for (int j = 0; j < n; j++) {
                keep[j] = allowed[o + j];
                kept += keep[j] ? 1 : 0;
            }
            scored = rule.scoresEveryKey() ? n : kept;
            maskedSoftmax(s, o, p);
        }
    }

    private void rank(float[] s, int o) {
        for (int j = 0; j < n; j++) {
            row[j] = s[o + j];
        }
        ranked.rank(row, 0, n);
    }

    private void keepTop(int k) {
        Arrays.fill(keep, 0, n, false);
        for (int r = 0; r < k; r++) {
            keep[ranked.keyAt(r)] = true;
        }
        kept = k;
    }

    /** Softmax of the float row with the keys outside {@link #keep} at $-\infty$: the model's own softmax on $H$. */
    private void maskedSoftmax(float[] s, int o, float[] p) {
        for (int j = 0; j < n; j++) {
            masked[j] = keep[j] ? s[o + j] : Float.NEGATIVE_INFINITY;
        }
        ops.softmax(masked, 0, n, p, o);
    }

    private void threshold(double theta, int q, float[] s, int o, float[] p) {
        ops.softmax(s, o, n, p, o);
        kept = 0;
        float largest = 0;
        for (int j = 0; j < n; j++) {
            keep[j] = p[o + j] >= theta;
            kept += keep[j] ? 1 : 0;
            largest = Math.max(largest, p[o + j]);
        }
        if (kept == 0) {
            throw new IllegalArgumentException(rule + " leaves layer " + layer + ", head " + head + ", query " + q
                    + " with no key (its largest probability is " + largest + "); a threshold at most 1/n = "
                    + 1.0 / n + " never does");
        }
        maskedSoftmax(s, o, p);
    }

    private void search(AttentionRule.CertifiedBlockSearch b, int q, int o, float[] p) {
        SearchResult r = index.search(queries[q], scale, b.eps());
        Arrays.fill(keep, 0, n, false);
        Arrays.fill(masked, 0, n, Float.NEGATIVE_INFINITY);
        double[] qv = queries[q];
        for (int j : r.keys()) {
            keep[j] = true;
            masked[j] = (float) (scale * ops.dot(qv, 0, keys[j], 0, qv.length));
        }
        ops.softmax(masked, 0, n, p, o);
        scored = r.keysScored();
        kept = r.k();
    }

    /**
     * The logits the rule's error is measured against, in double: the float scores widened, or for block search
     * the logits {@code KeyBlocks} computes (the ones it certified).
     */
    double[] referenceLogits(int q, float[] s, double[] buf) {
        if (index != null) {
            return index.logits(queries[q], scale);
        }
        int o = q * n;
        for (int j = 0; j < n; j++) {
            buf[j] = s[o + j];
        }
        return buf;
    }
}
