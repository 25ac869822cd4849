package io.github.attnlab.patterns;

import io.github.attnlab.compact.Normalized;
import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.core.Check;
import io.github.attnlab.core.LogitRow;
import io.github.attnlab.topk.TopKRows;

/**
 * Data-driven masks from one head's $n \times n$ scores (rows are queries): the per-row top-$k$ support, a top-$k$
 * with a $k$ per row (e.g. the certified $k_\varepsilon$ of {@code topk}), and the support of $\alpha$-entmax.
 * Scores follow {@code core.LogitRow}: $-\infty$ masks a key (never kept), NaN and $+\infty$ are refused.
 */
public final class SupportMasks {

    private SupportMasks() {
    }

    /** The $k$ highest-scoring keys of every query (ties to the lower index). */
    public static AttentionMask topK(double[][] scores, int k) {
        int n = square(scores);
        int[] ks = new int[n];
        java.util.Arrays.fill(ks, Check.range("k", k, 1, n));
        return topK(scores, ks);
    }

    /**
     * The {@code k[i]} highest-scoring keys of query $i$ (ties to the lower index).
     *
     * @throws IllegalArgumentException when a {@code k[i]} is below 1 or above the row's unmasked keys
     */
    public static AttentionMask topK(double[][] scores, int[] k) {
        int n = square(scores);
        Check.notNull("k", k);
        Check.size("k.length", k.length, n);
        int w = Words.words(n);
        long[] words = new long[n * w];
        for (int i = 0; i < n; i++) {
            int unmasked = LogitRow.validate("scores[" + i + "]", scores[i]);
            Check.range("k[" + i + "]", k[i], 1, unmasked);
            for (int j : top(scores[i], k[i])) {
                Words.set(words, i * w, j);
            }
        }
        return new WordMask(n, words);
    }

    /** The top-$k_i$ supports with $k_i$ the certified $k_\varepsilon$ of each row (paper A, {@code TopKRows}). */
    public static AttentionMask certifiedTopK(double[][] scores, double eps) {
        int n = square(scores);
        for (int i = 0; i < n; i++) {
            LogitRow.validate("scores[" + i + "]", scores[i]);
        }
        int[] k = TopKRows.of(scores).certify(eps).k();
        for (int i = 0; i < n; i++) {
            k[i] = Math.max(1, k[i]);
        }
        return topK(scores, k);
    }

    /** The keys with positive $\alpha$-entmax probability ($\alpha = 1$: softmax, every unmasked key). */
    public static AttentionMask entmax(double[][] scores, double alpha) {
        int n = square(scores);
        Normalizer rho = Normalizer.entmax(alpha);
        int w = Words.words(n);
        long[] words = new long[n * w];
        for (int i = 0; i < n; i++) {
            LogitRow.validate("scores[" + i + "]", scores[i]);
            Normalized p = rho.apply(scores[i]);
            for (int j : p.support()) {
                Words.set(words, i * w, j);
            }
        }
        return new WordMask(n, words).requireKeys();
    }

    /**
     * The indices of the {@code k} largest entries (ties to the lower index), $-\infty$ never among them (the caller
     * checked there are at least {@code k} others): $k$ passes of a running maximum, $O(nk)$ without boxing.
     */
    static int[] top(double[] row, int k) {
        boolean[] taken = new boolean[row.length];
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            int best = -1;
            for (int j = 0; j < row.length; j++) {
                if (!taken[j] && row[j] != Double.NEGATIVE_INFINITY && (best < 0 || row[j] > row[best])) {
                    best = j;
                }
            }
            taken[best] = true;
            out[i] = best;
        }
        return out;
    }

    private static int square(double[][] scores) {
        int n = Check.rectangular("scores", scores);
        Check.size("scores[0].length", scores[0].length, n);
        return n;
    }
}
